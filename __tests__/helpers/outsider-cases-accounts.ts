/** Outsider cases: health, accounts, workspaces, invitations, API tokens. */
import { createApiToken } from '@/lib/auth/api-tokens';
import { createInvitation } from '@/lib/workspaces/invitations';
import { unique } from './db';
import { everyone, members, ownersOnly, signedIn, ws, type Case } from './outsider-expect';

export const ACCOUNT_CASES: Case[] = [
  { file: 'app/api/health/route.ts', method: 'GET', expect: everyone(200) },
  {
    file: 'app/api/account/signup/route.ts',
    method: 'POST',
    prepare: () => ({
      body: { name: 'New', email: `${unique('new')}@example.com`, password: 'a long passphrase' },
    }),
    expect: everyone(201),
  },
  {
    file: 'app/api/account/password/route.ts',
    method: 'POST',
    prepare: () => ({
      body: { currentPassword: 'wrong password', newPassword: 'another long passphrase' },
    }),
    expect: signedIn(400),
  },
  { file: 'app/api/v1/workspaces/route.ts', method: 'GET', expect: signedIn(200) },
  {
    file: 'app/api/v1/workspaces/route.ts',
    method: 'POST',
    prepare: () => ({ body: { name: 'Desk' } }),
    expect: signedIn(201),
  },
  {
    file: 'app/api/v1/workspaces/[slug]/route.ts',
    method: 'GET',
    prepare: (w) => ({ params: ws(w) }),
    expect: members(200),
  },
  {
    file: 'app/api/v1/workspaces/[slug]/route.ts',
    method: 'PATCH',
    prepare: (w) => ({ params: ws(w), body: { name: 'Renamed' } }),
    expect: ownersOnly(200),
  },
  {
    file: 'app/api/v1/workspaces/[slug]/members/route.ts',
    method: 'GET',
    prepare: (w) => ({ params: ws(w) }),
    expect: members(200),
  },
  {
    file: 'app/api/v1/workspaces/[slug]/members/[userId]/route.ts',
    method: 'PATCH',
    prepare: (w) => ({ params: { ...ws(w), userId: w.member.id }, body: { role: 'MODERATOR' } }),
    expect: ownersOnly(200),
  },
  {
    // The target is the member: the member may remove themselves (leave).
    file: 'app/api/v1/workspaces/[slug]/members/[userId]/route.ts',
    method: 'DELETE',
    prepare: (w) => ({ params: { ...ws(w), userId: w.member.id } }),
    expect: { ...ownersOnly(200), member: 200 },
  },
  {
    file: 'app/api/v1/workspaces/[slug]/invitations/route.ts',
    method: 'GET',
    prepare: (w) => ({ params: ws(w) }),
    expect: ownersOnly(200),
  },
  {
    file: 'app/api/v1/workspaces/[slug]/invitations/route.ts',
    method: 'POST',
    prepare: (w) => ({ params: ws(w), body: { maxUses: 3 } }),
    expect: ownersOnly(201),
  },
  {
    file: 'app/api/v1/workspaces/[slug]/invitations/[id]/route.ts',
    method: 'DELETE',
    prepare: async (w) => {
      const { invitation } = await createInvitation(w.owner.id, w.workspace.slug, {});
      return { params: { ...ws(w), id: invitation.id } };
    },
    expect: ownersOnly(200),
  },
  {
    file: 'app/api/v1/invitations/[token]/accept/route.ts',
    method: 'POST',
    prepare: async (w) => {
      const { token } = await createInvitation(w.owner.id, w.workspace.slug, {});
      return { params: { token } };
    },
    expect: signedIn(200),
  },
  { file: 'app/api/v1/tokens/route.ts', method: 'GET', expect: signedIn(200) },
  {
    file: 'app/api/v1/tokens/route.ts',
    method: 'POST',
    prepare: () => ({ body: { name: 'CI' } }),
    expect: signedIn(201),
  },
  {
    // Someone else's token is invisible: 404.
    file: 'app/api/v1/tokens/[id]/route.ts',
    method: 'DELETE',
    prepare: async (w) => {
      const { apiToken } = await createApiToken(w.owner.id, { name: 'owner token' });
      return { params: { id: apiToken.id } };
    },
    expect: { ...signedIn(404), owner: 200 },
  },
];
