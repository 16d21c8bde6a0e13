/**
 * PostgreSQL's client tools for `npm run db:backup` / `db:restore`: finding a pg_dump or
 * pg_restore new enough for the server, running it without the password on its command line,
 * and the row counts both commands print.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { DataDirInUseError } from '../../lib/db/embedded';
import { withDatabase } from './database';

export type PgTool = { path: string; major: number };

function candidates(name: string): string[] {
  const found: string[] = [];
  // Debian installs each major under /usr/lib/postgresql/<N>/bin; /usr/bin holds a wrapper.
  const lib = '/usr/lib/postgresql';
  if (existsSync(lib)) {
    for (const version of readdirSync(lib)) found.push(path.join(lib, version, 'bin', name));
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir) found.push(path.join(dir, name));
  }
  return [...new Set(found)].filter((p) => existsSync(p));
}

function toolMajor(file: string): number | null {
  const out = spawnSync(file, ['--version'], { encoding: 'utf8' });
  const m = /\(PostgreSQL\)\s+(\d+)/.exec(out.stdout ?? '');
  return m ? Number(m[1]) : null;
}

/** The newest `name` on PATH or under /usr/lib/postgresql; it must be at least `serverMajor`. */
export function findPgTool(name: 'pg_dump' | 'pg_restore', serverMajor: number): PgTool {
  let best: PgTool | null = null;
  for (const file of candidates(name)) {
    const major = toolMajor(file);
    if (major !== null && (!best || major > best.major)) best = { path: file, major };
  }
  const install = `install postgresql-client-${serverMajor} (apt-get install postgresql-client-${serverMajor})`;
  if (!best) throw new Error(`${name} was not found on PATH or in /usr/lib/postgresql: ${install}`);
  if (best.major < serverMajor) {
    throw new Error(
      `${name} ${best.major} (${best.path}) is older than the PostgreSQL ${serverMajor} server: ${install}`,
    );
  }
  return best;
}

/** libpq settings for a connection URL, passed in the environment so `ps` never shows the password. */
export function libpqEnv(url: string): { env: NodeJS.ProcessEnv; database: string } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  const host = u.searchParams.get('host') ?? u.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host) env.PGHOST = decodeURIComponent(host);
  env.PGPORT = u.port || '5432';
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  const database = decodeURIComponent(u.pathname.slice(1)) || 'postgres';
  env.PGDATABASE = database;
  env.PGAPPNAME = 'closeread';
  return { env, database };
}

/** The URL without its password, for messages. */
export function describeUrl(url: string): string {
  const u = new URL(url);
  return `${u.hostname}${u.port ? `:${u.port}` : ''}/${decodeURIComponent(u.pathname.slice(1))}`;
}

/** Runs a client tool; resolves with its exit code and what it wrote to stderr. */
export function runTool(
  tool: PgTool,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool.path, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stderr }));
  });
}

/** The first error line a tool printed, for a one-line failure message. */
export function toolError(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim());
  return lines.find((l) => /error|fatal/i.test(l)) ?? lines.find(Boolean) ?? 'no output';
}

async function withClient<T>(url: string, task: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

export function serverMajor(url: string): Promise<number> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ v: string }>('SELECT current_setting($1) AS v', [
      'server_version_num',
    ]);
    return Math.floor(Number(rows[0]!.v) / 10_000);
  });
}

/** Exact row counts of every table outside PostgreSQL's own schemas, by name. */
export function tableCounts(url: string): Promise<Map<string, number>> {
  return withClient(url, async (c) => {
    const { rows: tables } = await c.query<{ schema: string; name: string }>(
      `SELECT schemaname AS schema, tablename AS name FROM pg_tables
        WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
        ORDER BY schemaname, tablename`,
    );
    const counts = new Map<string, number>();
    for (const t of tables) {
      const ident = `${c.escapeIdentifier(t.schema)}.${c.escapeIdentifier(t.name)}`;
      const { rows } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident}`);
      counts.set(t.schema === 'public' ? t.name : `${t.schema}.${t.name}`, Number(rows[0]!.n));
    }
    return counts;
  });
}

export function formatCounts(counts: Map<string, number>): string {
  const width = Math.max(0, ...[...counts.keys()].map((k) => k.length));
  return [...counts]
    .map(([name, n]) => `  ${name.padEnd(width)}  ${n.toLocaleString('en-US')}`)
    .join('\n');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A libpq connection string naming only the database (the rest comes from libpqEnv). */
export function dbnameArg(database: string): string {
  return `--dbname=dbname='${database.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** withDatabase, with a clearer refusal when `npm start` holds the embedded database. */
export async function withDatabaseFor<T>(
  action: string,
  task: (url: string) => Promise<T>,
): Promise<T> {
  try {
    return await withDatabase(task);
  } catch (err) {
    if (err instanceof DataDirInUseError) {
      throw new Error(
        `${err.message}: stop the app before you ${action}, or set DATABASE_URL to use another server`,
      );
    }
    throw err;
  }
}
