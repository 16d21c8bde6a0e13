/** The benchmark's own database: create, migrate, seed (demo + generated data), drop. */
import pg from 'pg';
import { connectDb } from '../lib/db/client';
import { applyMigrations } from '../lib/db/migrations';
import { seedDemo } from '../lib/seed/demo';
import { generateBenchData, type SeedSummary } from './generate';

/** The server to create benchmark databases on (the `postgres` maintenance database). */
export const ADMIN_URL =
  process.env.BENCH_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function freshDatabaseName(): string {
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `closeread_bench_${stamp}_${process.pid}`;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(name: string): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  return databaseUrl(name);
}

export async function dropDatabase(name: string): Promise<void> {
  if (!name.startsWith('closeread_bench_')) throw new Error(`refusing to drop ${name}`);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export type SeedTimings = { migrate: number; demo: number; generate: number; total: number };

/** Migrates and seeds `url`; logs progress; returns what the benchmarks need. */
export async function seedDatabase(
  url: string,
  scale: number,
  log: (line: string) => void = () => {},
): Promise<{ summary: SeedSummary; timings: SeedTimings }> {
  const t0 = Date.now();
  await applyMigrations(url);
  const t1 = Date.now();
  const prisma = connectDb(url);
  try {
    await seedDemo(prisma);
  } finally {
    await prisma.$disconnect();
  }
  const t2 = Date.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let summary: SeedSummary;
  try {
    await client.query('SET synchronous_commit = off');
    await client.query('BEGIN');
    // GIN (full-text) indexes are much cheaper to build once than to maintain row by row:
    // drop them for the load and recreate them with their own definitions.
    const gin = await client.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes
       WHERE schemaname = current_schema() AND indexdef ILIKE '%USING gin%'`,
    );
    for (const ix of gin.rows) await client.query(`DROP INDEX "${ix.name}"`);
    summary = await generateBenchData(client, { scale, log });
    await client.query(`SET maintenance_work_mem = '256MB'`);
    for (const ix of gin.rows) await client.query(ix.def);
    await client.query('COMMIT');
    await client.query('VACUUM ANALYZE');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
  const t3 = Date.now();
  const s = (ms: number) => ms / 1000;
  return {
    summary,
    timings: { migrate: s(t1 - t0), demo: s(t2 - t1), generate: s(t3 - t2), total: s(t3 - t0) },
  };
}
