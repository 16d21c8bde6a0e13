/** The public API's contract: paths, field names, 201 with a top-level id, one error shape. */
import * as annotationRoute from '@/app/api/v1/annotations/[id]/route';
import * as commentsRoute from '@/app/api/v1/annotations/[id]/comments/route';
import * as commentRoute from '@/app/api/v1/comments/[id]/route';
import * as documentAnnotations from '@/app/api/v1/documents/[id]/annotations/route';
import * as documentRoute from '@/app/api/v1/documents/[id]/route';
import * as exportRoute from '@/app/api/v1/documents/[id]/export/route';
import * as workspaceDocuments from '@/app/api/v1/workspaces/[slug]/documents/route';
import * as workspacesRoute from '@/app/api/v1/workspaces/route';
import { createApiToken } from '@/lib/auth/api-tokens';
import { db } from '@/lib/db/client';
import { call } from '../helpers/http';
import { makeDocWorld } from '../helpers/world';

afterAll(() => db().$disconnect());

const doc = (t: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }],
});

it('creates and reads through /api/v1 with a bearer token', async () => {
  const w = await makeDocWorld();
  const { token } = await createApiToken(w.member.id, { name: 'contract', scope: 'write' });
  const auth = { authorization: `Bearer ${token}` };

  const list = await call(workspacesRoute.GET, { headers: auth });
  expect(list.json).toMatchObject({
    items: expect.arrayContaining([expect.objectContaining({ id: w.workspace.id })]),
  });

  // Workspaces are addressed by id in the API.
  const created = await call(workspaceDocuments.POST, {
    method: 'POST',
    headers: auth,
    params: { slug: w.workspace.id },
    body: {
      title: 'Pasted',
      format: 'markdown',
      text: '# Pasted\n\nFirst *paragraph*.\n\nSecond paragraph.',
    },
  });
  expect(created.status).toBe(201);
  const documentId = (created.json as { id: string }).id;
  expect(documentId).toEqual(expect.any(String));

  const got = await call(documentRoute.GET, { headers: auth, params: { id: documentId } });
  expect(got.json).toMatchObject({
    id: documentId,
    title: 'Pasted',
    revision: 1,
    blocks: [
      { key: expect.any(String), index: 0, type: 'paragraph', text: 'First paragraph.' },
      { key: expect.any(String), index: 1, type: 'paragraph', text: 'Second paragraph.' },
    ],
  });
  const blocks = (got.json as { blocks: { key: string }[] }).blocks;

  const bySelection = await call(documentAnnotations.POST, {
    method: 'POST',
    headers: auth,
    params: { id: documentId },
    body: {
      blockKey: blocks[0]!.key,
      start: 6,
      end: 15,
      comment: doc('Why first?'),
      tags: ['order'],
      visibility: 'workspace',
    },
  });
  expect(bySelection.status).toBe(201);
  expect(bySelection.json).toMatchObject({
    id: expect.any(String),
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: 'paragraph' },
      blockKey: blocks[0]!.key,
      position: { start: 6, end: 15 },
    },
    anchor: { status: 'CREATED' },
    comments: [expect.objectContaining({ html: '<p>Why first?</p>' })],
  });

  const byTarget = await call(documentAnnotations.POST, {
    method: 'POST',
    headers: auth,
    params: { id: documentId },
    body: {
      target: {
        selector: {
          type: 'FragmentSelector',
          value: `p-${blocks[1]!.key}`,
          refinedBy: { type: 'TextQuoteSelector', exact: 'Second' },
        },
      },
      visibility: 'private',
    },
  });
  expect(byTarget.status).toBe(201);
  expect(byTarget.json).toMatchObject({
    visibility: 'PRIVATE',
    selectors: { blockKey: blocks[1]!.key, position: { start: 0, end: 6 } },
  });

  const annotationId = (bySelection.json as { id: string }).id;
  const reply = await call(commentsRoute.POST, {
    method: 'POST',
    headers: auth,
    params: { id: annotationId },
    body: { comment: doc('Because.') },
  });
  expect(reply.status).toBe(201);
  const replyId = (reply.json as { id: string }).id;
  const edited = await call(commentRoute.PATCH, {
    method: 'PATCH',
    headers: auth,
    params: { id: replyId },
    body: { comment: doc('Because!'), version: 1 },
  });
  expect(edited.json).toEqual({ id: replyId, version: 2 });
  const conflict = await call(commentRoute.PATCH, {
    method: 'PATCH',
    headers: auth,
    params: { id: replyId },
    body: { comment: doc('Late'), version: 1 },
  });
  expect(conflict.status).toBe(409);
  expect(conflict.json).toMatchObject({ error: { code: 'CONFLICT', message: expect.any(String) } });

  const page1 = await call(documentAnnotations.GET, {
    headers: auth,
    params: { id: documentId },
    path: `/api/v1/documents/${documentId}/annotations?limit=1`,
  });
  const p1 = page1.json as { items: { id: string }[]; nextCursor: string | null };
  expect(p1.items).toHaveLength(1);
  expect(p1.nextCursor).toEqual(expect.any(String));
  const page2 = await call(documentAnnotations.GET, {
    headers: auth,
    params: { id: documentId },
    path: `/api/v1/documents/${documentId}/annotations?limit=1&cursor=${p1.nextCursor}`,
  });
  const p2 = page2.json as { items: { id: string }[]; nextCursor: string | null };
  expect(p2.items[0]!.id).not.toBe(p1.items[0]!.id);
  expect(p2.nextCursor).toBeNull();
  const tagged = await call(documentAnnotations.GET, {
    headers: auth,
    params: { id: documentId },
    path: `/api/v1/documents/${documentId}/annotations?tag=order&q=first`,
  });
  expect((tagged.json as { items: { id: string }[] }).items.map((a) => a.id)).toEqual([
    annotationId,
  ]);

  const resolved = await call(annotationRoute.PATCH, {
    method: 'PATCH',
    headers: auth,
    params: { id: annotationId },
    body: { status: 'RESOLVED' },
  });
  expect(resolved.json).toMatchObject({ id: annotationId, status: 'RESOLVED' });

  for (const format of ['jsonld', 'md', 'csv', 'docx', 'html']) {
    const res = await call(exportRoute.GET, {
      headers: auth,
      params: { id: documentId },
      path: `/api/v1/documents/${documentId}/export?format=${format}`,
    });
    expect({ format, status: res.status }).toEqual({ format, status: 200 });
  }
  const bad = await call(exportRoute.GET, {
    headers: auth,
    params: { id: documentId },
    path: `/api/v1/documents/${documentId}/export?format=pdf`,
  });
  expect(bad.json).toMatchObject({
    error: { code: 'BAD_REQUEST', fields: { format: expect.any(Array) } },
  });
});

it('a token of a non-member gets 404 for a document', async () => {
  const w = await makeDocWorld();
  const { token } = await createApiToken(w.outsider.id, { name: 'x' });
  const res = await call(documentRoute.GET, {
    headers: { authorization: `Bearer ${token}` },
    params: { id: w.document.id },
  });
  expect(res).toEqual({
    status: 404,
    json: { error: { code: 'NOT_FOUND', message: 'Not found.' } },
  });
});
