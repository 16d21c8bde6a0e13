/**
 * A new comment, its inbox entries and its document event, written in one SQL statement: atomic
 * without an interactive transaction, and one round trip to the database instead of six (BEGIN,
 * the comment, the entries, the event, NOTIFY, COMMIT). Posting a comment is the hottest write
 * (bench figure 2); every pooled connection a post holds is one another writer waits for.
 */
import { Prisma, type Db } from '../db/client';
import { newId } from '../db/ids';
import type { Tx } from '../db/tx';
import { documentEventStatement } from '../documents/events';
import type { CommentRecipient } from './notify';

export type NewComment = {
  annotationId: string;
  parentId: string | null;
  authorId: string;
  body: unknown;
  bodyText: string;
  clientKey: string | null;
  recipients: CommentRecipient[];
  /** The document event announcing it. */
  event: { documentId: string; visibility: string; annotationAuthorId: string };
};

/** Inserts the comment; returns its id. Fails as a whole (nothing written) on any violation. */
export async function insertComment(client: Db | Tx, c: NewComment): Promise<string> {
  const id = newId();
  const ctes = Prisma.sql`
    comment AS (
      INSERT INTO "Comment"
        (id, "annotationId", "parentId", "authorId", body, "bodyText", "clientKey", "createdAt")
      VALUES (${id}, ${c.annotationId}, ${c.parentId}, ${c.authorId},
              ${JSON.stringify(c.body)}::jsonb, ${c.bodyText}, ${c.clientKey},
              clock_timestamp() AT TIME ZONE 'UTC')
      RETURNING id),
    notified AS (
      INSERT INTO "Notification" (id, "userId", kind, "commentId", "createdAt")
      SELECT r.id, r."userId", r.kind::"NotificationKind", comment.id,
             clock_timestamp() AT TIME ZONE 'UTC'
        FROM comment,
             unnest(${c.recipients.map(() => newId())}::text[],
                    ${c.recipients.map((r) => r.userId)}::text[],
                    ${c.recipients.map((r) => r.kind)}::text[]) AS r(id, "userId", kind)
      ON CONFLICT DO NOTHING),`;
  await client.$executeRaw(
    documentEventStatement(
      c.event.documentId,
      'comment.created',
      {
        annotationId: c.annotationId,
        commentId: id,
        visibility: c.event.visibility,
        authorId: c.event.annotationAuthorId,
      },
      ctes,
    ),
  );
  return id;
}
