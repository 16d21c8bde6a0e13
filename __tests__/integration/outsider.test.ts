/**
 * The outsider suite: every route handler, called as each kind of user. Non-members get 404
 * for everything inside a workspace (no existence leak). It enumerates app/**\/route.ts and
 * fails for any handler it does not cover, so a new endpoint cannot be forgotten.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { db } from '@/lib/db/client';
import { liveHub } from '@/lib/documents/live';
import { call } from '../helpers/http';
import { CASES, EXEMPT, type DocWorld } from '../helpers/outsider-cases';
import { makeDocWorld, makeWorld, type RoleName } from '../helpers/world';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const p = path.join(dir, entry);
    if (statSync(p).isDirectory()) return routeFiles(p);
    return /^route\.tsx?$/.test(entry) ? [p] : [];
  });
}

function loadRoute(file: string): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- route files are discovered at run time
  return require(path.join(process.cwd(), file)) as Record<string, unknown>;
}

describe('outsider suite', () => {
  afterAll(async () => {
    await liveHub().close();
    await db().$disconnect();
  });

  it('covers every route handler that exists', () => {
    const root = process.cwd();
    const handlers = routeFiles(path.join(root, 'app')).flatMap((abs) => {
      const file = path.relative(root, abs);
      const mod = loadRoute(file);
      return METHODS.filter((m) => typeof mod[m] === 'function').map((m) => `${file} ${m}`);
    });
    const covered = new Set([...CASES.map((c) => `${c.file} ${c.method}`), ...Object.keys(EXEMPT)]);
    expect(handlers.filter((h) => !covered.has(h))).toEqual([]);
    // And no case names a handler that no longer exists.
    expect([...covered].filter((c) => !handlers.includes(c))).toEqual([]);
  });

  const roles: RoleName[] = ['anonymous', 'outsider', 'member', 'moderator', 'owner'];
  describe.each(
    CASES.map((c) => [`${c.method} ${c.file.replace(/^app|\/route\.ts$/g, '')}`, c] as const),
  )('%s', (_name, c) => {
    it.each(roles)('as %s', async (role) => {
      // Cases without a document never touch the document fields.
      const world = c.doc ? await makeDocWorld() : ((await makeWorld()) as unknown as DocWorld);
      const prepared = (await c.prepare?.(world)) ?? {};
      const handler = loadRoute(c.file)[c.method] as Parameters<typeof call>[0];
      const res = await call(handler, {
        method: c.method,
        caller: world.callers[role],
        ...prepared,
      });
      expect({
        role,
        status: res.status,
        body: res.status >= 400 ? res.json : undefined,
      }).toMatchObject({
        role,
        status: c.expect[role],
      });
      if (res.status === 404) {
        // No existence leak: the same body as for something that does not exist at all.
        expect(res.json).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
      }
    });
  });
});
