/** Replies, edits (with history and optimistic concurrency), soft deletes and moderation. */
import { z } from 'zod';
import { db, Prisma } from '../db/client';
import { constraintViolation } from '../db/errors';
import { inTransaction, type Tx } from '../db/tx';
import { AppError } from '../errors/app-error';
import { parseInput } from '../http/validate';
import { publishDocumentEvent } from '../documents/events';
import { authorize } from '../policies';
import { annotationFor, commentFor } from './access';
import { validateCommentBody } from './comment-body';
import { insertComment } from './insert-comment';
import { commentRecipients } from './notify';

export const MAX_COMMENTS_PER_THREAD = 2_000;

export const replySchema = z
  .object({
    parentId: z.string().min(1).max(40).optional(),
    // `comment` in the public API, `body` in the UI.
    comment: z.unknown().optional(),
    body: z.unknown().optional(),
    clientKey: z.string().min(8).max(64).optional(),
  })
  .strict();

export const editSchema = z
  .object({
    comment: z.unknown().optional(),
    body: z.unknown().optional(),
    version: z.number().int().min(1),
  })
  .strict();

const json = (v: unknown) => v as Prisma.InputJsonValue;

/**
 * Adds a comment to a thread. Everything that only reads (permission, parent, thread size and
 * participants, the body's mentions, an earlier post with the same clientKey) is checked first;
 * then the comment, its inbox entries and its event are written in one statement
 * (`insertComment`): posting is the hottest write path (bench figure 2), and every round trip
 * holds a pooled connection. A thread deleted between the check and the insert fails the
 * foreign key, which is reported as NOT_FOUND like any other vanished resource. With `outer`,
 * the statement runs in the caller's transaction.
 */
export async function replyToThread(
  userId: string,
  annotationId: string,
  input: unknown,
  outer?: Tx,
) {
  const data = parseInput(replySchema, input);
  const { annotation, thread } = await annotationFor(
    db(),
    userId,
    annotationId,
    'annotation:reply',
    {
      thread: true,
    },
  );
  if (data.clientKey) {
    const earlier = await earlierPost(userId, data.clientKey);
    if (earlier) return earlier;
  }
  const [parent, body] = await Promise.all([
    data.parentId
      ? db().comment.findUnique({ where: { id: data.parentId }, select: { annotationId: true } })
      : null,
    validateCommentBody(db(), annotation.document.workspaceId, data.comment ?? data.body),
  ]);
  if (data.parentId && parent?.annotationId !== annotationId) {
    throw new AppError('BAD_REQUEST', 'The comment replied to is not in this thread.', {
      fields: { parentId: ['Not in this thread'] },
    });
  }
  if (thread.count >= MAX_COMMENTS_PER_THREAD)
    throw new AppError('CONFLICT', `A thread holds at most ${MAX_COMMENTS_PER_THREAD} comments.`);
  try {
    const id = await insertComment(outer ?? db(), {
      annotationId,
      parentId: data.parentId ?? null,
      authorId: userId,
      body: body.doc,
      bodyText: body.text,
      clientKey: data.clientKey ?? null,
      recipients: commentRecipients({
        annotationAuthorId: annotation.authorId,
        writerId: userId,
        mentions: body.mentions,
        privateTo: annotation.visibility === 'PRIVATE' ? annotation.authorId : null,
        participants: thread.participants,
      }),
      event: {
        documentId: annotation.documentId,
        visibility: annotation.visibility,
        annotationAuthorId: annotation.authorId,
      },
    });
    return { id, created: true };
  } catch (err) {
    // The same clientKey posted concurrently: the unique index let one through; answer with it.
    const earlier =
      data.clientKey && isUniqueViolation(err) && (await earlierPost(userId, data.clientKey));
    if (earlier) return earlier;
    if (isForeignKeyViolation(err)) throw new AppError('NOT_FOUND');
    throw err;
  }
}

async function earlierPost(userId: string, clientKey: string) {
  const earlier = await db().comment.findUnique({
    where: { authorId_clientKey: { authorId: userId, clientKey } },
    select: { id: true },
  });
  return earlier ? { id: earlier.id, created: false } : null;
}

const isUniqueViolation = (err: unknown) => constraintViolation(err) === 'unique';
const isForeignKeyViolation = (err: unknown) => constraintViolation(err) === 'foreign-key';

