import { z } from 'zod';
import { db } from '../db/client';
import { parseInput } from '../http/validate';
import { publishDocumentEvent } from '../documents/events';
import { commentFor } from './access';
import { REACTIONS } from './threads';

export const reactionSchema = z.object({ emoji: z.enum(REACTIONS) }).strict();

/** Adds the user's reaction, or removes it when already there. */
export async function toggleReaction(userId: string, commentId: string, input: unknown) {
  const { emoji } = parseInput(reactionSchema, input);
  return db().$transaction(async (tx) => {
    const { annotation } = await commentFor(tx, userId, commentId, 'annotation:reply');
    const key = { commentId_userId_emoji: { commentId, userId, emoji } };
    const existing = await tx.reaction.findUnique({ where: key });
    if (existing) await tx.reaction.delete({ where: key });
    else await tx.reaction.create({ data: { commentId, userId, emoji } });
    await publishDocumentEvent(tx, annotation.documentId, 'comment.updated', {
      annotationId: annotation.id,
      commentId,
      visibility: annotation.visibility,
      authorId: annotation.authorId,
    });
    return { emoji, reacted: !existing };
  });
}
