/** The public API's document: details plus the blocks of one revision (the latest by default). */
import { z } from 'zod';
import { db } from '../db/client';
import { AppError } from '../errors/app-error';
import { parseInput } from '../http/validate';
import { getDocumentDetails } from './manage-document';

export const documentQuerySchema = z.object({
  revision: z.coerce.number().int().min(1).optional(),
});

export async function getDocumentJson(userId: string, documentId: string, query: unknown) {
  const details = await getDocumentDetails(userId, documentId);
  const { revision } = parseInput(documentQuerySchema, query);
  const number = revision ?? details.revisions[details.revisions.length - 1]?.number;
  const rev = await db().revision.findFirst({
    where: { documentId, number },
    select: {
      number: true,
      blocks: { orderBy: { position: 'asc' }, select: { key: true, type: true, text: true } },
    },
  });
  if (!rev) throw new AppError('NOT_FOUND', `There is no revision ${number}.`);
  return {
    ...details,
    revision: rev.number,
    blocks: rev.blocks.map((b, index) => ({ key: b.key, index, type: b.type, text: b.text })),
  };
}
