/**
 * Document events: stored (so a reconnecting reader can resume after Last-Event-ID) and
 * announced with PostgreSQL NOTIFY in the same transaction, so every app instance hears them.
 */
import type { Prisma } from '../db/client';
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

/** Records an event inside the caller's transaction; NOTIFY is delivered only if it commits. */
export async function publishDocumentEvent(
  tx: Tx,
  documentId: string,
  type: DocumentEventType,
  payload: Record<string, unknown>,
): Promise<void> {
  const event = await tx.documentEvent.create({
    data: { documentId, type, payload: payload as Prisma.InputJsonValue },
    select: { id: true },
  });
  await tx.$executeRaw`SELECT pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify({ id: event.id.toString(), documentId })})`;
  await touchDocument(tx, documentId);
}

/** How stale lastActivityAt may be: a library sorted by activity needs no finer clock. */
const ACTIVITY_RESOLUTION_MS = 10_000;

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
