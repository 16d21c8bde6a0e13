/**
 * The reader's queries, in SQL: a revision's blocks; its annotations with their authors and
 * anchors as flat rows (both on the shared pool, without Prisma's per-value handling); then
 * comment counts and first comments for only the threads the page summarises. Prisma's
 * nested `select` for the same data ran a query per relation and assembled an object graph in
 * JavaScript, which was most of the big reader page's time (bench figure 1: 5,000 threads).
 */
import { db, Prisma } from '../db/client';
import { queryRows } from '../db/query-rows';
import type { InlineMark } from './blocks';

/** Characters of the first comment the thread summary shows. */
export const FIRST_COMMENT_CHARS = 280;

export type ReaderRow = {
  id: string;
  authorId: string;
  authorName: string;
  visibility: 'PRIVATE' | 'WORKSPACE';
  status: 'OPEN' | 'RESOLVED';
  tags: string[];
  exact: string;
  anchorStatus: string;
  blockKey: string | null;
  endBlockKey: string | null;
  start: number | null;
  end: number | null;
  anchorExact: string;
};

export type ThreadDetails = {
  id: string;
  /** Live (not deleted) comments. */
  commentCount: number;
  /** The first top-level comment's opening characters; null when none, or it was hidden. */
  firstComment: string | null;
};

/** Every annotation anchored on the revision, oldest first. */
export function readerRows(documentId: string, revisionId: string): Promise<ReaderRow[]> {
  return queryRows<ReaderRow>(
    `SELECT a.id, a."authorId", u.name AS "authorName",
            a.visibility::text AS visibility, a.status::text AS status, a.tags,
            a.exact, x.status::text AS "anchorStatus", x."blockKey", x."endBlockKey", x.start,
            x."end", x.exact AS "anchorExact"
       FROM "Annotation" a
       JOIN "AnnotationAnchor" x ON x."annotationId" = a.id AND x."revisionId" = $2
       JOIN "User" u ON u.id = a."authorId"
      WHERE a."documentId" = $1
      ORDER BY a."createdAt", a.id`,
    [documentId, revisionId],
  );
}

export type ReaderBlockRow = { key: string; type: string; text: string; marks: InlineMark[] };

/** The revision's blocks in order, with their inline marks. */
export function readerBlocks(revisionId: string): Promise<ReaderBlockRow[]> {
  return queryRows<ReaderBlockRow>(
    `SELECT key, type, text, marks FROM "Block" WHERE "revisionId" = $1 ORDER BY position`,
    [revisionId],
  );
}

/** Comment counts and first comments of these threads (one array parameter, any number). */
export async function threadDetails(ids: string[]): Promise<Map<string, ThreadDetails>> {
  if (ids.length === 0) return new Map();
  const rows = await db().$queryRaw<ThreadDetails[]>(Prisma.sql`
    SELECT t.id,
           (SELECT count(*)::int FROM "Comment" n
             WHERE n."annotationId" = t.id AND n."deletedAt" IS NULL) AS "commentCount",
           CASE WHEN f."hiddenAt" IS NULL THEN left(f."bodyText", ${FIRST_COMMENT_CHARS}) END
             AS "firstComment"
    FROM unnest(${ids}::text[]) AS t(id)
    LEFT JOIN LATERAL (
      SELECT c."bodyText", c."hiddenAt" FROM "Comment" c
       WHERE c."annotationId" = t.id AND c."deletedAt" IS NULL AND c."parentId" IS NULL
       ORDER BY c."createdAt" LIMIT 1) f ON true`);
  return new Map(rows.map((r) => [r.id, r]));
}
