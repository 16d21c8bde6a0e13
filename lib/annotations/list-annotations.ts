/** The public API's annotation list: filtered, in a stable order, with cursor pagination. */
import { z } from 'zod';
import { db, Prisma } from '../db/client';
import { AppError } from '../errors/app-error';
import { parseInput } from '../http/validate';
import { annotationVisibleSql } from '../policies';
import { documentForMember } from '../documents/access';

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

/** One annotation as the API lists it: its fields, author, anchor on the latest revision. */
type Row = {
  id: string;
  authorId: string;
  authorName: string;
  visibility: 'PRIVATE' | 'WORKSPACE';
  status: 'OPEN' | 'RESOLVED';
  tags: string[];
  exact: string;
  prefix: string;
  suffix: string;
  createdAt: Date;
  updatedAt: Date;
  /** Null when the annotation has no anchor on the latest revision. */
  anchorStatus: string | null;
  blockKey: string | null;
  endBlockKey: string | null;
  start: number | null;
  end: number | null;
  anchorExact: string | null;
  confidence: number | null;
  commentCount: number;
};

/** The JSON shape of an annotation in the public API. */
export function annotationJson(a: Row) {
  return {
    id: a.id,
    author: { id: a.authorId, name: a.authorName },
    visibility: a.visibility,
    status: a.status,
    tags: a.tags,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix },
      blockKey: a.blockKey,
      endBlockKey: a.endBlockKey,
      position:
        a.start !== null ? { type: 'TextPositionSelector', start: a.start, end: a.end } : null,
    },
    anchor:
      a.anchorStatus !== null
        ? { status: a.anchorStatus, exact: a.anchorExact ?? '', confidence: a.confidence ?? 0 }
        : null,
    commentCount: a.commentCount,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

/**
 * The rows, in one query: the annotation, its author, its anchor on the document's latest
 * revision and its live comment count. `where` narrows "Annotation" AS a.
 */
function apiRows(documentId: string, where: Prisma.Sql, limit: number): Promise<Row[]> {
  return db().$queryRaw<Row[]>`
    SELECT a.id, a."authorId", u.name AS "authorName", a.visibility::text AS visibility,
           a.status::text AS status, a.tags, a.exact, a.prefix, a.suffix,
           a."createdAt", a."updatedAt",
           x.status::text AS "anchorStatus", x."blockKey", x."endBlockKey", x.start, x."end",
           x.exact AS "anchorExact", x.confidence,
           (SELECT count(*)::int FROM "Comment" c
             WHERE c."annotationId" = a.id AND c."deletedAt" IS NULL) AS "commentCount"
      FROM "Annotation" a
      JOIN "User" u ON u.id = a."authorId"
      LEFT JOIN "AnnotationAnchor" x ON x."annotationId" = a.id AND x."revisionId" = (
        SELECT r.id FROM "Revision" r WHERE r."documentId" = ${documentId}
         ORDER BY r.number DESC LIMIT 1)
     WHERE a."documentId" = ${documentId} AND ${where}
     ORDER BY a."createdAt", a.id
     LIMIT ${limit}`;
}

/** `q` as an ILIKE pattern that matches it literally (Prisma's `contains` escapes the same way). */
const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listAnnotations(userId: string, documentId: string, query: unknown) {
  await documentForMember(userId, documentId);
  const q = parseInput(listAnnotationsSchema, query);
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const conditions: Prisma.Sql[] = [annotationVisibleSql(userId)];
  if (q.author) conditions.push(Prisma.sql`a."authorId" = ${q.author}`);
  if (q.tag) conditions.push(Prisma.sql`${q.tag.toLowerCase()} = ANY(a.tags)`);
  if (q.status) conditions.push(Prisma.sql`a.status::text = ${q.status}`);
  if (q.visibility) conditions.push(Prisma.sql`a.visibility::text = ${q.visibility}`);
  if (q.q) {
    const pattern = containsPattern(q.q);
    conditions.push(Prisma.sql`(a.exact ILIKE ${pattern} OR EXISTS (
      SELECT 1 FROM "Comment" c
       WHERE c."annotationId" = a.id AND c."deletedAt" IS NULL AND c."hiddenAt" IS NULL
         AND c."bodyText" ILIKE ${pattern}))`);
  }
  if (after)
    conditions.push(
      // Timestamps are stored in UTC without a zone (as Prisma writes them).
      Prisma.sql`(a."createdAt", a.id) > (${after.createdAt.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${after.id})`,
    );
  const rows = await apiRows(documentId, Prisma.join(conditions, ' AND '), q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    items: page.map(annotationJson),
    nextCursor: rows.length > q.limit ? encodeCursor(page[page.length - 1]!) : null,
  };
}

export async function getAnnotationJson(userId: string, annotationId: string) {
  const a = await db().annotation.findUnique({
    where: { id: annotationId },
    select: { documentId: true },
  });
  if (!a) throw new AppError('NOT_FOUND');
  const [row] = await apiRows(a.documentId, Prisma.sql`a.id = ${annotationId}`, 1);
  if (!row) throw new AppError('NOT_FOUND');
  return annotationJson(row);
}
