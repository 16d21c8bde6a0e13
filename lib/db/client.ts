/**
 * The Prisma client, one per process. Password hashes are omitted from every query unless a
 * query asks for them explicitly (only lib/auth does). The connection pool is ours and shared
 * with Prisma's adapter, so the few bulk reads that skip Prisma (`pool()`) use the same
 * connections, limits and lifetime.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/client';

function createPool(url: string): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max: 10,
    // Fail fast when the database is down instead of hanging requests.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
}

function createClient(poolOrUrl: pg.Pool | string) {
  // Ending the client ends the pool (graceful shutdown calls $disconnect).
  const adapter = new PrismaPg(poolOrUrl, { disposeExternalPool: true });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createClient>;

const globalForDb = globalThis as unknown as {
  closereadDb?: Db;
  closereadPool?: pg.Pool;
  closereadDbUrl?: string;
};

function shared(): { client: Db; pool: pg.Pool } {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  if (
    !globalForDb.closereadDb ||
    !globalForDb.closereadPool ||
    globalForDb.closereadDbUrl !== url
  ) {
    const pool = createPool(url);
    globalForDb.closereadPool = pool;
    globalForDb.closereadDb = createClient(pool);
    globalForDb.closereadDbUrl = url;
  }
  return { client: globalForDb.closereadDb, pool: globalForDb.closereadPool };
}

/** The shared client for DATABASE_URL (kept on globalThis so dev reloads reuse the pool). */
export function db(): Db {
  return shared().client;
}

/**
 * The shared client's connection pool, for bulk reads where Prisma's per-value result handling
 * costs more than the query (the export loader). Parameterised SQL only.
 */
export function pool(): pg.Pool {
  return shared().pool;
}

/** A separate client for scripts and tests that manage their own lifetime. */
export function connectDb(url: string): Db {
  return createClient(createPool(url));
}

export { Prisma } from './generated/client';
