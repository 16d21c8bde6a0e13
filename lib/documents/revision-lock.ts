/**
 * Row locks on a document that order every write touching "the latest revision".
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
 * The annotations anchored on `revisionId`, locked so that none is deleted before this
 * transaction ends: a revision carries every one of them to the new revision, and an anchor for
 * a thread deleted meanwhile would fail the whole revision. A delete that came first has
 * committed by the time this returns; one that comes later waits for the revision.
 */
export async function holdAnnotationsOf(tx: Tx, revisionId: string): Promise<void> {
  await tx.$queryRaw`
    SELECT count(*)::int AS n FROM (
      SELECT a.id FROM "Annotation" a
        JOIN "AnnotationAnchor" aa ON aa."annotationId" = a.id
       WHERE aa."revisionId" = ${revisionId}
         FOR KEY SHARE OF a) held`;
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
