/**
 * The W3C Web Annotation Protocol container (issue 7): /api/annotations/<document>/ and its
 * members, against a real database. Representations are checked against the WPT
 * annotation-model schemas the export test uses.
 */
import { randomUUID } from 'node:crypto';
import { NextRequest } from 'next/server';
import * as containerRoute from '@/app/api/annotations/[document]/route';
import * as memberRoute from '@/app/api/annotations/[document]/[annotation]/route';
import { PAGE_SIZE } from '@/lib/annotation-protocol';
import { createApiToken } from '@/lib/auth/api-tokens';
import { db } from '@/lib/db/client';
import { liveHub } from '@/lib/documents/live';
import { sessionCookie, type Caller } from '../helpers/http';
import { makeDocWorld } from '../helpers/world';
import { failures, makeValidators } from '../unit/export/w3c-schema';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Handler = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;
type World = Awaited<ReturnType<typeof makeDocWorld>>;

const ORIGIN = 'http://localhost:3000';
const MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
const PREFER = (uri: string) => `return=representation;include="${uri}"`;
const IRIS = 'http://www.w3.org/ns/oa#PreferContainedIRIs';
const DESCRIPTIONS = 'http://www.w3.org/ns/oa#PreferContainedDescriptions';
const MINIMAL = 'http://www.w3.org/ns/ldp#PreferMinimalContainer';

const validators = makeValidators();
// WPT's 5.2 partOf assertion accepts only a string; the protocol's examples (and the model's
// Example 39) embed the collection with its total, as we do. Every other page check applies.
const pageChecks = validators.pageChecks.filter((c) => !c.name.includes('PartOf'));

afterAll(async () => {
  await liveHub().close();
  await db().$disconnect();
});

/** Like helpers/http `call`, but keeps the response headers. */
async function send(
  handler: Handler,
  opts: {
    method?: string;
    caller?: Caller;
    params: Record<string, string>;
    body?: unknown;
    headers?: Record<string, string>;
    query?: string;
  },
): Promise<{ status: number; headers: Headers; text: string; json: Json | null }> {
  const headers: Record<string, string> = { host: 'localhost:3000', ...opts.headers };
  if (opts.caller) headers.cookie = await sessionCookie(opts.caller);
  let body: string | undefined;
  if (opts.body !== undefined) {
    body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/ld+json';
  }
  const path = opts.params.annotation
    ? `/api/annotations/${opts.params.document}/${opts.params.annotation}`
    : `/api/annotations/${opts.params.document}/`;
  const req = new NextRequest(`${ORIGIN}${path}${opts.query ?? ''}`, {
    method: opts.method ?? 'GET',
    headers,
    body,
  });
  const res = await handler(req, {
    params: Promise.resolve(opts.params) as Promise<never>,
  });
  const text = await res.text();
  let json: Json | null = null;
  try {
    json = text ? (JSON.parse(text) as Json) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json };
}

const containerOf = (w: World) => `${ORIGIN}/api/annotations/${w.document.id}/`;

function annotationBody(extra: Json = {}): Json {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    motivation: 'commenting',
    body: [
      { type: 'TextualBody', value: '<p>Which <em>data</em>?</p>', format: 'text/html' },
      { type: 'TextualBody', value: 'Evidence', purpose: 'tagging' },
    ],
    target: {
      source: 'http://example.org/elsewhere',
      selector: {
        type: 'TextQuoteSelector',
        exact: 'asked for more data',
        prefix: 'caution and ',
      },
    },
    ...extra,
  };
}

async function post(w: World, body: unknown, caller: Caller = w.member, headers = {}) {
  return send(containerRoute.POST, {
    method: 'POST',
    caller,
    params: { document: w.document.id },
    body,
    headers,
  });
}

const idOf = (iri: string, w: World) => iri.slice(containerOf(w).length);

/** Rows of one document (other test files write to the same database at the same time). */
async function counts(documentId: string) {
  const [annotations, comments] = await Promise.all([
    db().annotation.count({ where: { documentId } }),
    db().comment.count({ where: { annotation: { documentId } } }),
  ]);
  return { annotations, comments };
}

