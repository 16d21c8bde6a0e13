/**
 * Full-text search across the workspaces a user belongs to: comments, quoted passages and the
 * documents' own text (latest revisions), with highlighted snippets and paragraph links.
 * PostgreSQL full-text search over stored "searchVector" columns (to_tsvector('simple', …), kept
 * by triggers) with GIN indexes.
 */
import { z } from 'zod';
import { db } from '../db/client';
import { parseInput } from '../http/validate';
import { toTsQuery } from './query';

export const searchSchema = z.object({
  q: z.string().trim().min(1, 'Type something to search for').max(200),
  document: z.string().max(40).optional(),
  author: z.string().max(40).optional(),
  tag: z.string().max(40).optional(),
  status: z
    .string()
    .transform((v) => v.toUpperCase())
    .pipe(z.enum(['OPEN', 'RESOLVED']))
    .optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  kind: z.enum(['all', 'comments', 'quotes', 'text']).default('all'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export type SearchHit = {
  kind: 'comment' | 'quote' | 'text';
  documentId: string;
  documentTitle: string;
  blockKey: string | null;
  paragraph: number | null;
  annotationId: string | null;
  commentId: string | null;
  author: string | null;
  /** Matches are wrapped in ⟦ ⟧; the page escapes the text and turns those into <mark>. */
  snippet: string;
  rank: number;
  createdAt: Date | null;
};

const HEADLINE = `'StartSel=⟦,StopSel=⟧,MaxWords=30,MinWords=12,MaxFragments=2,FragmentDelimiter=" … "'`;

// The annotation's document, if the user is a member of its workspace: index lookups per
// candidate row, so a branch walking matches newest first stops as soon as it has enough.
const MEMBER_DOCUMENT = `
        JOIN "Document" d ON d.id = a."documentId" AND ($6::text IS NULL OR d.id = $6)
        JOIN "Membership" m ON m."workspaceId" = d."workspaceId" AND m."userId" = $1`;

const COMMENT_MATCHES = `SELECT * FROM "Comment" WHERE "searchVector" @@ to_tsquery('simple', $2)`;
const QUOTE_MATCHES = `SELECT * FROM "Annotation" WHERE "searchVector" @@ to_tsquery('simple', $2)`;
/** Above this many matches a term is "common": walking newest first finds enough quickly. */
const COMMON_MATCHES = 2_000;

/**
 * Whether the query matches few comments / quotes. The planner cannot know how many rows a
 * tsquery matches (a word absent from its statistics is guessed at 0.5 %), and with ORDER BY
 * createdAt LIMIT it then walks the createdAt index through the whole table looking for matches
 * that are not there (seconds for an unknown word). Counting up to COMMON_MATCHES through the
 * GIN index settles it: few matches are all fetched through the index (a subquery fenced with
 * OFFSET 0) and sorted; many are found newest first.
 */
async function rareTerms(
  tsq: string,
  common: number,
): Promise<{ comments: boolean; quotes: boolean }> {
  // With a LIMIT the planner would rather scan the table until it has enough; the index
  // answers from its posting lists. SET LOCAL lasts for this transaction only.
  const [, rows] = await db().$transaction([
    db().$executeRawUnsafe('SET LOCAL enable_seqscan = off'),
    db().$queryRawUnsafe<{ comments: number; quotes: number }[]>(
      `SELECT (SELECT count(*)::int FROM (${COMMENT_MATCHES} LIMIT $1) x) AS comments,
              (SELECT count(*)::int FROM (${QUOTE_MATCHES} LIMIT $1) y) AS quotes`,
      common,
      tsq,
    ),
  ]);
  const row = rows[0]!;
  return { comments: row.comments < common, quotes: row.quotes < common };
}

const ANNOTATION_FILTERS = `
  AND (a.visibility = 'WORKSPACE' OR a."authorId" = $1)
  AND ($3::text IS NULL OR a."authorId" = $3)
  AND ($4::text IS NULL OR $4 = ANY(a.tags))
  AND ($5::text IS NULL OR a.status::text = $5)`;

export async function search(
  userId: string,
  input: unknown,
  /** Tests lower the threshold to exercise both plans on a small data set. */
  tuning: { commonMatches?: number } = {},
): Promise<{ query: string; hits: SearchHit[] }> {
  const p = parseInput(searchSchema, input);
  const tsq = toTsQuery(p.q);
  if (!tsq) return { query: p.q, hits: [] };
  const params = [
    userId,
    tsq,
    p.author ?? null,
    p.tag?.toLowerCase() ?? null,
    p.status ?? null,
    p.document ?? null,
    p.from ?? null,
    p.to ?? null,
    p.limit,
  ];
  // Each branch finds its newest matches and keeps $9 of them; ranking, snippets, authors and
  // anchors are then computed for those few rows only (ranking recomputes vectors, so doing it
  // for every match of a common word would take seconds). The tsquery is written out in each
  // branch rather than joined from the CTE, so the planner sees the words and can estimate how
  // common they are: a rare word goes through the GIN index, a common one walks the createdAt
  // index newest first and stops after $9 matches.
  const rare = await rareTerms(tsq, tuning.commonMatches ?? COMMON_MATCHES);
  const queries: string[] = [];
  if (p.kind === 'all' || p.kind === 'comments') {
    queries.push(`(
      SELECT 'comment' AS kind, a."documentId", a.id AS "annotationId", c.id AS "commentId",
             c."authorId", c."createdAt", c."bodyText" AS body, NULL::text AS "blockKey"
        FROM ${rare.comments ? `(${COMMENT_MATCHES} OFFSET 0)` : '"Comment"'} c
        JOIN "Annotation" a ON a.id = c."annotationId"
        ${MEMBER_DOCUMENT}
       WHERE c."searchVector" @@ to_tsquery('simple', $2)
         AND c."deletedAt" IS NULL AND c."hiddenAt" IS NULL
         AND ($7::timestamptz IS NULL OR c."createdAt" >= $7) AND ($8::timestamptz IS NULL OR c."createdAt" <= $8)
         ${ANNOTATION_FILTERS}
       ORDER BY c."createdAt" DESC LIMIT $9)`);
  }
  if (p.kind === 'all' || p.kind === 'quotes') {
    queries.push(`(
      SELECT 'quote' AS kind, a."documentId", a.id AS "annotationId", NULL AS "commentId",
             a."authorId", a."createdAt", a.exact AS body, NULL::text AS "blockKey"
        FROM ${rare.quotes ? `(${QUOTE_MATCHES} OFFSET 0)` : '"Annotation"'} a
        ${MEMBER_DOCUMENT}
       WHERE a."searchVector" @@ to_tsquery('simple', $2)
         AND ($7::timestamptz IS NULL OR a."createdAt" >= $7) AND ($8::timestamptz IS NULL OR a."createdAt" <= $8)
         ${ANNOTATION_FILTERS}
       ORDER BY a."createdAt" DESC LIMIT $9)`);
  }
  // The documents' own text; annotation filters do not apply to it.
  if ((p.kind === 'all' || p.kind === 'text') && !p.author && !p.tag && !p.status) {
    queries.push(`(
      SELECT 'text' AS kind, d.id AS "documentId", NULL AS "annotationId", NULL AS "commentId",
             NULL AS "authorId", NULL::timestamp AS "createdAt", b.text AS body, b.key AS "blockKey"
        FROM "Block" b
        JOIN docs d ON b."revisionId" = d."latestRevisionId"
       WHERE b."searchVector" @@ to_tsquery('simple', $2)
       LIMIT $9)`);
  }
  const sql = `
    -- Every parameter is typed here, so branches that do not use some still plan.
    WITH query AS (SELECT to_tsquery('simple', $2) AS q, $3::text AS p3, $4::text AS p4, $5::text AS p5,
                          $7::timestamptz AS p7, $8::timestamptz AS p8),
         docs AS (
           SELECT d.id, d.title,
                  (SELECT r.id FROM "Revision" r WHERE r."documentId" = d.id ORDER BY r.number DESC LIMIT 1) AS "latestRevisionId"
             FROM "Document" d
             JOIN "Membership" m ON m."workspaceId" = d."workspaceId" AND m."userId" = $1
            WHERE ($6::text IS NULL OR d.id = $6))
    SELECT h.kind, h."documentId", d.title AS "documentTitle", coalesce(h."blockKey", anc."blockKey") AS "blockKey",
           h."annotationId", h."commentId", u.name AS author, h."createdAt",
           ts_headline('simple', h.body, q.q, ${HEADLINE}) AS snippet,
           ts_rank(to_tsvector('simple', h.body), q.q) AS rank
      FROM (${queries.join(' UNION ALL ')}) h
      CROSS JOIN query q
      JOIN docs d ON d.id = h."documentId"
      LEFT JOIN "User" u ON u.id = h."authorId"
      LEFT JOIN LATERAL (
        SELECT aa."blockKey" FROM "AnnotationAnchor" aa JOIN "Revision" r ON r.id = aa."revisionId"
         WHERE aa."annotationId" = h."annotationId" ORDER BY r.number DESC LIMIT 1) anc ON h."annotationId" IS NOT NULL
     ORDER BY rank DESC, h."createdAt" DESC NULLS LAST
     LIMIT $9`;
  type Row = Omit<SearchHit, 'paragraph' | 'rank'> & { rank: number | string };
  const rows = await db().$queryRawUnsafe<Row[]>(sql, ...params);
  const keys = [...new Set(rows.map((r) => r.blockKey).filter((k): k is string => !!k))];
  const docs = [...new Set(rows.map((r) => r.documentId))];
  const numbers = keys.length
    ? await db().$queryRawUnsafe<{ key: string; documentId: string; position: number }[]>(
        `SELECT b.key, r."documentId", b.position FROM "Block" b JOIN "Revision" r ON r.id = b."revisionId"
          WHERE b.key = ANY($1) AND r."documentId" = ANY($2)
            AND r.number = (SELECT max(r2.number) FROM "Revision" r2 WHERE r2."documentId" = r."documentId")`,
        keys,
        docs,
      )
    : [];
  const numberOf = new Map(numbers.map((n) => [`${n.documentId}:${n.key}`, n.position + 1]));
  return {
    query: p.q,
    hits: rows.map((r) => ({
      ...r,
      rank: Number(r.rank),
      paragraph: r.blockKey ? (numberOf.get(`${r.documentId}:${r.blockKey}`) ?? null) : null,
    })),
  };
}
