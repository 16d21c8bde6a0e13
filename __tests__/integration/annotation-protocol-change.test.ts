/**
 * The W3C Web Annotation Protocol container (issue 7): changing and deleting members, against a real
 * database. Representations are checked against the WPT annotation-model schemas.
 */
import * as memberRoute from '@/app/api/annotations/[document]/[annotation]/route';
import { db } from '@/lib/db/client';
import { makeDocWorld } from '../helpers/world';
import { type Caller } from '../helpers/http';
import { failures } from '../unit/export/w3c-schema';
import {
  type World,
  MEDIA_TYPE,
  validators,
  send,
  containerOf,
  annotationBody,
  post,
  idOf,
  addHighlights,
  closeProtocolResources,
} from '../helpers/annotation-protocol';

afterAll(closeProtocolResources);

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
