import * as tokensRoute from '@/app/api/v1/tokens/route';
import * as workspacesRoute from '@/app/api/v1/workspaces/route';
import * as signupRoute from '@/app/api/account/signup/route';
import { createApiToken, revokeApiToken, userForApiToken } from '@/lib/auth/api-tokens';
import { signInWithPassword } from '@/lib/auth/credentials';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { createRateLimiter, signInLimits } from '@/lib/auth/rate-limit';
import { changePassword, signUp } from '@/lib/auth/signup';
import { hashToken } from '@/lib/auth/tokens';
import { db } from '@/lib/db/client';
import {
  acceptInvitation,
  createInvitation,
  previewInvitation,
  revokeInvitation,
} from '@/lib/workspaces/invitations';
import { changeMemberRole, removeMember } from '@/lib/workspaces/members';
import { call } from '../helpers/http';
import { unique } from '../helpers/db';
import { makeWorld } from '../helpers/world';

afterAll(() => db().$disconnect());

describe('passwords', () => {
  it('hashes with argon2id and a per-hash salt, and verifies', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^\$argon2id\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(a, 'wrong horse battery')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it('sign-up stores only a hash; sign-in accepts the password and gives one generic failure', async () => {
    const email = `${unique('sign')}@example.com`;
    const user = await signUp({
      name: 'Sig',
      email: email.toUpperCase(),
      password: 'a long passphrase',
    });
    expect(user.email).toBe(email);
    const row = await db().user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true },
    });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(
      await signInWithPassword({ email, password: 'a long passphrase' }, unique('ip')),
    ).toMatchObject({ id: user.id });
    expect(await signInWithPassword({ email, password: 'wrong' }, unique('ip'))).toBeNull();
    expect(
      await signInWithPassword(
        { email: `${unique('nobody')}@example.com`, password: 'x' },
        unique('ip'),
      ),
    ).toBeNull();
  });

  it('refuses a duplicate email with CONFLICT and a field error', async () => {
    const email = `${unique('dup')}@example.com`;
    await signUp({ name: 'A', email, password: 'a long passphrase' });
    await expect(signUp({ name: 'B', email, password: 'a long passphrase' })).rejects.toMatchObject(
      {
        code: 'CONFLICT',
        fields: { email: expect.any(Array) },
      },
    );
  });

  it('changes the password only with the current one', async () => {
    const email = `${unique('chg')}@example.com`;
    const user = await signUp({ name: 'C', email, password: 'first passphrase' });
    await expect(
      changePassword(user.id, { currentPassword: 'nope', newPassword: 'second passphrase' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await changePassword(user.id, {
      currentPassword: 'first passphrase',
      newPassword: 'second passphrase',
    });
    expect(
      await signInWithPassword({ email, password: 'second passphrase' }, unique('ip')),
    ).not.toBeNull();
    expect(
      await signInWithPassword({ email, password: 'first passphrase' }, unique('ip')),
    ).toBeNull();
  });
});

describe('sign-in rate limiting', () => {
  it('counts failures in a window and says when to retry', () => {
    const limiter = createRateLimiter({ maxFailures: 3, windowMs: 60_000 });
    const t = 1_000_000;
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('k', t)).toBe(0);
      limiter.recordFailure('k', t);
    }
    expect(limiter.retryAfter('k', t + 10_000)).toBe(50);
    expect(limiter.retryAfter('k', t + 60_000)).toBe(0);
    limiter.recordFailure('k', t + 60_000);
    limiter.reset('k');
    expect(limiter.retryAfter('k', t + 60_001)).toBe(0);
  });

  it('locks an email after repeated failures, even with the right password, with "try again in N s"', async () => {
    const email = `${unique('rl')}@example.com`;
    await signUp({ name: 'R', email, password: 'a long passphrase' });
    for (let i = 0; i < 5; i++) {
      expect(await signInWithPassword({ email, password: 'wrong' }, unique('ip'))).toBeNull();
    }
    await expect(
      signInWithPassword({ email, password: 'a long passphrase' }, unique('ip')),
    ).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/^Too many attempts\. Try again in \d+ s\.$/),
    });
    signInLimits.byEmail.reset(email);
  });

  it('locks an IP that tries many emails', async () => {
    const ip = unique('ip');
    for (let i = 0; i < 20; i++)
      await signInWithPassword({ email: `${unique('x')}@example.com`, password: 'x' }, ip);
    await expect(
      signInWithPassword({ email: 'alice@example.com', password: 'x' }, ip),
    ).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
  });
});