/** Edits one's own comment. `version` must be the current one, else CONFLICT with the current text. */
export async function editComment(userId: string, commentId: string, input: unknown, outer?: Tx) {
  const data = parseInput(editSchema, input);
  return inTransaction(outer, async (tx) => {
    const { comment, annotation } = await commentFor(tx, userId, commentId, 'annotation:reply', {
      forWrite: true,
    });
    authorize({ visible: true, allowed: comment.authorId === userId });
    const workspace = await tx.document.findUniqueOrThrow({
      where: { id: annotation.documentId },
      select: { workspaceId: true },
    });
    const body = await validateCommentBody(tx, workspace.workspaceId, data.comment ?? data.body);
    // Compare-and-set on the version: a concurrent edit makes this update match nothing.
    const { count } = await tx.comment.updateMany({
      where: { id: commentId, version: data.version, deletedAt: null },
      data: {
        body: json(body.doc),
        bodyText: body.text,
        version: { increment: 1 },
        editedAt: new Date(),
      },
    });
    if (count === 0) {
      const current = await tx.comment.findUniqueOrThrow({
        where: { id: commentId },
        select: { version: true, bodyText: true },
      });
      throw new AppError(
        'CONFLICT',
        `This comment was changed meanwhile (now version ${current.version}). Review it and edit again.`,
        {
          fields: { version: [String(current.version)] },
        },
      );
    }
    await tx.commentRevision.create({
      data: {
        commentId,
        version: data.version,
        body: json(comment.body),
        bodyText: comment.bodyText,
        createdAt: comment.editedAt ?? comment.createdAt,
      },
    });
    await publishDocumentEvent(tx, annotation.documentId, 'comment.updated', {
      annotationId: annotation.id,
      commentId,
      visibility: annotation.visibility,
      authorId: annotation.authorId,
    });
    return { id: commentId, version: data.version + 1 };
  });
}

/**
 * Soft delete: the placeholder keeps the thread's shape; a thread with nothing left disappears.
 * Thread writes on a document take turns (`forWrite`), so two comments deleted at once cannot
 * each leave the other behind as the thread's last and keep a thread of deleted comments.
 */
export async function deleteComment(userId: string, commentId: string, outer?: Tx) {
  return inTransaction(outer, async (tx) => {
    const { comment, annotation } = await commentFor(tx, userId, commentId, 'annotation:reply', {
      forWrite: true,
    });
    authorize({ visible: true, allowed: comment.authorId === userId });
    await tx.comment.update({ where: { id: commentId }, data: { deletedAt: new Date() } });
    const remaining = await tx.comment.count({
      where: { annotationId: annotation.id, deletedAt: null },
    });
    const threadGone = remaining === 0;
    if (threadGone) await tx.annotation.delete({ where: { id: annotation.id } });
    await publishDocumentEvent(
      tx,
      annotation.documentId,
      threadGone ? 'annotation.deleted' : 'comment.deleted',
      {
        annotationId: annotation.id,
        commentId,
        visibility: annotation.visibility,
        authorId: annotation.authorId,
      },
    );
    return { threadDeleted: threadGone };
  });
}

/** Moderators hide (or unhide) a comment; its author and moderators still see it, marked hidden. */
export async function setCommentHidden(userId: string, commentId: string, hidden: boolean) {
  return db().$transaction(async (tx) => {
    const { annotation } = await commentFor(tx, userId, commentId, 'comment:hide', {
      forWrite: true,
    });
    await tx.comment.update({
      where: { id: commentId },
      data: hidden
        ? { hiddenAt: new Date(), hiddenById: userId }
        : { hiddenAt: null, hiddenById: null },
    });
    await publishDocumentEvent(tx, annotation.documentId, 'comment.updated', {
      annotationId: annotation.id,
      commentId,
      visibility: annotation.visibility,
      authorId: annotation.authorId,
    });
    return { hidden };
  });
}

export async function commentHistory(userId: string, commentId: string) {
  return db().$transaction(async (tx) => {
    const { comment } = await commentFor(tx, userId, commentId, 'annotation:read');
    const versions = await tx.commentRevision.findMany({
      where: { commentId },
      orderBy: { version: 'asc' },
      select: { version: true, bodyText: true, body: true, createdAt: true },
    });
    return {
      current: { version: comment.version, bodyText: comment.bodyText, body: comment.body },
      earlier: versions,
    };
  });
}
