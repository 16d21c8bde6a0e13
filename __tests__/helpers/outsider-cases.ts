/**
 * The outsider suite's table: every route handler and method, what to call it with, and the
 * status each kind of user must get. outsider.test.ts runs it and fails on uncovered handlers.
 */
import { createApiToken } from '@/lib/auth/api-tokens';
import { textHandoff } from '@/lib/http/text-handoff';
import { createInvitation } from '@/lib/workspaces/invitations';
import { unique } from './db';
import { makeDocWorld, type RoleName, type World } from './world';

type Prepared = {
  params?: Record<string, string>;
  body?: unknown;
  path?: string;
  stream?: boolean;
};
export type DocWorld = Awaited<ReturnType<typeof makeDocWorld>>;
export type Case = {
  file: string;
  method: string;
  /** Cases that need a document get one (with a workspace thread and a private thread). */
  doc?: boolean;
  prepare?: (w: DocWorld) => Promise<Prepared> | Prepared;
  expect: Record<RoleName, number>;
};

const everyone = (status: number): Record<RoleName, number> => ({
  anonymous: status,
  outsider: status,
  member: status,
  moderator: status,
  owner: status,
});
const signedIn = (status: number) => ({ ...everyone(status), anonymous: 401 });
const members = (status: number) => ({ ...signedIn(status), outsider: 404 });
const ownersOnly = (status: number) => ({ ...members(403), owner: status });

const ws = (w: World) => ({ slug: w.workspace.slug });
const author = (status: number) => ({ ...members(403), member: status });
const moderators = (status: number) => ({ ...members(status), member: 403 });
const doc = (w: DocWorld) => ({ id: w.document.id });
const thread = (w: DocWorld) => ({ id: w.shared.annotation.id });
const comment = (w: DocWorld) => ({ id: w.shared.comment.id });
const paste = { text: 'A pasted text\n\nWith a second paragraph.', title: 'Pasted' };

/** Handlers that are not ours to test here, with the reason. */
export const EXEMPT: Record<string, string> = {
  'app/api/auth/[...nextauth]/route.ts GET':
    "next-auth's own endpoints; sign-in is tested in accounts.test.ts and e2e",
  'app/api/auth/[...nextauth]/route.ts POST':
    "next-auth's own endpoints; sign-in is tested in accounts.test.ts and e2e",
};