describe('invitations', () => {
  it('stores only the token hash and admits up to maxUses people', async () => {
    const w = await makeWorld();
    const { token, invitation } = await createInvitation(w.owner.id, w.workspace.slug, {
      maxUses: 1,
    });
    const row = await db().invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await acceptInvitation(w.outsider, token)).toEqual({
      slug: w.workspace.slug,
      alreadyMember: false,
    });
    const other = await db().user.create({
      data: { email: `${unique('o')}@example.com`, name: 'O' },
    });
    await expect(acceptInvitation(other, token)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This invitation has been used up.',
    });
    // Accepting again as a member is harmless.
    expect(await acceptInvitation(w.outsider, token)).toMatchObject({ alreadyMember: true });
  });

  it('refuses expired and revoked invitations', async () => {
    const w = await makeWorld();
    const past = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    const expired = await createInvitation(
      w.owner.id,
      w.workspace.slug,
      { expiresInDays: 7 },
      past,
    );
    await expect(acceptInvitation(w.outsider, expired.token)).rejects.toMatchObject({
      message: 'This invitation has expired.',
    });
    expect((await previewInvitation(expired.token)).problem).toBe('This invitation has expired.');
    const revoked = await createInvitation(w.owner.id, w.workspace.slug, {});
    await revokeInvitation(w.owner.id, w.workspace.slug, revoked.invitation.id);
    await expect(acceptInvitation(w.outsider, revoked.token)).rejects.toMatchObject({
      message: 'This invitation has been revoked.',
    });
    await expect(acceptInvitation(w.outsider, 'inv_unknown')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await db().membership.count({
        where: { workspaceId: w.workspace.id, userId: w.outsider.id },
      }),
    ).toBe(0);
  });

  it('an e-mail invitation admits only that address, with the invited role', async () => {
    const w = await makeWorld();
    const { token } = await createInvitation(w.owner.id, w.workspace.slug, {
      email: w.outsider.email.toUpperCase(),
      role: 'MODERATOR',
    });
    const stranger = await db().user.create({
      data: { email: `${unique('s')}@example.com`, name: 'S' },
    });
    await expect(acceptInvitation(stranger, token)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await acceptInvitation(w.outsider, token);
    const m = await db().membership.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId: w.workspace.id, userId: w.outsider.id } },
    });
    expect(m.role).toBe('MODERATOR');
  });

  it('concurrent accepts never exceed maxUses', async () => {
    const w = await makeWorld();
    const { token } = await createInvitation(w.owner.id, w.workspace.slug, { maxUses: 2 });
    const people = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        db().user.create({ data: { email: `${unique(`c${i}`)}@example.com`, name: `C${i}` } }),
      ),
    );
    const results = await Promise.allSettled(people.map((p) => acceptInvitation(p, token)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const inv = await db().invitation.findFirstOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(inv.uses).toBe(2);
  });
});

