import type { Db } from '../db/client';
import type { Tx } from '../db/tx';
import { authorize, annotationPolicy, type Actor, type AnnotationAction } from '../policies';
import { actorIn } from '../workspaces/actor';

/** Loads an annotation with the actor's role, checking visibility and the action. */
export async function annotationFor(
  tx: Db | Tx,
  userId: string,
  annotationId: string,
  action: AnnotationAction,
) {
  const annotation = await tx.annotation.findUnique({
    where: { id: annotationId },
    select: {
      id: true,
      documentId: true,
      authorId: true,
      visibility: true,
      status: true,
      document: { select: { workspaceId: true } },
    },
  });
  const actor: Actor | null = annotation
    ? await actorIn(tx, annotation.document.workspaceId, userId)
    : null;
  authorize({
    visible: !!annotation && !!actor && annotationPolicy(actor, 'annotation:read', annotation),
    allowed: !!annotation && !!actor && annotationPolicy(actor, action, annotation),
  });
  return { annotation: annotation!, actor: actor! };
}

/** Loads a comment (not deleted) and its annotation, checking visibility. */
export async function commentFor(
  tx: Tx,
  userId: string,
  commentId: string,
  action: AnnotationAction,
) {
  const comment = await tx.comment.findUnique({
    where: { id: commentId },
    select: {
      id: true,
      annotationId: true,
      authorId: true,
      version: true,
      deletedAt: true,
      hiddenAt: true,
      body: true,
      bodyText: true,
      createdAt: true,
      editedAt: true,
    },
  });
  if (!comment || comment.deletedAt) {
    authorize({ visible: false, allowed: false });
  }
  const { annotation, actor } = await annotationFor(tx, userId, comment!.annotationId, action);
  return { comment: comment!, annotation, actor };
}
