import { createAnnotation } from '@/lib/annotations/create-annotation';
import { getAnnotationJson, listAnnotations } from '@/lib/annotations/list-annotations';
import { db } from '@/lib/db/client';
import { makeDocWorld } from '../helpers/world';

const doc = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

type Page = Awaited<ReturnType<typeof listAnnotations>>;

async function walk(userId: string, documentId: string, query: Record<string, string>) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page: Page = await listAnnotations(userId, documentId, {
      ...query,
      ...(cursor ? { cursor } : {}),
    });
    ids.push(...page.items.map((a) => a.id));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return ids;
}

describe('the annotation list (public API)', () => {
  it('pages through every visible thread once, in order, even with equal creation times', async () => {
    const w = await makeDocWorld();
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { id } = await createAnnotation(w.owner.id, w.document.id, {
        blockKey: 'beta0002',
        start: 0,
        end: 7,
        comment: doc(`Thread ${i}`),
      });
      made.push(id);
    }
    // Two threads created in the same millisecond: the id breaks the tie.
    await db().annotation.updateMany({
      where: { id: { in: made.slice(1, 3) } },
      data: { createdAt: new Date('2026-01-01T00:00:00.000Z') },
    });
    const expected = await db().annotation.findMany({
      where: {
        documentId: w.document.id,
        OR: [{ visibility: 'WORKSPACE' }, { authorId: w.owner.id }],
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true },
    });
    const ids = await walk(w.owner.id, w.document.id, { limit: '2' });
    expect(ids).toEqual(expected.map((a) => a.id));
    // The member's private thread is not the owner's to see; the member sees it.
    expect(ids).not.toContain(w.secret.annotation.id);
    expect(await walk(w.member.id, w.document.id, { limit: '3' })).toContain(
      w.secret.annotation.id,
    );
  });

  it('matches q literally: % and _ are not wildcards', async () => {
    const w = await makeDocWorld();
    const literal = await createAnnotation(w.owner.id, w.document.id, {
      blockKey: 'beta0002',
      start: 0,
      end: 7,
      comment: doc('Up 100% on last_year'),
    });
    await createAnnotation(w.owner.id, w.document.id, {
      blockKey: 'beta0002',
      start: 8,
      end: 16,
      comment: doc('Up 1000 on lastXyear'),
    });
    const ids = async (q: string) =>
      (await listAnnotations(w.owner.id, w.document.id, { q })).items.map((a) => a.id);
    expect(await ids('100%')).toEqual([literal.id]);
    expect(await ids('last_year')).toEqual([literal.id]);
    expect(await ids('WHO ATTENDED')).toEqual([w.shared.annotation.id]);
  });

  it('one annotation carries its anchor on the latest revision and its live comment count', async () => {
    const w = await makeDocWorld();
    const json = await getAnnotationJson(w.owner.id, w.shared.annotation.id);
    expect(json).toMatchObject({
      id: w.shared.annotation.id,
      author: { id: w.member.id },
      selectors: {
        blockKey: 'alpha001',
        position: { type: 'TextPositionSelector', start: 4, end: 13 },
      },
      anchor: { status: 'CREATED', exact: 'committee' },
      commentCount: 1,
    });
    await db().comment.update({
      where: { id: w.shared.comment.id },
      data: { deletedAt: new Date() },
    });
    expect((await getAnnotationJson(w.owner.id, w.shared.annotation.id)).commentCount).toBe(0);
  });
});
