/**
 * The outsider suite's table: every route handler and method, what to call it with, and the
 * status each kind of user must get. outsider.test.ts runs it and fails on uncovered handlers.
 * Accounts and workspaces are in outsider-cases-accounts.ts; documents, annotations, the API and
 * the protocol here.
 */
import { textHandoff } from '@/lib/http/text-handoff';
import { ACCOUNT_CASES } from './outsider-cases-accounts';
import {
  author,
  comment,
  doc,
  everyone,
  members,
  moderators,
  ownersOnly,
  paste,
  signedIn,
  thread,
  ws,
  type Case,
} from './outsider-expect';

export type { Case, DocWorld } from './outsider-expect';

/** Handlers that are not ours to test here, with the reason. */
export const EXEMPT: Record<string, string> = {
  'app/api/auth/[...nextauth]/route.ts GET':
    "next-auth's own endpoints; sign-in is tested in accounts.test.ts and e2e",
  'app/api/auth/[...nextauth]/route.ts POST':
    "next-auth's own endpoints; sign-in is tested in accounts.test.ts and e2e",
};

export const CASES: Case[] = [
  ...ACCOUNT_CASES,
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
