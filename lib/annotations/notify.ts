import type { Tx } from '../db/tx';

/**
 * Inbox entries for a new comment: everyone mentioned, and everyone who took part in the
 * thread (author of the annotation or of a comment), except the writer. Private annotations
 * notify nobody but their author.
 */
export async function notifyForComment(
  tx: Tx,
  opts: {
    commentId: string;
    annotationId: string;
    annotationAuthorId: string;
    writerId: string;
    mentions: string[];
    privateTo: string | null;
  },
): Promise<void> {
  const mentioned = opts.mentions.filter(
    (id) => id !== opts.writerId && (!opts.privateTo || id === opts.privateTo),
  );
  const participants = await tx.comment.findMany({
    where: { annotationId: opts.annotationId, deletedAt: null },
    select: { authorId: true },
    distinct: ['authorId'],
  });
  const repliedTo = new Set([opts.annotationAuthorId, ...participants.map((p) => p.authorId)]);
  repliedTo.delete(opts.writerId);
  for (const id of mentioned) repliedTo.delete(id);
  if (opts.privateTo)
    for (const id of [...repliedTo]) if (id !== opts.privateTo) repliedTo.delete(id);
  const rows = [
    ...mentioned.map((userId) => ({ userId, kind: 'MENTION' as const, commentId: opts.commentId })),
    ...[...repliedTo].map((userId) => ({
      userId,
      kind: 'REPLY' as const,
      commentId: opts.commentId,
    })),
  ];
  if (rows.length) await tx.notification.createMany({ data: rows, skipDuplicates: true });
}
