/**
 * Document events: stored (so a reconnecting reader can resume after Last-Event-ID) and
 * announced with PostgreSQL NOTIFY in the same transaction, so every app instance hears them.
 */
import { Prisma } from '../db/client';
import type { Tx } from '../db/tx';

export const EVENTS_CHANNEL = 'closeread_events';

export type DocumentEventType =
  | 'annotation.created'
  | 'annotation.updated'
  | 'annotation.deleted'
  | 'comment.created'
  | 'comment.updated'
  | 'comment.deleted'
  | 'revision.created';

/** How stale lastActivityAt may be: a library sorted by activity needs no finer clock. */
const ACTIVITY_RESOLUTION_MS = 10_000;
const ACTIVITY_RESOLUTION = `${ACTIVITY_RESOLUTION_MS} milliseconds`;

/**
 * Records an event inside the caller's transaction, announces it (NOTIFY is delivered only if the
 * transaction commits) and bumps the document's activity time: one statement, because every
 * write that readers see goes through here and each round trip holds a pooled connection.
 */
export async function publishDocumentEvent(
  tx: Tx,
  documentId: string,
  type: DocumentEventType,
  payload: Record<string, unknown>,
): Promise<void> {
  await tx.$executeRaw(documentEventStatement(documentId, type, payload));
}

/**
 * The statement behind publishDocumentEvent, for writes that make their own rows in the same
 * statement: `before` are their CTEs (each followed by a comma), run atomically with the event.
 * Timestamps are UTC, as Prisma stores them (timestamp without time zone).
 */
export function documentEventStatement(
  documentId: string,
  type: DocumentEventType,
  payload: Record<string, unknown>,
  before: Prisma.Sql = Prisma.empty,
): Prisma.Sql {
  return Prisma.sql`
    WITH ${before}
    event AS (
      INSERT INTO "DocumentEvent" ("documentId", "type", "payload", "createdAt")
      VALUES (${documentId}, ${type}, ${JSON.stringify(payload)}::jsonb,
              clock_timestamp() AT TIME ZONE 'UTC')
      RETURNING id),
    touched AS (
      UPDATE "Document" SET "lastActivityAt" = clock_timestamp() AT TIME ZONE 'UTC'
       WHERE id = ${documentId}
         AND "lastActivityAt" < (clock_timestamp() AT TIME ZONE 'UTC') - ${ACTIVITY_RESOLUTION}::interval
      RETURNING 1)
    SELECT pg_notify(${EVENTS_CHANNEL},
                     json_build_object('id', id::text, 'documentId', ${documentId}::text)::text)
      FROM event`;
}

/**
 * Bumps the document's lastActivityAt, unless it was bumped in the last few seconds. A row that
 * does not match the WHERE is not locked, so concurrent writers on one document (a busy
 * discussion) no longer queue on the document row until each other's commit.
 */
export async function touchDocument(tx: Tx, documentId: string): Promise<void> {
  const now = new Date();
  await tx.document.updateMany({
    where: {
      id: documentId,
      lastActivityAt: { lt: new Date(now.getTime() - ACTIVITY_RESOLUTION_MS) },
    },
    data: { lastActivityAt: now },
  });
}
