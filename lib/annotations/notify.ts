import type { Tx } from '../db/tx';

export type CommentRecipient = { userId: string; kind: 'MENTION' | 'REPLY' };

export type RecipientInput = {
  annotationAuthorId: string;
  writerId: string;
  /** Users the comment @mentions. */
  mentions: string[];
  /** The author of a private annotation (nobody else may be told), or null. */
  privateTo: string | null;
  /** Authors of the thread's live comments. */
  participants: string[];
};

/**
 * Who gets an inbox entry for a new comment: everyone mentioned (MENTION), and everyone else who
 * took part in the thread — the annotation's author or a comment's — (REPLY), except the writer.
 * Private annotations notify nobody but their author.
 */
export function commentRecipients(opts: RecipientInput): CommentRecipient[] {
  const mentioned = [...new Set(opts.mentions)].filter(
    (id) => id !== opts.writerId && (!opts.privateTo || id === opts.privateTo),
  );
  const repliedTo = new Set([opts.annotationAuthorId, ...opts.participants]);
  repliedTo.delete(opts.writerId);
  for (const id of mentioned) repliedTo.delete(id);
  if (opts.privateTo)
    for (const id of [...repliedTo]) if (id !== opts.privateTo) repliedTo.delete(id);
  return [
    ...mentioned.map((userId) => ({ userId, kind: 'MENTION' as const })),
    ...[...repliedTo].map((userId) => ({ userId, kind: 'REPLY' as const })),
  ];
}

/** Writes the inbox entries for a comment inside the caller's transaction. */
export async function notifyForComment(
  tx: Tx,
  opts: Omit<RecipientInput, 'participants'> & {
    commentId: string;
    annotationId: string;
    /** Authors of the thread's live comments, when the caller knows them already. */
    participants?: string[];
  },
): Promise<void> {
  const participants =
    opts.participants ??
    (
      await tx.comment.findMany({
        where: { annotationId: opts.annotationId, deletedAt: null },
        select: { authorId: true },
        distinct: ['authorId'],
      })
    ).map((p) => p.authorId);
  const rows = commentRecipients({ ...opts, participants }).map((r) => ({
    ...r,
    commentId: opts.commentId,
  }));
  if (rows.length) await tx.notification.createMany({ data: rows, skipDuplicates: true });
}
