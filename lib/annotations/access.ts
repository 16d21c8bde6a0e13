import { Prisma, type Db } from '../db/client';
import type { Tx } from '../db/tx';
import {
  authorize,
  annotationPolicy,
  type Actor,
  type AnnotationAction,
  type Role,
} from '../policies';
import { lockDocumentForThreadWrite } from '../documents/revision-lock';

type AnnotationAccessRow = {
  id: string;
  documentId: string;
  authorId: string;
  visibility: 'PRIVATE' | 'WORKSPACE';
  status: 'OPEN' | 'RESOLVED';
  workspaceId: string;
  role: Role | null;
  /** With `thread: true`: comments in the thread (deleted ones too) and live comments' authors. */
  commentCount?: number;
  participants?: string[];
};

/**
 * Loads an annotation with the actor's role, checking visibility and the action. One query (the
 * annotation, its document's workspace and the user's membership): every thread action and
 * every posted comment starts here. `thread: true` adds the thread's size and participants
 * (posting a reply needs both) to the same query. `forWrite` (inside a transaction) first
 * locks the document's row: see `lockDocumentForThreadWrite`.
 */
export async function annotationFor(
  tx: Db | Tx,
  userId: string,
  annotationId: string,
  action: AnnotationAction,
  options: { thread?: boolean; forWrite?: boolean } = {},
) {
  const thread = options.thread
    ? Prisma.sql`,
      (SELECT count(*)::int FROM "Comment" c WHERE c."annotationId" = a.id) AS "commentCount",
      ARRAY(SELECT DISTINCT c."authorId" FROM "Comment" c
             WHERE c."annotationId" = a.id AND c."deletedAt" IS NULL) AS participants`
    : Prisma.empty;
  if (options.forWrite) await lockDocumentForThreadWrite(tx as Tx, { annotationId });
  const [row] = await tx.$queryRaw<AnnotationAccessRow[]>`
    SELECT a.id, a."documentId", a."authorId", a.visibility::text AS visibility,
           a.status::text AS status, d."workspaceId", m.role::text AS role ${thread}
      FROM "Annotation" a
      JOIN "Document" d ON d.id = a."documentId"
      LEFT JOIN "Membership" m ON m."workspaceId" = d."workspaceId" AND m."userId" = ${userId}
     WHERE a.id = ${annotationId}`;
  const annotation = row
    ? {
        id: row.id,
        documentId: row.documentId,
        authorId: row.authorId,
        visibility: row.visibility,
        status: row.status,
        document: { workspaceId: row.workspaceId },
      }
    : null;
  const actor: Actor | null = row ? { userId, role: row.role } : null;
  authorize({
    visible: !!annotation && !!actor && annotationPolicy(actor, 'annotation:read', annotation),
    allowed: !!annotation && !!actor && annotationPolicy(actor, action, annotation),
  });
  return {
    annotation: annotation!,
    actor: actor!,
    thread: { count: row!.commentCount ?? 0, participants: row!.participants ?? [] },
  };
}

const commentColumns = {
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
} as const;

/**
 * Loads a comment (not deleted) and its annotation, checking visibility. With `forWrite`, the
 * document's row is locked first (`lockDocumentForThreadWrite`) and both are read under the lock.
 */
export async function commentFor(
  tx: Tx,
  userId: string,
  commentId: string,
  action: AnnotationAction,
  options: { forWrite?: boolean } = {},
) {
  if (options.forWrite) await lockDocumentForThreadWrite(tx, { commentId });
  const comment = await tx.comment.findUnique({
    where: { id: commentId },
    select: commentColumns,
  });
  if (!comment || comment.deletedAt) authorize({ visible: false, allowed: false });
  const { annotation, actor } = await annotationFor(tx, userId, comment!.annotationId, action);
  return { comment: comment!, annotation, actor };
}
