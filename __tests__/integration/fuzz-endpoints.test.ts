/**
 * Property-based fuzzing of every writing endpoint (issue 10): random JSON bodies — wrong types,
 * missing and extra fields, deep nesting, huge strings, hostile text, and the endpoint's own
 * valid body with one field replaced — sent as the workspace owner (who may do the most). Never
 * a 500, and a rejected request writes nothing: the rows of the world's workspace are counted
 * before and after every rejected request.
 *
 * The endpoints come from the outsider suite's table, so a new route is fuzzed as soon as it is
 * listed there (and the outsider suite fails until it is).
 */
import path from 'node:path';
import fc from 'fast-check';
import { db } from '@/lib/db/client';
import { liveHub } from '@/lib/documents/live';
import { call } from '../helpers/http';
import { CASES, type DocWorld } from '../helpers/outsider-cases';
import { makeDocWorld } from '../helpers/world';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

function loadRoute(file: string): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- route files are discovered at run time
  return require(path.join(process.cwd(), file)) as Record<string, unknown>;
}

/** Everything the world owns, by table: a rejected request must leave these unchanged. */
async function footprint(w: DocWorld) {
  const workspaceId = w.workspace.id;
  const inWorkspace = { document: { workspaceId } };
  const [documents, revisions, blocks, annotations, comments, memberships, events, invitations] =
    await Promise.all([
      db().document.count({ where: { workspaceId } }),
      db().revision.count({ where: inWorkspace }),
      db().block.count({ where: { revision: inWorkspace } }),
      db().annotation.count({ where: inWorkspace }),
      db().comment.count({ where: { annotation: inWorkspace } }),
      db().membership.count({ where: { workspaceId } }),
      db().documentEvent.count({ where: { documentId: { in: [w.document.id] } } }),
      db().invitation.count({ where: { workspaceId } }),
    ]);
  return { documents, revisions, blocks, annotations, comments, memberships, events, invitations };
}

const hostileText = fc.constantFrom(
  '<script>alert(1)</script>',
  '\u0000',
  '\uD800',
  'x'.repeat(300_000),
  '../../etc/passwd',
  '\'; DROP TABLE "Comment"; --',
  '{{7*7}}',
  '\u202Eevil',
);
const leaf = fc.oneof(
  fc.string(),
  hostileText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(-1),
  fc.constant(Number.MAX_SAFE_INTEGER),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 12 }), tie('v'), { maxKeys: 4 }),
  ),
})).v;

/** A valid body with one field replaced by a random value, or a whole random body. */
function bodies(valid: unknown): fc.Arbitrary<unknown> {
  const keys = valid && typeof valid === 'object' ? Object.keys(valid) : [];
  const mutated = keys.length
    ? fc
        .tuple(fc.constantFrom(...keys), value)
        .map(([k, v]) => ({ ...(valid as Record<string, unknown>), [k]: v }))
    : value;
  const deep = fc
    .integer({ min: 60, max: 200 })
    .map((n) => Array.from({ length: n }).reduce<unknown>((inner) => ({ a: inner }), 1));
  return fc.oneof(mutated, mutated, value, deep);
}

describe('fuzzing the writing endpoints', () => {
  afterAll(async () => {
    await liveHub().close();
    await db().$disconnect();
  });

  const cases = CASES.filter((c) => WRITES.has(c.method) && !c.file.includes('[...nextauth]'));
  it.each(
    cases.map((c) => [`${c.method} ${c.file.replace(/^app|\/route\.ts$/g, '')}`, c] as const),
  )(
    '%s: never a 500, and a rejected request writes nothing',
    async (_name, c) => {
      const world = await makeDocWorld();
      const prepared = (await c.prepare?.(world)) ?? {};
      const handler = loadRoute(c.file)[c.method] as Parameters<typeof call>[0];
      const seen = new Set<number>();
      await fc.assert(
        fc.asyncProperty(bodies(prepared.body), async (body) => {
          const before = await footprint(world);
          const res = await call(handler, {
            method: c.method,
            caller: world.owner,
            ...prepared,
            body,
          });
          seen.add(res.status);
          expect({ status: res.status, body: res.json }).toEqual(
            expect.objectContaining({ status: expect.any(Number) }),
          );
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.json).toEqual({
              error: expect.objectContaining({
                code: expect.any(String),
                message: expect.any(String),
              }),
            });
            expect(await footprint(world)).toEqual(before);
          }
        }),
        { numRuns: RUNS },
      );
      expect(seen.size).toBeGreaterThan(0);
    },
    120_000,
  );
});
