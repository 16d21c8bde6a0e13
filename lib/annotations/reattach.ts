/** Re-attaching an orphaned annotation to newly selected words on the latest revision. */
import { z } from 'zod';
import { db } from '../db/client';
import { AppError } from '../errors/app-error';
import { parseInput } from '../http/validate';
import { publishDocumentEvent } from '../documents/events';
import { latestRevisionHeld } from '../documents/revision-lock';
import { atLeast, authorize } from '../policies';
import { annotationFor } from './access';

export const reattachSchema = z
  .object({
    blockKey: z.string().min(1).max(40),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
  })
  .strict()
  .refine((v) => v.end > v.start, { message: 'The selection is empty', path: ['end'] });

export async function reattachAnnotation(userId: string, annotationId: string, input: unknown) {
  const data = parseInput(reattachSchema, input);
  return db().$transaction(async (tx) => {
    const { annotation, actor } = await annotationFor(tx, userId, annotationId, 'annotation:read', {
      forWrite: true,
    });
    // Its author, or a moderator, may say where the words went.
    authorize({
      visible: true,
      allowed: annotation.authorId === userId || atLeast(actor.role, 'MODERATOR'),
    });
    // Stays the latest revision until the new anchor is committed.
    const revision = await latestRevisionHeld(tx, annotation.documentId, { id: true });
    const block = await tx.block.findUnique({
      where: { revisionId_key: { revisionId: revision.id, key: data.blockKey } },
      select: { text: true },
    });
    if (!block || data.end > block.text.length) {
      throw new AppError('BAD_REQUEST', 'The selection is not in the current revision.', {
        fields: { blockKey: ['Unknown paragraph'] },
      });
    }
    const exact = block.text.slice(data.start, data.end);
    const anchor = {
      blockKey: data.blockKey,
      endBlockKey: data.blockKey,
      start: data.start,
      end: data.end,
      exact,
      status: 'MOVED' as const,
      confidence: 1,
    };
    await tx.annotationAnchor.upsert({
      where: { annotationId_revisionId: { annotationId, revisionId: revision.id } },
      update: anchor,
      create: { annotationId, revisionId: revision.id, ...anchor },
    });
    await publishDocumentEvent(tx, annotation.documentId, 'annotation.updated', {
      annotationId,
      visibility: annotation.visibility,
      authorId: annotation.authorId,
    });
    return { id: annotationId, exact };
  });
}
