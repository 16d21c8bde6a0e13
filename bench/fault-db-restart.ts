/**
 * `npm run fault:db-restart`: PostgreSQL restarts while 20 clients post comments (issue 10).
 *
 * A private embedded PostgreSQL (a temporary folder, a fixed port) serves the production build.
 * Twenty clients post comments continuously, each post with its own clientKey; a client retries
 * the same key until the server acknowledges it (2xx), as a real client should after a timeout.
 * Midway PostgreSQL is stopped (fast shutdown), left down for a few seconds, and started again.
 *
 * Prints: posts acknowledged vs rows found, answers during the outage (status, slowest), how long
 * the app took to recover. Exits non-zero when an acknowledged comment is missing, a key was
 * stored twice, an outage request hung (> 5 s) or was not a clean 503, or the app did not
 * recover. Bounded: about 30 s of load plus start-up. Needs `npm run build`.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createApiToken } from '../lib/auth/api-tokens';
import { connectDb } from '../lib/db/client';
import { freePort, startEmbeddedDatabase } from '../lib/db/embedded';
import { applyMigrations } from '../lib/db/migrations';
import { seedDemo } from '../lib/seed/demo';
import { startServer, stopServer } from './server';
import { plainTextToDoc } from '../lib/richtext';

const CLIENTS = 20;
const BEFORE_MS = 5_000;
const OUTAGE_MS = 4_000;
const AFTER_MS = 8_000;
const HANG_MS = 5_000;

type Outcome = { at: number; ms: number; status: number; code?: string };

async function main() {
  if (!existsSync(path.join('.next', 'BUILD_ID')))
    throw new Error('no production build in .next: run npm run build first');
  const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'closeread-fault-')), 'pg');
  const port = await freePort();
  let database = await startEmbeddedDatabase({ dataDir, port });
  const url = database.url;
  const server = await (async () => {
    await applyMigrations(url);
    const setup = connectDb(url);
    process.env.DATABASE_URL = url;
    await seedDemo(setup);
    await setup.$disconnect();
    return startServer({ DATABASE_URL: url, NEXTAUTH_SECRET: randomUUID() + randomUUID() });
  })();
  const stats = { acked: new Map<string, string>(), outcomes: [] as Outcome[], attempts: 0 };
  let stopping = false;
  try {
    const admin = new Client({ connectionString: url });
    await admin.connect();
    const alice = await admin.query<{ id: string }>(
      `SELECT id FROM "User" WHERE email = 'alice@example.com'`,
    );
    const threads = await admin.query<{ id: string }>(
      `SELECT a.id FROM "Annotation" a WHERE a.visibility = 'WORKSPACE' ORDER BY a."createdAt"`,
    );
    await admin.end();
    const { token } = await createApiToken(alice.rows[0]!.id, { name: 'fault', scope: 'write' });
    const started = Date.now();

    const post = async (key: string, thread: string): Promise<Outcome & { id?: string }> => {
      const t0 = Date.now();
      try {
        const res = await fetch(`${server.origin}/api/v1/annotations/${thread}/comments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            clientKey: key,
            comment: plainTextToDoc(`Post ${key}`),
          }),
          signal: AbortSignal.timeout(15_000),
        });
        const body = (await res.json().catch(() => null)) as {
          id?: string;
          error?: { code?: string };
        } | null;
        return {
          at: t0 - started,
          ms: Date.now() - t0,
          status: res.status,
          code: body?.error?.code,
          id: body?.id,
        };
      } catch (err) {
        return { at: t0 - started, ms: Date.now() - t0, status: 0, code: (err as Error).name };
      }
    };

    const client = async (n: number) => {
      let key = `fault-${n}-${randomUUID()}`;
      for (let i = 0; !stopping;) {
        const thread = threads.rows[(n + i) % threads.rows.length]!.id;
        stats.attempts += 1;
        const outcome = await post(key, thread);
        stats.outcomes.push(outcome);
        if (outcome.status >= 200 && outcome.status < 300 && outcome.id) {
          stats.acked.set(key, outcome.id);
          key = `fault-${n}-${randomUUID()}`;
          i += 1;
        } else {
          // Retry the same key: if the first attempt committed, the server answers with it.
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    };

    const clients = Array.from({ length: CLIENTS }, (_, n) => client(n));
    await new Promise((r) => setTimeout(r, BEFORE_MS));
    const downAt = Date.now() - started;
    await database.stop();
    console.log(`fault: PostgreSQL stopped at ${downAt} ms`);
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    const upAt = Date.now() - started;
    database = await startEmbeddedDatabase({ dataDir, port });
    console.log(`fault: PostgreSQL started again at ${upAt} ms`);
    await new Promise((r) => setTimeout(r, AFTER_MS));
    stopping = true;
    await Promise.all(clients);

    // What is in the database.
    const check = new Client({ connectionString: url });
    await check.connect();
    const rows = await check.query<{ clientKey: string; id: string; n: number }>(
      `SELECT "clientKey", min(id) AS id, count(*)::int AS n FROM "Comment"
        WHERE "clientKey" LIKE 'fault-%' GROUP BY "clientKey"`,
    );
    await check.end();
    const stored = new Map(rows.rows.map((r) => [r.clientKey, r]));
    const missing = [...stats.acked].filter(([key, id]) => stored.get(key)?.id !== id);
    const duplicated = rows.rows.filter((r) => r.n > 1);
    const unacknowledged = rows.rows.filter((r) => !stats.acked.has(r.clientKey));

    const during = stats.outcomes.filter((o) => o.at >= downAt && o.at < upAt);
    const failedDuring = during.filter((o) => o.status < 200 || o.status >= 300);
    const unclean = failedDuring.filter((o) => o.status !== 503 || o.code !== 'UNAVAILABLE');
    const slowest = Math.max(0, ...during.map((o) => o.ms));
    const firstOkAfter = stats.outcomes
      .filter((o) => o.at >= upAt && o.status >= 200 && o.status < 300)
      .reduce((min, o) => Math.min(min, o.at + o.ms), Infinity);
    const recoveryMs = firstOkAfter - upAt;
    const okAfter = stats.outcomes.filter((o) => o.at >= upAt && o.status < 300).length;
    const statuses = countBy(during.map((o) => `${o.status}${o.code ? ` ${o.code}` : ''}`));

    const report = {
      clients: CLIENTS,
      requests: stats.attempts,
      acknowledged: stats.acked.size,
      rowsFound: rows.rows.length,
      missing: missing.length,
      duplicated: duplicated.length,
      committedButUnacknowledged: unacknowledged.length,
      outage: { ms: upAt - downAt, requests: during.length, statuses, slowestMs: slowest },
      recoveryMs: Number.isFinite(recoveryMs) ? recoveryMs : null,
      acknowledgedAfterRestart: okAfter,
    };
    console.log(JSON.stringify(report, null, 2));
    const failures = [
      missing.length && `${missing.length} acknowledged comments are missing`,
      duplicated.length && `${duplicated.length} client keys were stored twice`,
      slowest > HANG_MS && `a request during the outage took ${slowest} ms (limit ${HANG_MS})`,
      unclean.length &&
        `${unclean.length} outage answers were not 503 UNAVAILABLE: ${JSON.stringify(unclean.slice(0, 3))}`,
      !Number.isFinite(recoveryMs) && 'no comment was acknowledged after PostgreSQL came back',
      stats.acked.size === 0 && 'nothing was acknowledged at all',
    ].filter(Boolean);
    if (failures.length) {
      console.error(`fault: FAILED\n- ${failures.join('\n- ')}`);
      console.error(server.log.slice(-20).join('\n'));
      process.exitCode = 1;
    } else {
      console.log(
        `fault: passed — ${stats.acked.size} acknowledged, ${rows.rows.length} stored, none lost or doubled; ` +
          `outage answers ${JSON.stringify(statuses)}, slowest ${slowest} ms; recovered in ${recoveryMs} ms`,
      );
    }
  } finally {
    stopping = true;
    await stopServer(server);
    await database.stop().catch(() => {});
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  }
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