export const CASES: Case[] = [
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
  {
    file: 'app/api/v1/workspaces/[slug]/documents/route.ts',
    method: 'GET',
    prepare: (w) => ({ params: ws(w) }),
    expect: members(200),
  },
  {
    file: 'app/api/v1/workspaces/[slug]/documents/route.ts',
    method: 'POST',
    prepare: (w) => ({ params: ws(w), body: paste }),
    expect: members(201),
  },
  {
    file: 'app/api/v1/documents/[id]/route.ts',
    method: 'GET',
    doc: true,
    prepare: (w) => ({ params: doc(w) }),
    expect: members(200),
  },
  // The document was added by the owner: its creator or an owner may edit its details.
  {
    file: 'app/api/v1/documents/[id]/route.ts',
    method: 'PATCH',
    doc: true,
    prepare: (w) => ({ params: doc(w), body: { title: 'New' } }),
    expect: ownersOnly(200),
  },
  {
    file: 'app/api/v1/documents/[id]/revisions/route.ts',
    method: 'POST',
    doc: true,
    prepare: (w) => ({ params: doc(w), body: paste }),
    expect: members(201),
  },
  {
    file: 'app/api/v1/documents/[id]/share/route.ts',
    method: 'POST',
    doc: true,
    prepare: (w) => ({ params: doc(w), body: { threads: true } }),
    expect: ownersOnly(200),
  },
  {
    file: 'app/api/v1/documents/[id]/share/route.ts',
    method: 'DELETE',
    doc: true,
    prepare: (w) => ({ params: doc(w) }),
    expect: ownersOnly(200),
  },
  {
    file: 'app/api/v1/documents/[id]/annotations/route.ts',
    method: 'GET',
    doc: true,
    prepare: (w) => ({ params: doc(w) }),
    expect: members(200),
  },
  {
    file: 'app/api/v1/documents/[id]/annotations/route.ts',
    method: 'POST',
    doc: true,
    prepare: (w) => ({
      params: doc(w),
      body: { blockKey: 'beta0002', start: 0, end: 7, body: w.paragraphDoc('Which members?') },
    }),
    expect: members(201),
  },
  {
    file: 'app/api/v1/annotations/[id]/route.ts',
    method: 'GET',
    doc: true,
    prepare: (w) => ({ params: thread(w) }),
    expect: members(200),
  },
  // A private annotation does not exist for anyone but its author.
  {
    file: 'app/api/v1/annotations/[id]/route.ts',
    method: 'GET',
    doc: true,
    prepare: (w) => ({ params: { id: w.secret.annotation.id } }),
    expect: { ...members(404), member: 200 },
  },
  {
    file: 'app/api/v1/annotations/[id]/route.ts',
    method: 'PATCH',
    doc: true,
    prepare: (w) => ({ params: thread(w), body: { status: 'RESOLVED' } }),
    expect: members(200),
  },
  {
    file: 'app/api/v1/annotations/[id]/route.ts',
    method: 'PATCH',
    doc: true,
    prepare: (w) => ({ params: thread(w), body: { tags: ['who'] } }),
    expect: author(200),
  },
  {
    file: 'app/api/v1/annotations/[id]/route.ts',
    method: 'DELETE',
    doc: true,
    prepare: (w) => ({ params: thread(w) }),
    expect: author(200),
  },
  {
    file: 'app/api/v1/annotations/[id]/comments/route.ts',
    method: 'POST',
    doc: true,
    prepare: (w) => ({
      params: thread(w),
      body: { parentId: w.shared.comment.id, body: w.paragraphDoc('The whole board.') },
    }),
    expect: members(201),
  },
  {
    file: 'app/api/v1/annotations/[id]/reattach/route.ts',
    method: 'POST',
    doc: true,
    prepare: (w) => ({ params: thread(w), body: { blockKey: 'beta0002', start: 0, end: 7 } }),
    expect: { ...members(200), moderator: 200 },
  },
  {
    file: 'app/api/v1/comments/[id]/route.ts',
    method: 'PATCH',
    doc: true,
    prepare: (w) => ({
      params: comment(w),
      body: { body: w.paragraphDoc('Who attended, exactly?'), version: 1 },
    }),
    expect: author(200),
  },
  {
    file: 'app/api/v1/comments/[id]/route.ts',
    method: 'DELETE',
    doc: true,
    prepare: (w) => ({ params: comment(w) }),
    expect: author(200),
  },
  {
    file: 'app/api/v1/comments/[id]/history/route.ts',
    method: 'GET',
    doc: true,
    prepare: (w) => ({ params: comment(w) }),
    expect: members(200),
  },
  {
    file: 'app/api/v1/comments/[id]/reactions/route.ts',
    method: 'POST',
    doc: true,
    prepare: (w) => ({ params: comment(w), body: { emoji: '👍' } }),
    expect: members(200),
  },
  {
    file: 'app/api/v1/comments/[id]/hide/route.ts',
    method: 'POST',
    doc: true,
    prepare: (w) => ({ params: comment(w), body: { hidden: true } }),
    expect: moderators(200),
  },
  { file: 'app/api/v1/inbox/route.ts', method: 'GET', expect: signedIn(200) },
  {
    // The reader's text after a refresh: only the viewer it was handed off for gets it.
    file: 'app/api/reader-text/[token]/route.ts',
    method: 'GET',
    prepare: (w) => ({ params: { token: textHandoff().put('<p>text</p>', w.member.id) } }),
    expect: { ...everyone(404), member: 200 },
  },
  {
    // A public page's text: anyone holding the token.
    file: 'app/api/reader-text/[token]/route.ts',
    method: 'GET',
    prepare: () => ({ params: { token: textHandoff().put('<p>public</p>', null) } }),
    expect: everyone(200),
  },
  {
    file: 'app/api/v1/documents/[id]/import/route.ts',
    method: 'POST',
    doc: true,
    prepare: (w) => ({
      params: doc(w),
      path: `/api/v1/documents/${w.document.id}/import?format=w3c`,
      body: {
        type: 'Annotation',
        target: {
          source: 'x',
          selector: { type: 'TextQuoteSelector', exact: 'asked for more data' },
        },
      },
    }),
    expect: members(201),
  },
  { file: 'app/api/v1/openapi.json/route.ts', method: 'GET', expect: everyone(200) },
  // Benchmark baselines exist only when the server runs with CLOSEREAD_BENCH=1.
  { file: 'app/bench-baseline/insert/route.ts', method: 'POST', expect: everyone(404) },
  { file: 'app/bench-baseline/read/route.ts', method: 'GET', expect: everyone(404) },
  {
    file: 'app/api/v1/search/route.ts',
    method: 'GET',
    prepare: () => ({ path: '/api/v1/search?q=committee' }),
    expect: signedIn(200),
  },
  {
    file: 'app/api/v1/documents/[id]/export/route.ts',
    method: 'GET',
    doc: true,
    prepare: (w) => ({
      params: doc(w),
      path: `/api/v1/documents/${w.document.id}/export?format=csv`,
    }),
    expect: members(200),
  },
  {
    file: 'app/api/v1/documents/[id]/events/route.ts',
    method: 'GET',
    doc: true,
    prepare: (w) => ({ params: doc(w), stream: true }),
    expect: members(200),
  },
  {
    file: 'app/api/v1/inbox/read/route.ts',
    method: 'POST',
    prepare: () => ({ body: { all: true } }),
    expect: signedIn(200),
  },
  // The Web Annotation Protocol container (lib/annotation-protocol).
  {
    file: 'app/api/annotations/[document]/route.ts',
    method: 'GET',
    doc: true,
    prepare: (w) => ({ params: { document: w.document.id } }),
    expect: members(200),
  },
  {
    file: 'app/api/annotations/[document]/route.ts',
    method: 'POST',
    doc: true,
    prepare: (w) => ({
      params: { document: w.document.id },
      body: {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        body: { type: 'TextualBody', value: 'Which data?', purpose: 'commenting' },
        target: { selector: { type: 'TextQuoteSelector', exact: 'asked for more data' } },
      },
    }),
    expect: members(201),
  },
  {
    file: 'app/api/annotations/[document]/[annotation]/route.ts',
    method: 'GET',
    doc: true,
    prepare: (w) => ({ params: { document: w.document.id, annotation: w.shared.annotation.id } }),
    expect: members(200),
  },
  {
    file: 'app/api/annotations/[document]/[annotation]/route.ts',
    method: 'GET',
    doc: true,
    prepare: (w) => ({ params: { document: w.document.id, annotation: w.secret.annotation.id } }),
    expect: { ...members(404), member: 200 },
  },
  // Without If-Match: the author gets as far as the precondition (428); others may not write.
  {
    file: 'app/api/annotations/[document]/[annotation]/route.ts',
    method: 'PUT',
    doc: true,
    prepare: (w) => ({
      params: { document: w.document.id, annotation: w.shared.annotation.id },
      body: { type: 'Annotation', target: 'x' },
    }),
    expect: author(428),
  },
  {
    file: 'app/api/annotations/[document]/[annotation]/route.ts',
    method: 'DELETE',
    doc: true,
    prepare: (w) => ({ params: { document: w.document.id, annotation: w.shared.annotation.id } }),
    expect: author(428),
  },
];
