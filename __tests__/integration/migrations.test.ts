import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyMigrations, listMigrations, MigrationError } from '@/lib/db/migrations';
import { createScratchDatabase, query } from '../helpers/db';

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'closeread-migrations-'));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

type Row = {
  migration_name: string;
  finished_at: Date | null;
  applied_steps_count: number;
  checksum: string;
  logs: string | null;
};

describe('migration runner', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  beforeEach(async () => {
    scratch = await createScratchDatabase();
  });
  afterEach(async () => {
    await scratch.drop();
  });

  it("applies the project's migrations to a fresh database, and a re-run is a no-op", async () => {
    const first = await applyMigrations(scratch.url);
    expect(first.applied).toEqual(listMigrations().map((m) => m.name));
    expect(first.applied.length).toBeGreaterThan(0);
    const rows = await query<Row>(scratch.url, 'SELECT * FROM "_prisma_migrations"');
    expect(rows).toHaveLength(first.applied.length);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
    const second = await applyMigrations(scratch.url);
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length });
    expect(await query(scratch.url, 'SELECT * FROM "_prisma_migrations"')).toHaveLength(
      rows.length,
    );
  });

  it('records the checksum Prisma uses: sha256 of the file bytes', async () => {
    const dir = migrationsDir({ '001_a': 'CREATE TABLE a (id int);' });
    await applyMigrations(scratch.url, dir);
    const [row] = await query<Row>(scratch.url, 'SELECT checksum FROM "_prisma_migrations"');
    expect(row?.checksum).toBe(
      createHash('sha256').update('CREATE TABLE a (id int);').digest('hex'),
    );
  });

  it('rolls a failing migration back, names the file and statement, and leaves earlier ones applied', async () => {
    const dir = migrationsDir({
      '001_ok': 'CREATE TABLE kept (id int);',
      '002_bad': 'CREATE TABLE half (id int);\nINSERT INTO missing_table VALUES (1);\n',
    });
    const error = await applyMigrations(scratch.url, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migration).toBe('002_bad');
    expect((error as MigrationError).message).toContain('002_bad');
    expect((error as MigrationError).statement).toContain('INSERT INTO missing_table');
    const tables = await query<{ table_name: string }>(
      scratch.url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    expect(tables.map((t) => t.table_name)).toEqual(['_prisma_migrations', 'kept']);
    const rows = await query<Row>(
      scratch.url,
      'SELECT * FROM "_prisma_migrations" ORDER BY started_at',
    );
    expect(rows.map((r) => [r.migration_name, r.finished_at === null])).toEqual([
      ['001_ok', false],
      ['002_bad', true],
    ]);
    expect(rows[1]?.logs).toContain('missing_table');
    // Like `prisma migrate deploy` (P3009), a recorded failure blocks further runs.
    await expect(applyMigrations(scratch.url, dir)).rejects.toThrow(/failed earlier/);
  });

  it('reports a checksum mismatch of an applied migration', async () => {
    const dir = migrationsDir({ '001_a': 'CREATE TABLE a (id int);' });
    await applyMigrations(scratch.url, dir);
    writeFileSync(path.join(dir, '001_a', 'migration.sql'), 'CREATE TABLE a (id bigint);');
    await expect(applyMigrations(scratch.url, dir)).rejects.toThrow(
      /001_a was changed after it was applied/,
    );
  });

  it('serialises concurrent runners with the advisory lock', async () => {
    const dir = migrationsDir({
      '001_a': 'CREATE TABLE a (id int);',
      '002_b': 'CREATE TABLE b (id int);',
    });
    const results = await Promise.all([
      applyMigrations(scratch.url, dir),
      applyMigrations(scratch.url, dir),
    ]);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 2]);
  });
});
