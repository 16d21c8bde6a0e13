import { z } from 'zod';
import { inTransaction, type Tx } from '../db/tx';
import { parseInput } from '../http/validate';
import { publishDocumentEvent } from '../documents/events';
import { commentFor } from './access';
import { REACTIONS } from './threads';

export const reactionSchema = z.object({ emoji: z.enum(REACTIONS) }).strict();

/**
 * Adds the user's reaction, or removes it when already there. Thread writes take turns
 * (`forWrite`), so two toggles at once (a double click) run one after the other: the second
 * takes back the first.
 */
export async function toggleReaction(
  userId: string,
  commentId: string,
  input: unknown,
  outer?: Tx,
) {
  const { emoji } = parseInput(reactionSchema, input);
  return inTransaction(outer, async (tx) => {
    const { annotation } = await commentFor(tx, userId, commentId, 'annotation:reply', {
      forWrite: true,
    });
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
