/** Reading a thread, resolving/reopening it, editing its tags and visibility, deleting it. */
import { z } from 'zod';
import { db } from '../db/client';
import { inTransaction, type Tx } from '../db/tx';
import { parseInput } from '../http/validate';
import { publishDocumentEvent } from '../documents/events';
import { annotationPolicy, atLeast, authorize } from '../policies';
import { renderCommentHtml, type CommentDoc } from '../richtext';
import { annotationFor } from './access';
import { tagListSchema } from './create-annotation';

export const REACTIONS = ['👍', '❤️', '🎯', '🤔', '❗', '✅'] as const;

export type ThreadComment = {
  id: string;
  parentId: string | null;
  authorId: string;
  authorName: string;
  createdAt: Date;
  editedAt: Date | null;
  version: number;
  state: 'visible' | 'deleted' | 'hidden' | 'hidden-visible-to-you';
  html: string;
  reactions: { emoji: string; count: number; mine: boolean; who: string[] }[];
  abilities: { edit: boolean; delete: boolean; hide: boolean };
};

export async function getThread(userId: string, annotationId: string) {
  return db().$transaction(async (tx) => {
    const { annotation, actor } = await annotationFor(tx, userId, annotationId, 'annotation:read');
    const full = await tx.annotation.findUniqueOrThrow({
      where: { id: annotationId },
      select: {
        id: true,
        exact: true,
        tags: true,
        visibility: true,
        status: true,
        resolvedAt: true,
        createdAt: true,
        authorId: true,
        author: { select: { name: true } },
        comments: {
          orderBy: { createdAt: 'asc' },
          select: {
            id: true,
            parentId: true,
            authorId: true,
            author: { select: { name: true } },
            createdAt: true,
            editedAt: true,
            version: true,
            deletedAt: true,
            hiddenAt: true,
            body: true,
            reactions: { select: { emoji: true, userId: true, user: { select: { name: true } } } },
          },
        },
      },
    });
    const resolvedBy =
      annotation.status === 'RESOLVED' && full.resolvedAt
        ? await tx.annotation.findUnique({
            where: { id: annotationId },
            select: { resolvedById: true },
          })
        : null;
    const resolver = resolvedBy?.resolvedById
      ? await tx.user.findUnique({ where: { id: resolvedBy.resolvedById }, select: { name: true } })
      : null;
    const moderator = atLeast(actor.role, 'MODERATOR');
    const comments: ThreadComment[] = full.comments.map((c) => {
      const own = c.authorId === userId;
      const state: ThreadComment['state'] = c.deletedAt
        ? 'deleted'
        : c.hiddenAt
          ? own || moderator
            ? 'hidden-visible-to-you'
            : 'hidden'
          : 'visible';
      const showBody = state === 'visible' || state === 'hidden-visible-to-you';
      const grouped = new Map<string, { count: number; mine: boolean; who: string[] }>();
      for (const r of c.reactions) {
        const g = grouped.get(r.emoji) ?? { count: 0, mine: false, who: [] };
        g.count += 1;
        g.mine ||= r.userId === userId;
        g.who.push(r.user.name);
        grouped.set(r.emoji, g);
      }
      return {
        id: c.id,
        parentId: c.parentId,
        authorId: c.authorId,
        authorName: c.author.name,
        createdAt: c.createdAt,
        editedAt: c.editedAt,
        version: c.version,
        state,
        html: showBody ? renderCommentHtml(c.body as unknown as CommentDoc) : '',
        reactions: [...grouped].map(([emoji, g]) => ({ emoji, ...g })),
        abilities: {
          edit: own && !c.deletedAt,
          delete: own && !c.deletedAt,
          hide: !c.deletedAt && annotationPolicy(actor, 'comment:hide', annotation),
        },
      };
    });
    return {
      id: full.id,
      quote: full.exact,
      tags: full.tags,
      visibility: full.visibility,
      status: full.status,
      resolvedAt: full.resolvedAt,
      resolvedBy: resolver?.name ?? null,
      author: { id: full.authorId, name: full.author.name },
      createdAt: full.createdAt,
      comments,
      abilities: {
        reply: annotationPolicy(actor, 'annotation:reply', annotation),
        resolve: annotationPolicy(actor, 'annotation:resolve', annotation),
        update: annotationPolicy(actor, 'annotation:update', annotation),
        delete: annotationPolicy(actor, 'annotation:delete', annotation),
      },
    };
  });
}

export const updateThreadSchema = z
  .object({
    status: z.enum(['OPEN', 'RESOLVED']).optional(),
    tags: tagListSchema.optional(),
    visibility: z.enum(['PRIVATE', 'WORKSPACE']).optional(),
  })
  .strict();

/** Resolve/reopen (any member who sees it); tags and visibility (the author only). */
export async function updateThread(
  userId: string,
  annotationId: string,
  input: unknown,
  outer?: Tx,
) {
  const data = parseInput(updateThreadSchema, input);
  return inTransaction(outer, async (tx) => {
    const { annotation, actor } = await annotationFor(tx, userId, annotationId, 'annotation:read', {
      forWrite: true,
    });
    if (data.status)
      authorize({
        visible: true,
        allowed: annotationPolicy(actor, 'annotation:resolve', annotation),
      });
    if (data.tags || data.visibility)
      authorize({
        visible: true,
        allowed: annotationPolicy(actor, 'annotation:update', annotation),
      });
    const updated = await tx.annotation.update({
      where: { id: annotationId },
      data: {
        ...(data.status
          ? data.status === 'RESOLVED'
            ? { status: 'RESOLVED', resolvedAt: new Date(), resolvedById: userId }
            : { status: 'OPEN', resolvedAt: null, resolvedById: null }
          : {}),
        ...(data.tags ? { tags: [...new Set(data.tags)] } : {}),
        ...(data.visibility ? { visibility: data.visibility } : {}),
      },
      select: { id: true, status: true, tags: true, visibility: true, resolvedAt: true },
    });
    await publishDocumentEvent(tx, annotation.documentId, 'annotation.updated', {
      annotationId,
      visibility: updated.visibility,
      authorId: annotation.authorId,
      // Making a thread private must reach the readers who can no longer see it.
      wasVisibility: annotation.visibility,
    });
    return updated;
  });
}

/** The author deletes a highlight or thread with everything in it. */
export async function deleteThread(userId: string, annotationId: string, outer?: Tx) {
  return inTransaction(outer, async (tx) => {
    const { annotation } = await annotationFor(tx, userId, annotationId, 'annotation:delete', {
      forWrite: true,
    });
    await tx.annotation.delete({ where: { id: annotationId } });
    await publishDocumentEvent(tx, annotation.documentId, 'annotation.deleted', {
      annotationId,
      visibility: annotation.visibility,
      authorId: annotation.authorId,
    });
    return { deleted: true };
  });
}
