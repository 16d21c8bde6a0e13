/**
 * `npm run db:backup` and `npm run db:restore`, run as child processes against the test
 * server: a backup restored into a fresh database has the same rows (every table, compared
 * by count and by a hash of its content), the same content samples, indexes and sequences; a
 * non-empty database is refused without --force and replaced with it; a corrupt dump and a
 * failed backup change nothing and leave nothing behind. pg_dump/pg_restore must be installed
 * (CI installs them): without them these tests fail, they do not skip.
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { connectDb, Prisma } from '@/lib/db/client';
import { applyMigrations, defaultMigrationsDir, listMigrations } from '@/lib/db/migrations';
import { seedDemo } from '@/lib/seed/demo';
import { findPgTool, serverMajor } from '@/scripts/lib/pg-tools';
import { createScratchDatabase, query } from '../helpers/db';

const root = process.cwd();
const tsx = pathToFileURL(path.join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

type Run = { code: number | null; stdout: string; stderr: string; ms: number };

function run(
  script: 'db-backup' | 'db-restore',
  args: string[],
  env: Record<string, string>,
  cwd = root,
) {
  const started = Date.now();
  return new Promise<Run>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', tsx, path.join(root, 'scripts', `${script}.ts`), ...args],
      { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

/** Per table: row count and an md5 of all its rows (as text, sorted). */
async function snapshot(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await query<{ name: string }>(
    url,
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
  );
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const { name } of tables) {
    const [row] = await query<{ rows: string; md5: string }>(
      url,
      `SELECT count(*) AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5
         FROM "${name}" t`,
    );
    out[name] = { rows: Number(row!.rows), md5: row!.md5 };
  }
  return out;
}