/** `n` highlights on the second paragraph, straight into the database (fast). */
async function addHighlights(w: World, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => `h${randomUUID().replace(/-/g, '')}`);
  await db().annotation.createMany({
    data: ids.map((id) => ({
      id,
      documentId: w.document.id,
      authorId: w.owner.id,
      revisionId: w.revision.id,
      exact: 'Members',
    })),
  });
  await db().annotationAnchor.createMany({
    data: ids.map((annotationId, i) => ({
      annotationId,
      revisionId: w.revision.id,
      blockKey: 'beta0002',
      endBlockKey: 'beta0002',
      start: i % 20,
      end: (i % 20) + 5,
      exact: 'x',
      status: 'CREATED' as const,
    })),
  });
  return ids;
}

describe('the container', () => {
  it('GET: an AnnotationCollection and BasicContainer with the protocol headers', async () => {
    const w = await makeDocWorld();
    const res = await send(containerRoute.GET, {
      caller: w.member,
      params: { document: w.document.id },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(MEDIA_TYPE);
    const link = res.headers.get('link')!;
    expect(link).toContain('<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"');
    expect(link).toContain(
      '<http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"',
    );
    expect(res.headers.get('allow')).toBe('GET,POST,HEAD,OPTIONS');
    expect(res.headers.get('accept-post')).toBe(MEDIA_TYPE);
    expect(res.headers.get('vary')).toBe('Accept, Prefer');
    expect(res.headers.get('etag')).toMatch(/^"[\w-]+"$/);

    const c = res.json!;
    expect(c['@context']).toEqual([
      'http://www.w3.org/ns/anno.jsonld',
      'http://www.w3.org/ns/ldp.jsonld',
    ]);
    expect(c.type).toEqual(['BasicContainer', 'AnnotationCollection']);
    // The member sees the workspace thread and their own private one.
    expect(c.total).toBe(2);
    expect(c.id).toBe(`${containerOf(w)}?iris=0`);
    expect(c.first.id).toBe(`${containerOf(w)}?iris=0&page=0`);
    expect(c.last).toBe(`${containerOf(w)}?iris=0&page=0`);
    expect(c.first.items.map((i: Json) => i.id).sort()).toEqual(
      [w.shared.annotation.id, w.secret.annotation.id].map((id) => containerOf(w) + id).sort(),
    );
    expect(failures(validators.collectionChecks, c)).toEqual([]);
    expect(failures(validators.pageChecks, c)).toEqual([]);
    for (const item of c.first.items as Json[]) {
      expect(failures(validators.annotationChecks, item)).toEqual([]);
    }
  });

  it("hides other people's private annotations and is 404 for non-members", async () => {
    const w = await makeDocWorld();
    const owner = await send(containerRoute.GET, {
      caller: w.owner,
      params: { document: w.document.id },
    });
    expect(owner.json!.total).toBe(1);
    expect(owner.json!.first.items[0].id).toBe(containerOf(w) + w.shared.annotation.id);

    const secret = await send(memberRoute.GET, {
      caller: w.owner,
      params: { document: w.document.id, annotation: w.secret.annotation.id },
    });
    expect(secret.status).toBe(404);

    for (const params of [
      { document: w.document.id } as Record<string, string>,
      { document: 'no-such-document' },
      { document: w.document.id, annotation: w.shared.annotation.id },
    ]) {
      const res = await send(params.annotation ? memberRoute.GET : containerRoute.GET, {
        caller: w.outsider,
        params,
      });
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
    }
    const anonymous = await send(containerRoute.GET, { params: { document: w.document.id } });
    expect(anonymous.status).toBe(401);
  });

  it('an empty container has total 0 and no pages to point at', async () => {
    const w = await makeDocWorld();
    await db().annotation.delete({ where: { id: w.shared.annotation.id } });
    const params = { document: w.document.id };
    const res = await send(containerRoute.GET, { caller: w.owner, params });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ total: 0 });
    expect(res.json!.first).toBeUndefined();
    expect(res.json!.last).toBeUndefined();
    expect(failures(validators.collectionChecks, res.json)).toEqual([]);
    const page = await send(containerRoute.GET, { caller: w.owner, params, query: '?page=0' });
    expect(page.status).toBe(200);
    expect(page.headers.get('vary')).toBe('Accept');
    expect(page.json).toMatchObject({ type: 'AnnotationPage', startIndex: 0, items: [] });
  });

  it('honours Prefer: contained IRIs, contained descriptions, minimal container', async () => {
    const w = await makeDocWorld();
    const get = (prefer?: string, query?: string) =>
      send(containerRoute.GET, {
        caller: w.owner,
        params: { document: w.document.id },
        headers: prefer ? { prefer } : {},
        query,
      });
    const thread = containerOf(w) + w.shared.annotation.id;

    const iris = await get(PREFER(IRIS));
    expect(iris.headers.get('preference-applied')).toBe('return=representation');
    expect(iris.json).toMatchObject({
      id: `${containerOf(w)}?iris=1`,
      total: 1,
      first: { id: `${containerOf(w)}?iris=1&page=0`, type: 'AnnotationPage', items: [thread] },
      last: `${containerOf(w)}?iris=1&page=0`,
    });
    expect(failures(validators.pageChecks, iris.json)).toEqual([]);

    const descriptions = await get(PREFER(DESCRIPTIONS));
    expect(descriptions.json!.first.items).toEqual([
      expect.objectContaining({ id: thread, type: 'Annotation' }),
    ]);
    // No preference means descriptions, the same representation.
    const plain = await get();
    expect(plain.text).toBe(descriptions.text);
    expect(plain.headers.get('etag')).toBe(descriptions.headers.get('etag'));
    expect(iris.headers.get('etag')).not.toBe(plain.headers.get('etag'));

    const minimal = await get(PREFER(MINIMAL));
    expect(minimal.json).toEqual({
      '@context': ['http://www.w3.org/ns/anno.jsonld', 'http://www.w3.org/ns/ldp.jsonld'],
      id: containerOf(w),
      type: ['BasicContainer', 'AnnotationCollection'],
      label: 'Statement',
      total: 1,
      first: `${containerOf(w)}?iris=0&page=0`,
      last: `${containerOf(w)}?iris=0&page=0`,
    });
    expect(failures(validators.collectionChecks, minimal.json)).toEqual([]);
    const minimalIris = await get(`return=representation; include="${MINIMAL} ${IRIS}"`);
    expect(minimalIris.json!.first).toBe(`${containerOf(w)}?iris=1&page=0`);

    // ?iris=1 names the IRI representation without a Prefer header.
    const byQuery = await get(undefined, '?iris=1');
    expect(byQuery.text).toBe(iris.text);
  });

  it('pages: startIndex, next/prev, partOf with total, IRIs pages', async () => {
    const w = await makeDocWorld();
    const extra = await addHighlights(w, PAGE_SIZE + 4);
    const total = PAGE_SIZE + 5; // plus the workspace thread; the owner cannot see the private one
    const base = containerOf(w);
    const get = (query: string) =>
      send(containerRoute.GET, { caller: w.owner, params: { document: w.document.id }, query });

    const container = await get('');
    expect(container.json).toMatchObject({ total, last: `${base}?iris=0&page=1` });
    expect(container.json!.first.items).toHaveLength(PAGE_SIZE);
    expect(container.json!.first.next).toBe(`${base}?iris=0&page=1`);

    const page0 = await get('?page=0');
    expect(page0.status).toBe(200);
    expect(page0.headers.get('content-type')).toBe(MEDIA_TYPE);
    expect(page0.headers.get('etag')).toEqual(expect.any(String));
    expect(page0.json).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `${base}?iris=0&page=0`,
      type: 'AnnotationPage',
      partOf: { id: `${base}?iris=0`, total },
      startIndex: 0,
      next: `${base}?iris=0&page=1`,
    });
    expect(page0.json!.prev).toBeUndefined();
    expect(page0.json!.items).toHaveLength(PAGE_SIZE);
    expect(failures(pageChecks, page0.json)).toEqual([]);

    const page1 = await get('?page=1');
    expect(page1.json).toMatchObject({
      id: `${base}?iris=0&page=1`,
      partOf: { total },
      startIndex: PAGE_SIZE,
      prev: `${base}?iris=0&page=0`,
    });
    expect(page1.json!.next).toBeUndefined();
    expect(page1.json!.items).toHaveLength(total - PAGE_SIZE);
    expect(failures(pageChecks, page1.json)).toEqual([]);

    const all = [...page0.json!.items, ...page1.json!.items].map((i: Json) => i.id);
    expect(new Set(all).size).toBe(total);
    expect(all.sort()).toEqual([w.shared.annotation.id, ...extra].map((id) => base + id).sort());

    const iris1 = await get('?page=1&iris=1');
    expect(iris1.json!.items).toEqual(page1.json!.items.map((i: Json) => i.id));
    expect(iris1.json!.prev).toBe(`${base}?iris=1&page=0`);

    expect((await get('?page=2')).status).toBe(404);
    const bad = await get('?page=one');
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({
      error: { code: 'BAD_REQUEST', fields: { page: expect.any(Array) } },
    });
  });

  it('negotiates: 406 for text/html, JSON-LD for application/json and */*; HEAD and OPTIONS', async () => {
    const w = await makeDocWorld();
    const params = { document: w.document.id };
    const html = await send(containerRoute.GET, {
      caller: w.owner,
      params,
      headers: { accept: 'text/html' },
    });
    expect(html.status).toBe(406);
    expect(html.json).toEqual({ error: { code: 'NOT_ACCEPTABLE', message: expect.any(String) } });
    const htmlItem = await send(memberRoute.GET, {
      caller: w.owner,
      params: { ...params, annotation: w.shared.annotation.id },
      headers: { accept: 'text/html' },
    });
    expect(htmlItem.status).toBe(406);

    for (const accept of ['application/json', '*/*', 'text/html, application/ld+json;q=0.5']) {
      const res = await send(containerRoute.GET, { caller: w.owner, params, headers: { accept } });
      expect({ accept, status: res.status }).toEqual({ accept, status: 200 });
      expect(res.headers.get('content-type')).toBe(MEDIA_TYPE);
    }
    const refused = await send(containerRoute.GET, {
      caller: w.owner,
      params,
      headers: { accept: 'application/json;q=0' },
    });
    expect(refused.status).toBe(406);

    const get = await send(containerRoute.GET, { caller: w.owner, params });
    const head = await send(containerRoute.HEAD, { method: 'HEAD', caller: w.owner, params });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(head.headers.get('allow')).toBe('GET,POST,HEAD,OPTIONS');

    const options = await send(containerRoute.OPTIONS, {
      method: 'OPTIONS',
      caller: w.owner,
      params,
    });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET,POST,HEAD,OPTIONS');
    expect(options.headers.get('accept-post')).toBe(MEDIA_TYPE);
    const outsiderOptions = await send(containerRoute.OPTIONS, {
      method: 'OPTIONS',
      caller: w.outsider,
      params,
    });
    expect(outsiderOptions.status).toBe(404);

    const notModified = await send(containerRoute.GET, {
      caller: w.owner,
      params,
      headers: { 'if-none-match': get.headers.get('etag')! },
    });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
  });
});

