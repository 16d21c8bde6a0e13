/**
 * Bulk inserts for the large writes of document creation and revision: one
 * `INSERT … SELECT FROM unnest($1::t[], …)` statement per table, one parameter per column.
 * Prisma's createMany of 2,000 blocks and 5,000 anchors took over two seconds of a revision
 * upload (bench figure 6), almost all of it building and binding the statement.
 */
import type { InlineMark } from './blocks';
import { newId } from '../db/ids';
import type { Tx } from '../db/tx';

/** Rows per statement: PostgreSQL arrays are fine at this size, and memory stays modest. */
const BATCH = 5_000;

export type BlockRow = {
  revisionId: string;
  position: number;
  key: string;
  type: string;
  text: string;
  marks: InlineMark[];
};

export async function insertBlocks(tx: Tx, rows: BlockRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await tx.$executeRawUnsafe(
      `INSERT INTO "Block" (id, "revisionId", position, key, type, text, marks)
       SELECT id, "revisionId", position, key, type, text, marks::jsonb
         FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[])
           AS t(id, "revisionId", position, key, type, text, marks)`,
      batch.map(() => newId()),
      batch.map((r) => r.revisionId),
      batch.map((r) => r.position),
      batch.map((r) => r.key),
      batch.map((r) => r.type),
      batch.map((r) => r.text),
      batch.map((r) => JSON.stringify(r.marks)),
    );
  }
}

export type AnchorRow = {
  annotationId: string;
  revisionId: string;
  blockKey: string | null;
  endBlockKey: string | null;
  start: number | null;
  end: number | null;
  exact: string;
  status: string;
  confidence: number;
};

export async function insertAnchors(tx: Tx, rows: AnchorRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await tx.$executeRawUnsafe(
      `INSERT INTO "AnnotationAnchor"
              ("annotationId", "revisionId", "blockKey", "endBlockKey", start, "end", exact, status, confidence)
       SELECT "annotationId", "revisionId", "blockKey", "endBlockKey", start, "end", exact,
              status::"AnchorStatus", confidence
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[],
                     $7::text[], $8::text[], $9::float8[])
           AS t("annotationId", "revisionId", "blockKey", "endBlockKey", start, "end", exact, status, confidence)`,
      batch.map((r) => r.annotationId),
      batch.map((r) => r.revisionId),
      batch.map((r) => r.blockKey),
      batch.map((r) => r.endBlockKey),
      batch.map((r) => r.start),
      batch.map((r) => r.end),
      batch.map((r) => r.exact),
      batch.map((r) => r.status),
      batch.map((r) => r.confidence),
    );
  }
}
