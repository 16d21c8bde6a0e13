import { z } from 'zod';
import { db } from '../db/client';
import { parseInput } from '../http/validate';

/** Replies to threads I took part in and @mentions of me, newest first. */
export async function listInbox(userId: string, opts: { take?: number } = {}) {
  const rows = await db().notification.findMany({
    where: { userId, comment: { deletedAt: null } },
    orderBy: { createdAt: 'desc' },
    take: Math.min(opts.take ?? 50, 200),
    select: {
      id: true,
      kind: true,
      readAt: true,
      createdAt: true,
      comment: {
        select: {
          id: true,
          bodyText: true,
          hiddenAt: true,
          author: { select: { name: true } },
          annotation: {
            select: { id: true, exact: true, document: { select: { id: true, title: true } } },
          },
        },
      },
    },
  });
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    read: n.readAt !== null,
    createdAt: n.createdAt,
    from: n.comment.author.name,
    excerpt: n.comment.hiddenAt ? '' : n.comment.bodyText.slice(0, 200),
    quote: n.comment.annotation.exact.slice(0, 120),
    document: n.comment.annotation.document,
    link: `/d/${n.comment.annotation.document.id}#thread-${n.comment.annotation.id}`,
  }));
}

export function unreadCount(userId: string): Promise<number> {
  return db().notification.count({ where: { userId, readAt: null, comment: { deletedAt: null } } });
}

export const markReadSchema = z
  .object({
    ids: z.array(z.string().min(1).max(40)).max(500).optional(),
    all: z.literal(true).optional(),
  })
  .strict();

export async function markRead(userId: string, input: unknown) {
  const data = parseInput(markReadSchema, input);
  const { count } = await db().notification.updateMany({
    where: { userId, readAt: null, ...(data.all ? {} : { id: { in: data.ids ?? [] } }) },
    data: { readAt: new Date() },
  });
  return { marked: count };
}