describe('creating', () => {
  it('POST: 201 with Location, ETag and the annotation, which validates against the W3C schemas', async () => {
    const w = await makeDocWorld();
    const res = await post(
      w,
      annotationBody({ audience: { type: 'schema:Audience', 'schema:audienceType': 'private' } }),
      w.member,
      { slug: 'ignored' },
    );
    expect(res.status).toBe(201);
    const location = res.headers.get('location')!;
    expect(location.startsWith(containerOf(w))).toBe(true);
    expect(res.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    expect(res.headers.get('content-type')).toBe(MEDIA_TYPE);
    expect(res.headers.get('link')).toBe('<http://www.w3.org/ns/ldp#Resource>; rel="type"');
    expect(res.headers.get('allow')).toBe('GET,PUT,DELETE,HEAD,OPTIONS');
    expect(res.headers.get('vary')).toBe('Accept');

    const a = res.json!;
    expect(a).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: location,
      type: 'Annotation',
      motivation: 'commenting',
      creator: { type: 'Person', name: 'member' },
      audience: { 'schema:audienceType': 'private' },
      body: [
        { type: 'TextualBody', purpose: 'commenting', format: 'text/html' },
        { type: 'TextualBody', purpose: 'tagging', value: 'evidence' },
      ],
      target: { type: 'SpecificResource', source: `${ORIGIN}/d/${w.document.id}` },
    });
    expect(a.body[0].value).toBe('<p>Which <em>data</em>?</p>');
    expect(a.target.selector[0]).toMatchObject({
      type: 'FragmentSelector',
      value: 'p-beta0002',
      refinedBy: { type: 'TextQuoteSelector', exact: 'asked for more data' },
    });
    expect(failures(validators.annotationChecks, a)).toEqual([]);

    const stored = await db().annotation.findUniqueOrThrow({
      where: { id: idOf(location, w) },
      include: { anchors: true, comments: true },
    });
    expect(stored).toMatchObject({
      authorId: w.member.id,
      visibility: 'PRIVATE',
      tags: ['evidence'],
      exact: 'asked for more data',
    });
    expect(stored.comments).toHaveLength(1);
    expect(stored.comments[0]!.bodyText).toBe('Which data?');

    // The new member reads back the same, with the same ETag; If-None-Match gives 304.
    const params = { document: w.document.id, annotation: idOf(location, w) };
    const got = await send(memberRoute.GET, { caller: w.member, params });
    expect(got.status).toBe(200);
    expect(got.text).toBe(res.text);
    expect(got.headers.get('etag')).toBe(res.headers.get('etag'));
    expect(got.headers.get('link')).toBe('<http://www.w3.org/ns/ldp#Resource>; rel="type"');
    expect(got.headers.get('allow')).toBe('GET,PUT,DELETE,HEAD,OPTIONS');
    expect(got.headers.get('vary')).toBe('Accept');
    const cached = await send(memberRoute.GET, {
      caller: w.member,
      params,
      headers: { 'if-none-match': `W/${res.headers.get('etag')}` },
    });
    expect(cached.status).toBe(304);
    expect(cached.headers.get('etag')).toBe(res.headers.get('etag'));
    const head = await send(memberRoute.HEAD, { method: 'HEAD', caller: w.member, params });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    expect(head.headers.get('etag')).toBe(res.headers.get('etag'));
    const options = await send(memberRoute.OPTIONS, {
      method: 'OPTIONS',
      caller: w.member,
      params,
    });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET,PUT,DELETE,HEAD,OPTIONS');

    // Private: the owner does not see it.
    expect((await send(memberRoute.GET, { caller: w.owner, params })).status).toBe(404);
  });

  it('accepts plain text bodies, bodyValue and Bearer tokens; read-only tokens cannot write', async () => {
    const w = await makeDocWorld();
    const res = await post(w, {
      type: 'Annotation',
      bodyValue: 'Plain words',
      target: {
        selector: [
          {
            type: 'FragmentSelector',
            value: 'p-alpha001',
            refinedBy: { type: 'TextPositionSelector', start: 4, end: 13 },
          },
        ],
      },
    });
    expect(res.status).toBe(201);
    expect(res.json!.body).toMatchObject({ value: '<p>Plain words</p>' });
    expect(res.json!.audience).toMatchObject({ 'schema:audienceType': 'workspace' });

    const write = await createApiToken(w.owner.id, { name: 'w', scope: 'write' });
    const read = await createApiToken(w.owner.id, { name: 'r', scope: 'read' });
    const before = await counts(w.document.id);
    const readOnly = await send(containerRoute.POST, {
      method: 'POST',
      params: { document: w.document.id },
      headers: { authorization: `Bearer ${read.token}` },
      body: annotationBody(),
    });
    expect(readOnly.status).toBe(403);
    expect(await counts(w.document.id)).toEqual(before);
    const list = await send(containerRoute.GET, {
      params: { document: w.document.id },
      headers: { authorization: `Bearer ${read.token}` },
    });
    expect(list.status).toBe(200);
    const byToken = await send(containerRoute.POST, {
      method: 'POST',
      params: { document: w.document.id },
      headers: { authorization: `Bearer ${write.token}`, 'content-type': 'application/json' },
      body: annotationBody(),
    });
    expect(byToken.status).toBe(201);
  });

  it('a reply: motivation replying with an annotation IRI of the container as target', async () => {
    const w = await makeDocWorld();
    const thread = containerOf(w) + w.shared.annotation.id;
    const res = await post(
      w,
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        motivation: 'replying',
        body: { type: 'TextualBody', value: 'The whole board.', purpose: 'replying' },
        target: thread,
      },
      w.owner,
    );
    expect(res.status).toBe(201);
    const location = res.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^${containerOf(w)}comment-`));
    expect(res.json).toMatchObject({
      id: location,
      motivation: 'replying',
      target: thread,
      body: { type: 'TextualBody', purpose: 'replying', value: '<p>The whole board.</p>' },
    });
    expect(failures(validators.annotationChecks, res.json)).toEqual([]);
    const commentId = idOf(location, w).slice('comment-'.length);
    const stored = await db().comment.findUniqueOrThrow({ where: { id: commentId } });
    expect(stored).toMatchObject({
      annotationId: w.shared.annotation.id,
      parentId: null,
      authorId: w.owner.id,
    });

    // A reply to the reply nests under it.
    const nested = await post(
      w,
      {
        type: 'Annotation',
        motivation: 'replying',
        bodyValue: 'Really?',
        target: { id: location },
      },
      w.member,
    );
    expect(nested.status).toBe(201);
    expect(nested.json!.target).toBe(location);
    const nestedId = idOf(nested.headers.get('location')!, w).slice('comment-'.length);
    expect((await db().comment.findUniqueOrThrow({ where: { id: nestedId } })).parentId).toBe(
      commentId,
    );

    // Replies are members of the container, right after their thread.
    const container = await send(containerRoute.GET, {
      caller: w.owner,
      params: { document: w.document.id },
      headers: { prefer: PREFER(IRIS) },
    });
    expect(container.json!.total).toBe(3);
    expect(container.json!.first.items).toEqual([thread, location, nested.headers.get('location')]);
    const reply = await send(memberRoute.GET, {
      caller: w.member,
      params: { document: w.document.id, annotation: idOf(location, w) },
    });
    expect(reply.text).toBe(res.text);

    // Replying to something that is not a visible member here is a 400, with nothing written.
    const before = await counts(w.document.id);
    for (const target of [
      containerOf(w) + w.secret.annotation.id, // the member's private thread, seen by the owner
      `${ORIGIN}/api/annotations/other/${w.shared.annotation.id}`,
      containerOf(w) + 'unknown',
    ]) {
      const bad = await post(
        w,
        { type: 'Annotation', motivation: 'replying', bodyValue: 'Hm', target },
        w.owner,
      );
      expect({ target, status: bad.status }).toEqual({ target, status: 400 });
      expect(bad.json).toMatchObject({
        error: { code: 'BAD_REQUEST', fields: { target: expect.any(Array) } },
      });
    }
    expect(await counts(w.document.id)).toEqual(before);
  });

  it('bad input is a 400 in the one error shape, and writes nothing', async () => {
    const w = await makeDocWorld();
    const before = await counts(w.document.id);
    const cases: [string, unknown][] = [
      [
        'not an annotation',
        { type: 'Note', target: { selector: { type: 'TextQuoteSelector', exact: 'x' } } },
      ],
      ['no target', { type: 'Annotation', bodyValue: 'x' }],
      [
        'no match',
        annotationBody({
          target: { selector: { type: 'TextQuoteSelector', exact: 'not in the text' } },
        }),
      ],
      ['external body', annotationBody({ body: 'http://example.org/comment' })],
      ['two comments', annotationBody({ bodyValue: 'another' })],
      [
        'unknown purpose',
        annotationBody({ body: { type: 'TextualBody', value: 'x', purpose: 'linking' } }),
      ],
      [
        'bad format',
        annotationBody({ body: { type: 'TextualBody', value: 'x', format: 'image/png' } }),
      ],
      [
        'bad tag',
        annotationBody({
          body: { type: 'TextualBody', value: 'no spaces allowed', purpose: 'tagging' },
        }),
      ],
      ['empty comment', annotationBody({ body: { type: 'TextualBody', value: '  ' } })],
      [
        'reply with tags',
        {
          type: 'Annotation',
          body: [
            { type: 'TextualBody', value: 'x', purpose: 'tagging' },
            { type: 'TextualBody', value: 'y' },
          ],
          target: containerOf(w) + w.shared.annotation.id,
        },
      ],
      [
        'reply to a document',
        { type: 'Annotation', bodyValue: 'x', target: `${ORIGIN}/d/${w.document.id}` },
      ],
    ];
    for (const [name, body] of cases) {
      const res = await post(w, body);
      expect({ name, status: res.status }).toEqual({ name, status: 400 });
      expect({ name, json: res.json }).toEqual({
        name,
        json: {
          error: { code: 'BAD_REQUEST', message: expect.any(String), fields: expect.any(Object) },
        },
      });
    }
    const malformed = await post(w, '{"type": "Annotation",');
    expect(malformed.status).toBe(400);
    expect(malformed.json).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    const wrongType = await post(w, 'x', w.member, { 'content-type': 'text/plain' });
    expect(wrongType.status).toBe(415);
    expect(await counts(w.document.id)).toEqual(before);
  });
});

describe('changing and deleting', () => {
  async function created(w: World) {
    const res = await post(w, annotationBody());
    expect(res.status).toBe(201);
    return {
      res,
      params: { document: w.document.id, annotation: idOf(res.headers.get('location')!, w) },
      etag: res.headers.get('etag')!,
    };
  }

  it('PUT needs If-Match (428), a current one (412), and then replaces comment and tags', async () => {
    const w = await makeDocWorld();
    const { res, params, etag } = await created(w);
    const edited = {
      ...res.json!,
      body: [
        { ...res.json!.body[0], value: '<p>Which <strong>numbers</strong>?</p>' },
        { type: 'TextualBody', purpose: 'tagging', value: 'numbers' },
      ],
    };
    const put = (headers: Record<string, string>, body: unknown = edited, caller = w.member) =>
      send(memberRoute.PUT, { method: 'PUT', caller, params, headers, body });

    const missing = await put({});
    expect(missing.status).toBe(428);
    expect(missing.json).toEqual({
      error: { code: 'PRECONDITION_REQUIRED', message: expect.any(String) },
    });
    const stale = await put({ 'if-match': '"not-the-etag"' });
    expect(stale.status).toBe(412);
    expect(stale.json).toMatchObject({ error: { code: 'PRECONDITION_FAILED' } });
    expect((await put({ 'if-match': `W/${etag}` })).status).toBe(412); // weak never matches
    // Someone else may not change it, whatever the precondition.
    expect((await put({ 'if-match': etag }, edited, w.owner)).status).toBe(403);
    const commentsBefore = await db().comment.findMany({
      where: { annotationId: params.annotation },
    });
    expect(commentsBefore[0]!.version).toBe(1);

    const ok = await put({ 'if-match': etag });
    expect(ok.status).toBe(200);
    const newTag = ok.headers.get('etag')!;
    expect(newTag).not.toBe(etag);
    expect(ok.headers.get('content-type')).toBe(MEDIA_TYPE);
    expect(ok.json!.body).toEqual([
      expect.objectContaining({ value: '<p>Which <strong>numbers</strong>?</p>' }),
      { type: 'TextualBody', purpose: 'tagging', value: 'numbers' },
    ]);
    expect(failures(validators.annotationChecks, ok.json)).toEqual([]);
    const stored = await db().annotation.findUniqueOrThrow({
      where: { id: params.annotation },
      include: { comments: true },
    });
    expect(stored.tags).toEqual(['numbers']);
    // Through the comment edit path: a new version with the old text kept in the history.
    expect(stored.comments[0]).toMatchObject({ version: 2, bodyText: 'Which numbers?' });
    expect(await db().commentRevision.count({ where: { commentId: stored.comments[0]!.id } })).toBe(
      1,
    );
    const got = await send(memberRoute.GET, { caller: w.member, params });
    expect(got.headers.get('etag')).toBe(newTag);

    // The old tag is stale now.
    expect((await put({ 'if-match': etag })).status).toBe(412);
    // Sending back what was read changes nothing (no new comment version).
    const same = await put({ 'if-match': newTag }, got.json);
    expect(same.status).toBe(200);
    expect(same.headers.get('etag')).toBe(newTag);
    expect(
      (await db().comment.findFirstOrThrow({ where: { annotationId: params.annotation } })).version,
    ).toBe(2);
  });

  it('PUT cannot move an annotation, and bad bodies write nothing', async () => {
    const w = await makeDocWorld();
    const { res, params, etag } = await created(w);
    const before = await db().annotation.findUniqueOrThrow({
      where: { id: params.annotation },
      include: { comments: true, anchors: true },
    });
    const put = (body: unknown) =>
      send(memberRoute.PUT, {
        method: 'PUT',
        caller: w.member,
        params,
        headers: { 'if-match': etag },
        body,
      });
    const moved = await put({
      ...res.json!,
      body: { type: 'TextualBody', value: 'Moved' },
      target: { selector: { type: 'TextQuoteSelector', exact: 'committee' } },
    });
    expect(moved.status).toBe(400);
    expect(moved.json).toMatchObject({
      error: { code: 'BAD_REQUEST', fields: { target: expect.any(Array) } },
    });
    // The same words described differently are not a move.
    const sameWords = await put({
      ...res.json!,
      target: {
        selector: {
          type: 'TextQuoteSelector',
          exact: 'asked for more data',
          prefix: 'caution and ',
        },
      },
    });
    expect(sameWords.status).toBe(200);
    expect(sameWords.headers.get('etag')).toBe(etag);
    for (const body of [
      { ...res.json!, id: `${containerOf(w)}other` },
      { ...res.json!, body: undefined },
      { ...res.json!, type: 'Note' },
      { ...res.json!, target: containerOf(w) + w.shared.annotation.id },
    ]) {
      expect((await put(body)).status).toBe(400);
    }
    const after = await db().annotation.findUniqueOrThrow({
      where: { id: params.annotation },
      include: { comments: true, anchors: true },
    });
    expect(after).toEqual(before);
  });

  it('PUT gives a highlight a comment; PUT and DELETE of a reply', async () => {
    const w = await makeDocWorld();
    const [highlight] = await addHighlights(w, 1);
    const params = { document: w.document.id, annotation: highlight! };
    const got = await send(memberRoute.GET, { caller: w.owner, params });
    expect(got.json!.motivation).toBe('highlighting');
    const put = await send(memberRoute.PUT, {
      method: 'PUT',
      caller: w.owner,
      params,
      headers: { 'if-match': got.headers.get('etag')! },
      body: { ...got.json!, bodyValue: 'Now a thread' },
    });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({
      motivation: 'commenting',
      body: { value: '<p>Now a thread</p>' },
    });

    const reply = await post(
      w,
      {
        type: 'Annotation',
        motivation: 'replying',
        bodyValue: 'First reply',
        target: put.json!.id,
      },
      w.member,
    );
    const replyParams = {
      document: w.document.id,
      annotation: idOf(reply.headers.get('location')!, w),
    };
    const etag = reply.headers.get('etag')!;
    const edit = (caller: Caller) =>
      send(memberRoute.PUT, {
        method: 'PUT',
        caller,
        params: replyParams,
        headers: { 'if-match': etag },
        body: { ...reply.json!, body: { type: 'TextualBody', value: 'Edited reply' } },
      });
    expect((await edit(w.owner)).status).toBe(403);
    const edited = await edit(w.member);
    expect(edited.status).toBe(200);
    expect(edited.json!.body).toMatchObject({ value: '<p>Edited reply</p>' });

    const del = (ifMatch?: string) =>
      send(memberRoute.DELETE, {
        method: 'DELETE',
        caller: w.member,
        params: replyParams,
        headers: ifMatch ? { 'if-match': ifMatch } : {},
      });
    expect((await del()).status).toBe(428);
    expect((await del(etag)).status).toBe(412);
    const gone = await del(edited.headers.get('etag')!);
    expect(gone.status).toBe(204);
    expect(gone.text).toBe('');
    expect((await send(memberRoute.GET, { caller: w.member, params: replyParams })).status).toBe(
      404,
    );
    // The thread stays.
    expect((await send(memberRoute.GET, { caller: w.member, params })).status).toBe(200);
  });

  it('DELETE needs If-Match, then removes the thread: GET is 404 afterwards', async () => {
    const w = await makeDocWorld();
    const { params, etag } = await created(w);
    const del = (headers: Record<string, string>, caller: Caller = w.member) =>
      send(memberRoute.DELETE, { method: 'DELETE', caller, params, headers });
    expect((await del({})).status).toBe(428);
    expect((await del({ 'if-match': '"stale"' })).status).toBe(412);
    expect((await del({ 'if-match': etag }, w.owner)).status).toBe(403);
    expect((await del({ 'if-match': etag }, w.outsider)).status).toBe(404);
    expect(await db().annotation.count({ where: { id: params.annotation } })).toBe(1);

    const ok = await del({ 'if-match': etag });
    expect(ok.status).toBe(204);
    expect(await db().annotation.count({ where: { id: params.annotation } })).toBe(0);
    const after = await send(memberRoute.GET, { caller: w.member, params });
    expect(after.status).toBe(404);
    expect(after.json).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
    expect((await del({ 'if-match': etag })).status).toBe(404);
  });
});
