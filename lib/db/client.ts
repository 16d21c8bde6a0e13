/**
 * The Prisma client, one per process. Password hashes are omitted from every query unless a
 * query asks for them explicitly (only lib/auth does).
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

function createClient(url: string) {
  const adapter = new PrismaPg({
    connectionString: url,
    max: 10,
    // Fail fast when the database is down instead of hanging requests.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createClient>;

const globalForDb = globalThis as unknown as { closereadDb?: Db; closereadDbUrl?: string };

/** The shared client for DATABASE_URL (kept on globalThis so dev reloads reuse the pool). */
export function db(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  if (!globalForDb.closereadDb || globalForDb.closereadDbUrl !== url) {
    globalForDb.closereadDb = createClient(url);
    globalForDb.closereadDbUrl = url;
  }
  return globalForDb.closereadDb;
}

/** A separate client for scripts and tests that manage their own lifetime. */
export function connectDb(url: string): Db {
  return createClient(url);
}

export { Prisma } from './generated/client';
