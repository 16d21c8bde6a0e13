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
  await tx.document.update({ where: { id: documentId }, data: { lastActivityAt: new Date() } });
}
