/**
 * The W3C Web Annotation Protocol container (issue 7): reading the container and its pages, against a real
 * database. Representations are checked against the WPT annotation-model schemas.
 */
import * as containerRoute from '@/app/api/annotations/[document]/route';
import * as memberRoute from '@/app/api/annotations/[document]/[annotation]/route';
import { PAGE_SIZE } from '@/lib/annotation-protocol';
import { db } from '@/lib/db/client';
import { makeDocWorld } from '../helpers/world';
import { failures } from '../unit/export/w3c-schema';
import {
  type Json,
  MEDIA_TYPE,
  PREFER,
  IRIS,
  DESCRIPTIONS,
  MINIMAL,
  validators,
  pageChecks,
  send,
  containerOf,
  addHighlights,
  closeProtocolResources,
} from '../helpers/annotation-protocol';

afterAll(closeProtocolResources);

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
