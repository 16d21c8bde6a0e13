/**
 * Bulk inserts with raw `pg`: one `INSERT … SELECT FROM unnest($1::t[], $2::t[], …)` per batch,
 * so a batch of thousands of rows costs one round trip and one parameter per column.
 */
import type pg from 'pg';

export type Column = {
  name: string;
  /** The PostgreSQL array element type the parameter is cast to, e.g. `text`, `"Visibility"`. */
  type: string;
  /** An expression over the unnested value `v`, for conversions unnest cannot do (arrays). */
  expr?: (v: string) => string;
};

export class BulkTable {
  private columns: unknown[][];
  rowCount = 0;
  inserted = 0;

  constructor(
    readonly table: string,
    readonly cols: Column[],
  ) {
    this.columns = cols.map(() => []);
  }

  push(row: unknown[]): void {
    if (row.length !== this.cols.length)
      throw new Error(
        `${this.table}: row has ${row.length} values for ${this.cols.length} columns`,
      );
    row.forEach((v, i) => this.columns[i]!.push(v === undefined ? null : v));
    this.rowCount += 1;
  }

  async flush(client: pg.ClientBase): Promise<void> {
    if (this.rowCount === 0) return;
    const names = this.cols.map((c) => `"${c.name}"`).join(', ');
    const params = this.cols.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
    const aliases = this.cols.map((_, i) => `c${i}`);
    const select = this.cols.map((c, i) => (c.expr ? c.expr(aliases[i]!) : aliases[i])).join(', ');
    await client.query(
      `INSERT INTO "${this.table}" (${names}) SELECT ${select} FROM unnest(${params}) AS u(${aliases.join(', ')})`,
      this.columns,
    );
    this.inserted += this.rowCount;
    this.columns = this.cols.map(() => []);
    this.rowCount = 0;
  }
}

/** Tables flushed together, parents first, whenever any of them holds `batch` rows. */
export class BulkWriter {
  constructor(
    private client: pg.ClientBase,
    readonly tables: BulkTable[],
    private batch = 5_000,
  ) {}

  async push(table: BulkTable, row: unknown[]): Promise<void> {
    table.push(row);
    if (table.rowCount >= this.batch) await this.flushAll();
  }

  async flushAll(): Promise<void> {
    for (const t of this.tables) await t.flush(this.client);
  }
}

/** `text[]` tags travel as one comma-joined string per row (unnest flattens nested arrays). */
export const tagsExpr = (v: string) =>
  `CASE WHEN ${v} = '' THEN ARRAY[]::text[] ELSE string_to_array(${v}, ',') END`;
