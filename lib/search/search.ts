/**
 * Full-text search across the workspaces a user belongs to: comments, quoted passages and the
 * documents' own text (latest revisions), with highlighted snippets and paragraph links.
 * PostgreSQL full-text search over stored "searchVector" columns (to_tsvector('simple', …), kept
 * by triggers) with GIN indexes.
 */
import { z } from 'zod';
import { db } from '../db/client';
import { queryRows } from '../db/query-rows';
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

type Rarity = { comments: boolean; quotes: boolean };

/**
 * How common a query is changes slowly (it is a statistic, like the planner's), and counting it
 * costs a transaction and two index scans per search: the answer is kept for a minute per query.
 * It only chooses the plan; either plan returns the same rows.
 */
const RARITY_TTL_MS = 60_000;
const RARITY_ENTRIES = 1_000;
const rarityCache = new Map<string, { value: Rarity; until: number }>();

async function rareTerms(tsq: string, common: number): Promise<Rarity> {
  const key = `${common}:${tsq}`;
  const now = Date.now();
  const hit = rarityCache.get(key);
  if (hit && hit.until > now) return hit.value;
  const value = await countRareTerms(tsq, common);
  rarityCache.delete(key);
  if (rarityCache.size >= RARITY_ENTRIES) rarityCache.delete(rarityCache.keys().next().value!);
  rarityCache.set(key, { value, until: now + RARITY_TTL_MS });
  return value;
}

/**
 * Whether the query matches few comments / quotes. The planner cannot know how many rows a
 * tsquery matches (a word absent from its statistics is guessed at 0.5 %), and with ORDER BY
 * createdAt LIMIT it then walks the createdAt index through the whole table looking for matches
 * that are not there (seconds for an unknown word). Counting up to COMMON_MATCHES through the
 * GIN index settles it: few matches are all fetched through the index (a subquery fenced with
 * OFFSET 0) and sorted; many are found newest first.
 */
async function countRareTerms(tsq: string, common: number): Promise<Rarity> {
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
    // Latest revisions only: checked per matching block (the LIMIT stops the walk early), not
    // by listing every member document's latest revision first.
    queries.push(`(
      SELECT 'text' AS kind, r."documentId", NULL AS "annotationId", NULL AS "commentId",
             NULL AS "authorId", NULL::timestamp AS "createdAt", b.text AS body, b.key AS "blockKey"
        FROM "Block" b
        JOIN "Revision" r ON r.id = b."revisionId"
        JOIN "Document" d ON d.id = r."documentId" AND ($6::text IS NULL OR d.id = $6)
        JOIN "Membership" m ON m."workspaceId" = d."workspaceId" AND m."userId" = $1
       WHERE b."searchVector" @@ to_tsquery('simple', $2)
         AND r.number = (SELECT max(r2.number) FROM "Revision" r2 WHERE r2."documentId" = r."documentId")
       LIMIT $9)`);
  }
  const sql = `
    -- Every parameter is typed here, so branches that do not use some still plan.
    WITH query AS (SELECT to_tsquery('simple', $2) AS q, $1::text AS p1, $3::text AS p3,
                          $4::text AS p4, $5::text AS p5, $6::text AS p6,
                          $7::timestamptz AS p7, $8::timestamptz AS p8)
    -- Rank every branch's candidates, keep the best $9, and only then build their snippets
    -- (ts_headline is the expensive part of a result).
         , hits AS (
      SELECT h.*, ts_rank(to_tsvector('simple', h.body), q.q) AS rank
        FROM (${queries.join(' UNION ALL ')}) h
        CROSS JOIN query q
       ORDER BY rank DESC, h."createdAt" DESC NULLS LAST
       LIMIT $9)
    SELECT h.kind, h."documentId", d.title AS "documentTitle", k.key AS "blockKey",
           h."annotationId", h."commentId", u.name AS author, h."createdAt",
           ts_headline('simple', h.body, q.q, ${HEADLINE}) AS snippet, h.rank,
           pos.position + 1 AS paragraph
      FROM hits h
      CROSS JOIN query q
      JOIN "Document" d ON d.id = h."documentId"
      LEFT JOIN "User" u ON u.id = h."authorId"
      LEFT JOIN LATERAL (
        SELECT aa."blockKey" FROM "AnnotationAnchor" aa JOIN "Revision" r ON r.id = aa."revisionId"
         WHERE aa."annotationId" = h."annotationId" ORDER BY r.number DESC LIMIT 1) anc ON h."annotationId" IS NOT NULL
      CROSS JOIN LATERAL (SELECT coalesce(h."blockKey", anc."blockKey") AS key) k
      -- The paragraph's number in the latest revision (none when the paragraph is gone from it).
      LEFT JOIN LATERAL (
        SELECT b.position FROM "Block" b
         WHERE b."revisionId" = (SELECT r.id FROM "Revision" r WHERE r."documentId" = h."documentId"
                                  ORDER BY r.number DESC LIMIT 1)
           AND b.key = k.key
         LIMIT 1) pos ON k.key IS NOT NULL
     ORDER BY h.rank DESC, h."createdAt" DESC NULLS LAST`;
  // On the shared pool (lib/db/query-rows.ts): one round trip, no per-value handling by Prisma.
  const rows = await queryRows<Omit<SearchHit, 'rank'> & { rank: number | string }>(sql, params);
  return { query: p.q, hits: rows.map((r) => ({ ...r, rank: Number(r.rank) })) };
}
