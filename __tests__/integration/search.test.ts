import * as searchRoute from '@/app/api/v1/search/route';
import { replyToThread } from '@/lib/annotations/comments';
import { db } from '@/lib/db/client';
import { search } from '@/lib/search/search';
import { call } from '../helpers/http';
import { makeDocWorld } from '../helpers/world';

afterAll(() => db().$disconnect());

const text = (t: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }],
});

describe('search', () => {
  it('finds comments, quotes and document text, only where the user may look', async () => {
    const w = await makeDocWorld();
    const marker = `zebra${Date.now()}`;
    await replyToThread(w.owner.id, w.shared.annotation.id, {
      body: text(`The ${marker} quorum was reached`),
    });
    await db().comment.update({
      where: { id: w.secret.comment.id },
      data: { bodyText: `private ${marker}` },
    });

    const asMember = await search(w.member.id, { q: marker });
    expect(asMember.hits.map((h) => h.kind).sort()).toEqual(['comment', 'comment']);
    const asOwner = await search(w.owner.id, { q: marker });
    expect(asOwner.hits).toHaveLength(1);
    expect(asOwner.hits[0]).toMatchObject({
      kind: 'comment',
      documentId: w.document.id,
      paragraph: 1,
      author: 'owner',
    });
    expect(asOwner.hits[0]!.snippet).toContain(`⟦${marker}⟧`);
    expect((await search(w.outsider.id, { q: marker })).hits).toEqual([]);

    // Phrases, prefixes and document text with paragraph numbers.
    const phrase = await search(w.member.id, { q: '"stressed caution"', document: w.document.id });
    expect(phrase.hits).toEqual([
      expect.objectContaining({ kind: 'text', paragraph: 2, blockKey: 'beta0002' }),
    ]);
    expect(
      (await search(w.member.id, { q: '"caution stressed"', document: w.document.id })).hits,
    ).toEqual([]);
    expect(
      (await search(w.member.id, { q: 'propos*', document: w.document.id, kind: 'text' })).hits,
    ).toHaveLength(1);
    expect(
      (await search(w.member.id, { q: 'committee', document: w.document.id, kind: 'quotes' })).hits,
    ).toHaveLength(2);
    expect(
      (await search(w.owner.id, { q: 'committee', document: w.document.id, kind: 'quotes' })).hits,
    ).toHaveLength(1);
  });

  it('a common word (walked newest first) and a rare one (fetched by index) give the same newest hits', async () => {
    const w = await makeDocWorld();
    const marker = `ibex${Date.now()}`;
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const { id } = await replyToThread(w.owner.id, w.shared.annotation.id, {
        body: text(`Note ${i} about the ${marker}`),
      });
      ids.push(id);
    }
    const asked = { q: marker, kind: 'comments', limit: 3 };
    const byIndex = await search(w.member.id, asked);
    const walked = await search(w.member.id, asked, { commonMatches: 2 });
    const newest = ids.slice(-3).reverse();
    expect(byIndex.hits.map((h) => h.commentId).sort()).toEqual([...newest].sort());
    expect(walked.hits.map((h) => h.commentId).sort()).toEqual([...newest].sort());
    // An unknown word costs nothing either way.
    expect((await search(w.member.id, { q: `${marker}x` }, { commonMatches: 2 })).hits).toEqual([]);
  });

  it('answers through the API with filters, and rejects an empty query', async () => {
    const w = await makeDocWorld();
    const ok = await call(searchRoute.GET, {
      caller: w.member,
      path: `/api/v1/search?q=committee&document=${w.document.id}&author=${w.member.id}`,
    });
    expect(ok.status).toBe(200);
    expect((ok.json as { items: unknown[] }).items.length).toBeGreaterThan(0);
    const empty = await call(searchRoute.GET, { caller: w.member, path: '/api/v1/search?q=' });
    expect(empty.status).toBe(400);
  });
});
