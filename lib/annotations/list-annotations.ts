/** The public API's annotation list: filtered, in a stable order, with cursor pagination. */
import { z } from 'zod';
import { db } from '../db/client';
import { AppError } from '../errors/app-error';
import { parseInput } from '../http/validate';
import { annotationsVisibleTo } from '../policies';
import { documentForMember } from '../documents/access';
import { countComments } from '../documents/get-reader';

export const listAnnotationsSchema = z.object({
  author: z.string().max(64).optional(),
  tag: z.string().max(64).optional(),
  status: z
    .string()
    .transform((v) => v.toUpperCase())
    .pipe(z.enum(['OPEN', 'RESOLVED']))
    .optional(),
  visibility: z
    .string()
    .transform((v) => v.toUpperCase())
    .pipe(z.enum(['PRIVATE', 'WORKSPACE']))
    .optional(),
  q: z.string().trim().min(1).max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
    const createdAt = new Date(iso ?? '');
    if (!id || Number.isNaN(createdAt.getTime())) throw new Error('bad cursor');
    return { createdAt, id };
  } catch {
    throw new AppError('BAD_REQUEST', 'The cursor is not valid.', {
      fields: { cursor: ['Invalid cursor'] },
    });
  }
}

const encodeCursor = (a: { createdAt: Date; id: string }) =>
  Buffer.from(`${a.createdAt.toISOString()}|${a.id}`).toString('base64url');

export const annotationApiSelect = (revisionId: string) =>
  ({
    id: true,
    authorId: true,
    author: { select: { name: true } },
    visibility: true,
    status: true,
    tags: true,
    exact: true,
    prefix: true,
    suffix: true,
    createdAt: true,
    updatedAt: true,
    anchors: { where: { revisionId } },
  }) as const;

type Row = {
  id: string;
  authorId: string;
  author: { name: string };
  visibility: 'PRIVATE' | 'WORKSPACE';
  status: 'OPEN' | 'RESOLVED';
  tags: string[];
  exact: string;
  prefix: string;
  suffix: string;
  createdAt: Date;
  updatedAt: Date;
  anchors: {
    blockKey: string | null;
    endBlockKey: string | null;
    start: number | null;
    end: number | null;
    exact: string;
    status: string;
    confidence: number;
  }[];
  _count: { comments: number };
};

/** The JSON shape of an annotation in the public API. */
export function annotationJson(a: Row) {
  const anchor = a.anchors[0];
  return {
    id: a.id,
    author: { id: a.authorId, name: a.author.name },
    visibility: a.visibility,
    status: a.status,
    tags: a.tags,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix },
      blockKey: anchor?.blockKey ?? null,
      endBlockKey: anchor?.endBlockKey ?? null,
      position:
        anchor && anchor.start !== null
          ? { type: 'TextPositionSelector', start: anchor.start, end: anchor.end }
          : null,
    },
    anchor: anchor
      ? { status: anchor.status, exact: anchor.exact, confidence: anchor.confidence }
      : null,
    commentCount: a._count.comments,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

export async function listAnnotations(userId: string, documentId: string, query: unknown) {
  await documentForMember(userId, documentId);
  const q = parseInput(listAnnotationsSchema, query);
  const revision = await db().revision.findFirstOrThrow({
    where: { documentId },
    orderBy: { number: 'desc' },
    select: { id: true },
  });
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const rows = await db().annotation.findMany({
    where: {
      AND: [
        { documentId },
        annotationsVisibleTo(userId),
        q.author ? { authorId: q.author } : {},
        q.tag ? { tags: { has: q.tag.toLowerCase() } } : {},
        q.status ? { status: q.status } : {},
        q.visibility ? { visibility: q.visibility } : {},
        q.q
          ? {
              OR: [
                { exact: { contains: q.q, mode: 'insensitive' as const } },
                {
                  comments: {
                    some: {
                      deletedAt: null,
                      hiddenAt: null,
                      bodyText: { contains: q.q, mode: 'insensitive' as const },
                    },
                  },
                },
              ],
            }
          : {},
        after
          ? {
              OR: [
                { createdAt: { gt: after.createdAt } },
                { createdAt: after.createdAt, id: { gt: after.id } },
              ],
            }
          : {},
      ],
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: q.limit + 1,
    select: annotationApiSelect(revision.id),
  });
  const page = rows.slice(0, q.limit);
  const counts = await countComments(page.map((r) => r.id));
  return {
    items: page.map((r) =>
      annotationJson({ ...r, _count: { comments: counts.get(r.id) ?? 0 } } as Row),
    ),
    nextCursor: rows.length > q.limit ? encodeCursor(page[page.length - 1]!) : null,
  };
}

export async function getAnnotationJson(userId: string, annotationId: string) {
  const a = await db().annotation.findUnique({
    where: { id: annotationId },
    select: { documentId: true },
  });
  if (!a) throw new AppError('NOT_FOUND');
  const revision = await db().revision.findFirstOrThrow({
    where: { documentId: a.documentId },
    orderBy: { number: 'desc' },
    select: { id: true },
  });
  const counts = await countComments([annotationId]);
  const row = await db().annotation.findUniqueOrThrow({
    where: { id: annotationId },
    select: annotationApiSelect(revision.id),
  });
  return annotationJson({ ...row, _count: { comments: counts.get(annotationId) ?? 0 } } as Row);
}
