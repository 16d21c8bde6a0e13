/**
 * Applies prisma/migrations/<name>/migration.sql files offline, the way `prisma migrate deploy`
 * would, because Prisma's native schema engine cannot be installed on these machines
 * (docs/adr/0002-offline-prisma.md). Rows in _prisma_migrations are written exactly as Prisma
 * writes them, so Prisma's own `migrate status` agrees with this runner.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/** Prisma's own advisory-lock key for migrations. */
export const MIGRATION_LOCK_KEY = 72707369;

export type MigrationFile = { name: string; sql: string; checksum: string };

export type MigrationReport = { applied: string[]; alreadyApplied: number };

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migration: string,
    readonly statement?: string,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

export function defaultMigrationsDir(): string {
  return path.join(process.cwd(), 'prisma', 'migrations');
}

export function listMigrations(dir: string = defaultMigrationsDir()): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name, 'migration.sql'));
      return {
        name,
        sql: bytes.toString('utf8'),
        checksum: createHash('sha256').update(bytes).digest('hex'),
      };
    });
}

// Prisma's exact DDL for its bookkeeping table.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

/** Finds the statement a PostgreSQL error position points into, for a useful message. */
function statementAt(sql: string, position: number | undefined): string | undefined {
  if (!position) return undefined;
  const before = sql.lastIndexOf(';', position - 1);
  const after = sql.indexOf(';', position - 1);
  return sql
    .slice(before + 1, after === -1 ? undefined : after + 1)
    .trim()
    .slice(0, 300);
}

export async function applyMigrations(
  databaseUrl: string,
  dir: string = defaultMigrationsDir(),
): Promise<MigrationReport> {
  const files = listMigrations(dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
    );
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed) {
      throw new MigrationError(
        `migration ${failed.migration_name} failed earlier and is recorded as failed; fix the database, then mark it rolled back`,
        failed.migration_name,
      );
    }
    const done = new Map(
      rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r.checksum]),
    );
    const applied: string[] = [];
    for (const file of files) {
      const checksum = done.get(file.name);
      if (checksum !== undefined) {
        if (checksum !== file.checksum) {
          throw new MigrationError(
            `migration ${file.name} was changed after it was applied (checksum mismatch)`,
            file.name,
          );
        }
        continue;
      }
      await applyOne(client, file);
      applied.push(file.name);
    }
    return { applied, alreadyApplied: files.length - applied.length };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

async function applyOne(client: pg.Client, file: MigrationFile): Promise<void> {
  const id = randomUUID();
  await client.query('BEGIN');
  try {
    await client.query(
      'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
      [id, file.checksum, file.name],
    );
    await client.query(file.sql);
    await client.query(
      'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1',
      [id],
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    const e = err as { message?: string; position?: string };
    const statement = statementAt(file.sql, e.position ? Number(e.position) : undefined);
    // Leave the failure on record, as Prisma does, so `migrate deploy` stops (P3009).
    await client.query(
      'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, applied_steps_count) VALUES ($1, $2, $3, $4, now(), 0)',
      [id, file.checksum, file.name, e.message ?? String(err)],
    );
    throw new MigrationError(
      `migration ${file.name} failed: ${e.message ?? String(err)}${statement ? `\n  in statement: ${statement}` : ''}`,
      file.name,
      statement,
    );
  }
}
