/** The document's latest revision with its blocks in reading order. */
import { db } from '@/lib/db/client';

export async function latestRevision(documentId: string) {
  return db().revision.findFirstOrThrow({
    where: { documentId },
    orderBy: { number: 'desc' },
    include: { blocks: { orderBy: { position: 'asc' } } },
  });
}
