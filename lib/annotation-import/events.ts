/**
 * publishDocumentEvent for many events at once. An import of thousands of threads would otherwise
 * spend most of its transaction on three round trips per event. Same contract: one stored
 * DocumentEvent and one NOTIFY per event (the live hub loads each event by the id it is told),
 * delivered only if the transaction commits, and the document's lastActivityAt bumped.
 */
import type { Prisma } from '../db/client';
import type { Tx } from '../db/tx';
import { EVENTS_CHANNEL, touchDocument, type DocumentEventType } from '../documents/events';

export async function publishDocumentEvents(
  tx: Tx,
  documentId: string,
  type: DocumentEventType,
  payloads: Record<string, unknown>[],
): Promise<void> {
  if (payloads.length === 0) return;
  const events = await tx.documentEvent.createManyAndReturn({
    data: payloads.map((p) => ({ documentId, type, payload: p as Prisma.InputJsonValue })),
    select: { id: true },
  });
  // Ids ascend in insertion order (one sequence), so readers replay them in the same order.
  const notes = events
    .map((e) => e.id)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((id) => JSON.stringify({ id: id.toString(), documentId }));
  await tx.$executeRaw`SELECT pg_notify(${EVENTS_CHANNEL}, note) FROM unnest(${notes}::text[]) WITH ORDINALITY AS n(note, i) ORDER BY i`;
  await touchDocument(tx, documentId);
}