/** What a reader sees, compared field by field so a difference is readable. */
async function samples(url: string) {
  return {
    comments: await query(url, `SELECT id, "bodyText", body FROM "Comment" ORDER BY id`),
    blocks: await query(url, `SELECT "revisionId", position, key, text FROM "Block" ORDER BY 1, 2`),
    anchors: await query(
      url,
      `SELECT "annotationId", "blockKey", "endBlockKey", start, "end", exact, status, confidence
         FROM "AnnotationAnchor" ORDER BY 1, 2`,
    ),
    events: await query(url, `SELECT id, type, payload FROM "DocumentEvent" ORDER BY id`),
    indexes: await query(
      url,
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`,
    ),
    sequences: await query(url, `SELECT sequencename, last_value FROM pg_sequences ORDER BY 1`),
  };
}

const TRICKY = "Line one\nline\ttwo — “quoted”, naïve, 😀, back\\slash, 'apostrophe'";

describe('db:backup / db:restore', () => {
  let source: Awaited<ReturnType<typeof createScratchDatabase>>;
  const scratches: Awaited<ReturnType<typeof createScratchDatabase>>[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'closeread-backup-'));
  const dump = path.join(dir, 'source.dump');
  let backup: Run;

  const scratch = async () => {
    const db = await createScratchDatabase();
    scratches.push(db);
    return db;
  };

  beforeAll(async () => {
    // Fails loudly (not a skip) when pg_dump or pg_restore is missing or too old.
    const major = await serverMajor(process.env.CLOSEREAD_TEST_SERVER_URL!);
    findPgTool('pg_dump', major);
    findPgTool('pg_restore', major);

    source = await createScratchDatabase();
    await applyMigrations(source.url);
    const client = connectDb(source.url);
    try {
      await seedDemo(client);
      const [alice, bob] = await Promise.all(
        ['alice@example.com', 'bob@example.com'].map((email) =>
          client.user.findUniqueOrThrow({ where: { email } }),
        ),
      );
      const root = await client.comment.findFirstOrThrow({ where: { parentId: null } });
      const annotation = await client.annotation.findUniqueOrThrow({
        where: { id: root.annotationId },
      });
      const reply = await client.comment.create({
        data: {
          annotationId: annotation.id,
          parentId: root.id,
          authorId: bob!.id,
          body: {
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: TRICKY }] }],
          } as Prisma.InputJsonValue,
          bodyText: TRICKY,
        },
      });
      await client.reaction.create({
        data: { commentId: reply.id, userId: alice!.id, emoji: '👍' },
      });
      await client.notification.create({
        data: { userId: alice!.id, kind: 'REPLY', commentId: reply.id },
      });
      for (let i = 0; i < 3; i++) {
        await client.documentEvent.create({
          data: {
            documentId: annotation.documentId,
            type: 'comment.created',
            payload: { commentId: reply.id, n: i, text: TRICKY },
          },
        });
      }
    } finally {
      await client.$disconnect();
    }
    backup = await run('db-backup', ['--out', dump], { DATABASE_URL: source.url });
  }, 60_000);

  afterAll(async () => {
    for (const db of scratches) await db.drop();
    await source?.drop();
  });

  it('writes a complete dump (owner-only) and reports its size and row counts', async () => {
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`backup: ${dump}`);
    expect(backup.stdout).toMatch(/size: [\d.]+ KB/);
    expect(backup.stdout).toMatch(/Comment\s+6\n/);
    expect(statSync(dump).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['source.dump']); // no partial file left beside it
    console.log(
      `backup: ${(statSync(dump).size / 1024).toFixed(1)} KB in ${backup.ms} ms (process included)`,
    );
  });

  it('restores into a fresh database: every table, the content and the indexes are the same', async () => {
    const target = await scratch();
    const restored = await run('db-restore', [dump, '--into', target.url], {});
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/restored .* in [\d.]+ s/);
    console.log(`restore: ${restored.ms} ms (process included)`);

    const [want, got] = await Promise.all([snapshot(source.url), snapshot(target.url)]);
    expect(Object.keys(want).length).toBeGreaterThanOrEqual(16);
    expect(want.Comment!.rows).toBe(6);
    expect(want.DocumentEvent!.rows).toBe(3);
    expect(got).toEqual(want);
    const [a, b] = await Promise.all([samples(source.url), samples(target.url)]);
    expect(b).toEqual(a);
    expect(b.comments.map((c) => c.bodyText)).toContain(TRICKY);
    // The sequence continues after the restored rows.
    const [event] = await query<{ id: string }>(
      target.url,
      `INSERT INTO "DocumentEvent" ("documentId", type, payload)
       SELECT "documentId", 'check', '{}' FROM "DocumentEvent" LIMIT 1 RETURNING id`,
    );
    expect(BigInt(event!.id)).toBeGreaterThan(BigInt((a.events.at(-1) as { id: string }).id));
  }, 60_000);

  it('refuses a non-empty database without --force, changing nothing; --force replaces it', async () => {
    const target = await scratch();
    await applyMigrations(target.url);
    await query(
      target.url,
      `INSERT INTO "Workspace" (id, name, slug, "updatedAt") VALUES ('other', 'Other', 'other', now())`,
    );
    const before = await snapshot(target.url);

    const refused = await run('db-restore', [dump, '--into', target.url], {});
    expect(refused.code).toBe(1);
    // Rows: one per applied migration plus the workspace inserted above.
    const rows = listMigrations(defaultMigrationsDir()).length + 1;
    expect(refused.stderr).toMatch(
      new RegExp(`is not empty \\(\\d+ tables, ${rows} rows\\) and was not changed; pass --force`),
    );
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(await snapshot(target.url)).toEqual(before);

    const forced = await run('db-restore', [dump, '--into', target.url, '--force'], {});
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    expect(await snapshot(target.url)).toEqual(await snapshot(source.url));
  }, 60_000);

  it('a corrupt dump fails cleanly and leaves the target as it was', async () => {
    const truncated = path.join(dir, 'truncated.dump');
    const garbage = path.join(dir, 'garbage.dump');
    // The table of contents survives, the data does not: the failure comes mid-restore.
    copyFileSync(dump, truncated);
    truncateSync(truncated, statSync(dump).size - 200);
    writeFileSync(garbage, 'this is not a dump');

    const empty = await scratch();
    const intoEmpty = await run('db-restore', [truncated, '--into', empty.url], {});
    expect(intoEmpty.code).toBe(1);
    expect(intoEmpty.stderr).toMatch(
      /^error: pg_restore failed and was rolled back, .* was not changed: /,
    );
    expect(await snapshot(empty.url)).toEqual({}); // not even a table

    const target = await scratch();
    expect((await run('db-restore', [dump, '--into', target.url], {})).code).toBe(0);
    await query(target.url, `DELETE FROM "Reaction"`); // so it differs from the dump
    const before = await snapshot(target.url);
    const forced = await run('db-restore', [truncated, '--into', target.url, '--force'], {});
    expect(forced.code).toBe(1);
    expect(forced.stderr).toMatch(/rolled back/);
    expect(await snapshot(target.url)).toEqual(before);

    const notADump = await run('db-restore', [garbage, '--into', target.url, '--force'], {});
    expect(notADump.code).toBe(1);
    expect(notADump.stderr).toMatch(/is not a readable backup .*; .* was not changed/);
    expect(await snapshot(target.url)).toEqual(before);
  }, 60_000);

  it('a failed backup leaves no file; the default name is backups/closeread-<time>.dump', async () => {
    const failedDir = mkdtempSync(path.join(os.tmpdir(), 'closeread-backup-failed-'));
    const missing = new URL(source.url);
    missing.pathname = '/closeread_no_such_database';
    const noDatabase = await run('db-backup', ['--out', path.join(failedDir, 'x.dump')], {
      DATABASE_URL: missing.toString(),
    });
    expect(noDatabase.code).toBe(1);
    expect(noDatabase.stderr.trim()).toMatch(/^error: .*does not exist$/);

    // pg_dump itself fails after it has opened its output: a role that may not read one table.
    const serverUrl = process.env.CLOSEREAD_TEST_SERVER_URL!;
    const role = `closeread_backup_${process.pid}`;
    await query(serverUrl, `CREATE ROLE ${role} LOGIN PASSWORD 'backup-test'`);
    try {
      await query(source.url, `GRANT USAGE ON SCHEMA public TO ${role}`);
      await query(source.url, `GRANT SELECT ON "User" TO ${role}`);
      const limited = new URL(source.url);
      limited.username = role;
      limited.password = 'backup-test';
      const denied = await run('db-backup', ['--out', path.join(failedDir, 'x.dump')], {
        DATABASE_URL: limited.toString(),
      });
      expect(denied.code).toBe(1);
      expect(denied.stderr.trim()).toMatch(
        /^error: pg_dump failed, no backup was written: .*permission denied/,
      );
    } finally {
      await query(source.url, `DROP OWNED BY ${role}`);
      await query(serverUrl, `DROP ROLE ${role}`);
    }
    expect(readdirSync(failedDir)).toEqual([]); // neither x.dump nor a partial file

    const cwd = mkdtempSync(path.join(os.tmpdir(), 'closeread-backup-default-'));
    const byDefault = await run('db-backup', [], { DATABASE_URL: source.url }, cwd);
    expect(byDefault.code).toBe(0);
    const files = readdirSync(path.join(cwd, 'backups'));
    expect(files).toEqual([
      expect.stringMatching(/^closeread-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.dump$/),
    ]);
    expect(statSync(path.join(cwd, 'backups')).mode & 0o777).toBe(0o700);
    expect(existsSync(path.join(cwd, 'backups', files[0]!))).toBe(true);
  }, 60_000);
});
