/**
 * The W3C Web Annotation Protocol container (issue 7): creating annotations and replies, against a real
 * database. Representations are checked against the WPT annotation-model schemas.
 */
import * as containerRoute from '@/app/api/annotations/[document]/route';
import * as memberRoute from '@/app/api/annotations/[document]/[annotation]/route';
import { createApiToken } from '@/lib/auth/api-tokens';
import { db } from '@/lib/db/client';
import { makeDocWorld } from '../helpers/world';
import { failures } from '../unit/export/w3c-schema';
import {
  ORIGIN,
  MEDIA_TYPE,
  PREFER,
  IRIS,
  validators,
  send,
  containerOf,
  annotationBody,
  post,
  idOf,
  counts,
  closeProtocolResources,
} from '../helpers/annotation-protocol';

afterAll(closeProtocolResources);

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
