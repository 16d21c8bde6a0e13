import { Prisma, type Db } from '../db/client';
import type { Tx } from '../db/tx';
import {
  authorize,
  annotationPolicy,
  type Actor,
  type AnnotationAction,
  type Role,
} from '../policies';

/**
 * The row lock a writer takes on the annotation it checked, so that what it checked still holds
 * when it writes, until it commits. A delete that commits between a check and a write otherwise
 * surfaces as a vanished row; with the lock, the delete either commits first (the writer then
 * finds nothing: NOT_FOUND) or waits for the writer.
 * - `key share`: the annotation is not deleted meanwhile (adding to or changing its comments).
 * - `no key update`: also one such change of the annotation itself at a time (resolve, tags,
 *   visibility), without holding up replies.
 * - `update`: nothing else touches it (deleting the thread, or a comment that may be its last).
 * Locks are taken annotation first, then comment, everywhere, so two writers cannot deadlock.
 */
export type AnnotationLock = 'key share' | 'no key update' | 'update';

const LOCK_CLAUSE: Record<AnnotationLock, Prisma.Sql> = {
  'key share': Prisma.sql`FOR KEY SHARE OF a`,
  'no key update': Prisma.sql`FOR NO KEY UPDATE OF a`,
  update: Prisma.sql`FOR UPDATE OF a`,
};

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
 * (posting a reply needs both) to the same query. `lock` (inside a transaction) locks the
 * annotation's row in that query; see `AnnotationLock`.
 */
export async function annotationFor(
  tx: Db | Tx,
  userId: string,
  annotationId: string,
  action: AnnotationAction,
  options: { thread?: boolean; lock?: AnnotationLock } = {},
) {
  const thread = options.thread
    ? Prisma.sql`,
      (SELECT count(*)::int FROM "Comment" c WHERE c."annotationId" = a.id) AS "commentCount",
      ARRAY(SELECT DISTINCT c."authorId" FROM "Comment" c
             WHERE c."annotationId" = a.id AND c."deletedAt" IS NULL) AS participants`
    : Prisma.empty;
  const [row] = await tx.$queryRaw<AnnotationAccessRow[]>`
    SELECT a.id, a."documentId", a."authorId", a.visibility::text AS visibility,
           a.status::text AS status, d."workspaceId", m.role::text AS role ${thread}
      FROM "Annotation" a
      JOIN "Document" d ON d.id = a."documentId"
      LEFT JOIN "Membership" m ON m."workspaceId" = d."workspaceId" AND m."userId" = ${userId}
     WHERE a.id = ${annotationId}
     ${options.lock ? LOCK_CLAUSE[options.lock] : Prisma.empty}`;
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
 * Loads a comment (not deleted) and its annotation, checking visibility. With `lock`, the
 * annotation is locked (see `AnnotationLock`) and then the comment (`FOR NO KEY UPDATE`: one
 * writer of it at a time), and the comment is read under the lock — so a comment deleted while
 * this waited is NOT_FOUND, and what is returned stays true until the transaction ends.
 */
export async function commentFor(
  tx: Tx,
  userId: string,
  commentId: string,
  action: AnnotationAction,
  options: { lock?: AnnotationLock } = {},
) {
  const found = await tx.comment.findUnique({
    where: { id: commentId },
    select: options.lock ? { annotationId: true, deletedAt: true } : commentColumns,
  });
  if (!found || found.deletedAt) authorize({ visible: false, allowed: false });
  const { annotation, actor } = await annotationFor(
    tx,
    userId,
    found!.annotationId,
    action,
    options,
  );
  if (!options.lock) return { comment: found as CommentRow, annotation, actor };
  const [live] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Comment"
     WHERE id = ${commentId} AND "annotationId" = ${annotation.id} AND "deletedAt" IS NULL
       FOR NO KEY UPDATE`;
  if (!live) authorize({ visible: false, allowed: false });
  const comment = await tx.comment.findUniqueOrThrow({
    where: { id: commentId },
    select: commentColumns,
  });
  return { comment, annotation, actor };
}

type CommentRow = Prisma.CommentGetPayload<{ select: typeof commentColumns }>;
