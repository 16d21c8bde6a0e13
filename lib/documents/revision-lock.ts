/**
 * Row locks on a document that order every write touching "the latest revision", and every
 * write to a thread (lockDocumentForThreadWrite).
 *
 * A revision copies each annotation's anchor from the previous revision to the new one
 * (revise-document). A write that read the latest revision before that copy and commits after it
 * would land on a revision that is no longer the latest: a new annotation, or a re-attachment,
 * silently missing from the current text. So the revision holds the document row exclusively
 * while it runs, and writers of anchors hold it shared for theirs.
 */
import type { Prisma } from '../db/client';
import type { Tx } from '../db/tx';

/** Exclusive: a new revision (or a bulk import planned against one) is being written. */
export async function lockForRevision(tx: Tx, documentId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Document" WHERE id = ${documentId} FOR UPDATE`;
}

/**
 * Writers of a thread (or of a comment in it) lock its document's row `FOR NO KEY UPDATE`
 * before they check anything, and check after the lock, so what they checked holds until they
 * commit:
 * - a thread or comment deleted meanwhile is NOT_FOUND, not a vanished row at the write;
 * - thread writes on one document take turns, so two comments deleted at once cannot each leave
 *   the other as the thread's last, and a double-clicked reaction toggles twice;
 * - a revision (FOR UPDATE above) never carries over the anchor of a thread being deleted.
 * The document's row comes first for everyone: a reply's single statement locks it (recording
 * the document's activity) before its foreign key share-locks the thread, and a revision holds
 * it before anything else. A writer that locked the thread first and then waited for the
 * document would deadlock with either (ADR 18). Does nothing when the thread or comment does
 * not exist (the check that follows then says NOT_FOUND).
 */
export async function lockDocumentForThreadWrite(
  tx: Tx,
  of: { annotationId: string } | { commentId: string },
): Promise<void> {
  if ('commentId' in of) {
    await tx.$queryRaw`
      SELECT d.id FROM "Comment" c
        JOIN "Annotation" a ON a.id = c."annotationId"
        JOIN "Document" d ON d.id = a."documentId"
       WHERE c.id = ${of.commentId}
         FOR NO KEY UPDATE OF d`;
  } else {
    await tx.$queryRaw`
      SELECT d.id FROM "Annotation" a JOIN "Document" d ON d.id = a."documentId"
       WHERE a.id = ${of.annotationId}
         FOR NO KEY UPDATE OF d`;
  }
}

/**
 * Shared: the latest revision stays the latest until this transaction ends. Call it before
 * reading the latest revision. KEY SHARE conflicts only with the revision's FOR UPDATE, so
 * annotation writers never wait for each other or for a rename.
 */
async function holdLatestRevision(tx: Tx, documentId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Document" WHERE id = ${documentId} FOR KEY SHARE`;
}

/**
 * The document's latest revision (`select`ed), held as the latest until `tx` ends: how a write
 * that anchors to the current text reads it, so the lock cannot be forgotten.
 */
export async function latestRevisionHeld<S extends Prisma.RevisionSelect>(
  tx: Tx,
  documentId: string,
  select: S,
) {
  await holdLatestRevision(tx, documentId);
  return tx.revision.findFirstOrThrow({
    where: { documentId },
    orderBy: { number: 'desc' },
    select,
  });
}