describe('the last owner', () => {
  it('cannot be demoted or removed, and cannot leave; with a second owner they can', async () => {
    const w = await makeWorld();
    await expect(
      changeMemberRole(w.owner.id, w.workspace.slug, w.owner.id, { role: 'MEMBER' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(removeMember(w.owner.id, w.workspace.slug, w.owner.id)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await changeMemberRole(w.owner.id, w.workspace.slug, w.moderator.id, { role: 'OWNER' });
    await removeMember(w.owner.id, w.workspace.slug, w.owner.id);
    const owners = await db().membership.findMany({
      where: { workspaceId: w.workspace.id, role: 'OWNER' },
    });
    expect(owners.map((o) => o.userId)).toEqual([w.moderator.id]);
  });

  it('two owners demoting each other at once leaves one owner', async () => {
    const w = await makeWorld();
    await changeMemberRole(w.owner.id, w.workspace.slug, w.moderator.id, { role: 'OWNER' });
    await Promise.allSettled([
      changeMemberRole(w.owner.id, w.workspace.slug, w.moderator.id, { role: 'MEMBER' }),
      changeMemberRole(w.moderator.id, w.workspace.slug, w.owner.id, { role: 'MEMBER' }),
    ]);
    expect(
      await db().membership.count({ where: { workspaceId: w.workspace.id, role: 'OWNER' } }),
    ).toBe(1);
  });
});

describe('API tokens', () => {
  it('are shown once, stored hashed, authenticate requests, record last use, and can be revoked', async () => {
    const w = await makeWorld();
    const { token, apiToken } = await createApiToken(w.member.id, {
      name: 'script',
      scope: 'read',
    });
    expect(token).toMatch(/^crt_/);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const res = await call(workspacesRoute.GET, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect((res.json as { items: { slug: string }[] }).items.map((x) => x.slug)).toContain(
      w.workspace.slug,
    );
    expect(
      (await db().apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt,
    ).not.toBeNull();
    // A read-only token cannot write.
    const write = await call(workspacesRoute.POST, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: { name: 'x' },
    });
    expect(write.status).toBe(403);
    await revokeApiToken(w.member.id, apiToken.id);
    expect(await userForApiToken(token)).toBeNull();
    expect(
      (await call(workspacesRoute.GET, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(401);
    expect(
      (await call(workspacesRoute.GET, { headers: { authorization: 'Bearer crt_forged' } })).status,
    ).toBe(401);
  });

  it('a token cannot mint tokens', async () => {
    const w = await makeWorld();
    const { token } = await createApiToken(w.member.id, { name: 'w', scope: 'write' });
    const res = await call(tokensRoute.POST, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: { name: 'more' },
    });
    expect(res.status).toBe(403);
  });
});

describe('request hygiene', () => {
  it('refuses cookie mutations from another origin and writes nothing', async () => {
    const w = await makeWorld();
    const before = await db().workspace.count({
      where: { memberships: { some: { userId: w.member.id } } },
    });
    const attempts: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of attempts) {
      const res = await call(workspacesRoute.POST, {
        method: 'POST',
        caller: w.member,
        headers,
        body: { name: 'CSRF' },
      });
      expect(res.status).toBe(403);
    }
    expect(
      await db().workspace.count({ where: { memberships: { some: { userId: w.member.id } } } }),
    ).toBe(before);
    const same = await call(workspacesRoute.POST, {
      method: 'POST',
      caller: w.member,
      headers: { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' },
      body: { name: 'Fine' },
    });
    expect(same.status).toBe(201);
  });

  it.each([
    ['an overlong name', { name: 'x'.repeat(81) }, 'name'],
    ['an unknown field', { name: 'ok', admin: true }, '_'],
    ['a missing field', {}, 'name'],
  ])('rejects %s with 400 and field errors, writing nothing', async (_label, body, field) => {
    const w = await makeWorld();
    const before = await db().workspace.count({
      where: { memberships: { some: { userId: w.member.id } } },
    });
    const res = await call(workspacesRoute.POST, { method: 'POST', caller: w.member, body });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      error: { code: 'BAD_REQUEST', fields: { [field]: expect.any(Array) } },
    });
    expect(
      await db().workspace.count({ where: { memberships: { some: { userId: w.member.id } } } }),
    ).toBe(before);
  });

  it('rejects malformed JSON, the wrong content type, oversized and deeply nested bodies', async () => {
    const w = await makeWorld();
    const post = (opts: Parameters<typeof call>[1]) =>
      call(workspacesRoute.POST, { method: 'POST', caller: w.member, ...opts });
    expect((await post({ rawBody: '{"name": ' })).status).toBe(400);
    expect(
      (
        await post({
          rawBody: 'name=x',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).status,
    ).toBe(415);
    expect((await post({ rawBody: JSON.stringify({ name: 'x'.repeat(300_000) }) })).status).toBe(
      413,
    );
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = { a: deep };
    expect((await post({ body: deep })).status).toBe(400);
  });

  it('rejects an invalid email at sign-up with a field error', async () => {
    const res = await call(signupRoute.POST, {
      method: 'POST',
      body: { name: 'x', email: 'not-an-email', password: 'a long passphrase' },
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      error: { fields: { email: ['Enter a valid email address'] } },
    });
  });
});
