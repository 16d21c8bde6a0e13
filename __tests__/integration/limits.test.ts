/**
 * Per-user limits hold exactly, also when the creations arrive at once: each is counted and
 * created under a lock on the user (lib/db/quota.ts), so requests in parallel cannot all count
 * below the limit and all create.
 */
import { createApiToken, MAX_TOKENS_PER_USER } from '@/lib/auth/api-tokens';
import { db } from '@/lib/db/client';
import { toAppError } from '@/lib/errors/app-error';
import { createWorkspace, MAX_WORKSPACES_PER_USER } from '@/lib/workspaces/manage';
import { unique } from '../helpers/db';

afterAll(() => db().$disconnect());

async function newUser() {
  return db().user.create({
    data: { email: `${unique('quota')}@example.com`, name: 'Quota' },
    select: { id: true },
  });
}

/** Starts `n` calls at once; returns how many succeeded and the codes of those that failed. */
async function atOnce(n: number, call: () => Promise<unknown>) {
  const results = await Promise.allSettled(Array.from({ length: n }, call));
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [toAppError(r.reason)] : []));
  return { succeeded: n - failures.length, failures };
}

describe('per-user limits', () => {
  it(`one owns at most ${MAX_WORKSPACES_PER_USER} workspaces, however many are created at once`, async () => {
    const user = await newUser();
    for (let i = 0; i < MAX_WORKSPACES_PER_USER - 2; i++) {
      await db().workspace.create({
        data: {
          name: `W${i}`,
          slug: unique('quota-ws'),
          memberships: { create: { userId: user.id, role: 'OWNER' } },
        },
      });
    }
    const { succeeded, failures } = await atOnce(4, () =>
      createWorkspace(user.id, { name: 'One more' }),
    );
    expect(succeeded).toBe(2);
    expect(failures.map((f) => f.code)).toEqual(['CONFLICT', 'CONFLICT']);
    expect(failures[0]!.message).toMatch(`at most ${MAX_WORKSPACES_PER_USER} workspaces`);
    expect(await db().membership.count({ where: { userId: user.id, role: 'OWNER' } })).toBe(
      MAX_WORKSPACES_PER_USER,
    );
  });

  it('being a member of many workspaces does not count against owning one', async () => {
    const user = await newUser();
    for (let i = 0; i < MAX_WORKSPACES_PER_USER; i++) {
      await db().workspace.create({
        data: {
          name: `M${i}`,
          slug: unique('quota-member'),
          memberships: { create: { userId: user.id, role: 'MEMBER' } },
        },
      });
    }
    await expect(createWorkspace(user.id, { name: 'Mine' })).resolves.toMatchObject({
      name: 'Mine',
    });
  });

  it(`one has at most ${MAX_TOKENS_PER_USER} active API tokens, however many are created at once`, async () => {
    const user = await newUser();
    await db().apiToken.createMany({
      data: Array.from({ length: MAX_TOKENS_PER_USER - 1 }, (_, i) => ({
        userId: user.id,
        name: `T${i}`,
        scope: 'read',
        tokenHash: unique('hash'),
        prefix: 'crt_test',
      })),
    });
    const { succeeded, failures } = await atOnce(3, () => createApiToken(user.id, { name: 'CI' }));
    expect(succeeded).toBe(1);
    expect(failures.map((f) => f.code)).toEqual(['CONFLICT', 'CONFLICT']);
    expect(await db().apiToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(
      MAX_TOKENS_PER_USER,
    );
  });
});
