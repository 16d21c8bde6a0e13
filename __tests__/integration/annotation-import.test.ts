import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as exportRoute from '@/app/api/v1/documents/[id]/export/route';
import { importAnnotations, placeThreads } from '@/lib/annotation-import';
import { replyToThread } from '@/lib/annotations/comments';
import { createAnnotation } from '@/lib/annotations/create-annotation';
import { db } from '@/lib/db/client';
import { parsePlainText } from '@/lib/documents/parse-plain-text';
import { call } from '../helpers/http';
import { makeDocWorld, makeWorld } from '../helpers/world';
import {
  doc,
  importVia,
  makeDocument,
  snapshot,
  t,
  type ImportBody,
} from '../fixtures/annotation-import/helpers';

afterAll(() => db().$disconnect());

const FIXTURES = path.join(__dirname, '../fixtures/annotation-import');
const DEMO_TEXT = path.join(__dirname, '../../lib/seed/standing-committee-2020-03-18.txt');

describe('annotation import', () => {
  it('round trip: W3C export → import into a copy keeps threads, nesting, tags and positions', async () => {
    const w = await makeWorld();
    const blocks = [
      { key: 'intro001', text: 'Café ☕ 👩‍👩‍👧 𝐍𝐨𝐭𝐞: the committee weighed the proposal carefully.' },
      { key: 'second02', text: 'Members stressed caution and asked for more data.' },
      { key: 'third003', text: 'The committee will return to it next week.' },
    ];
    const { document } = await makeDocument(w, blocks, 'Original');
    const span = (key: string, word: string) => {
      const text = blocks.find((b) => b.key === key)!.text;
      return { blockKey: key, start: text.indexOf(word), end: text.indexOf(word) + word.length };
    };
    const rich = await createAnnotation(w.member.id, document.id, {
      ...span('intro001', 'committee'),
      tags: ['who', 'process'],
      body: doc([
        t('Bold', [{ type: 'bold' }]),
        t(' see '),
        t('source', [{ type: 'link', attrs: { href: 'https://example.com/s' } }]),
        t(' '),
        { type: 'mention', attrs: { id: w.moderator.id, label: 'moderator' } },
      ]),
    });
    const reply = await replyToThread(w.owner.id, rich.id, { body: doc([t('A reply 🎉')]) });
    await replyToThread(w.moderator.id, rich.id, { parentId: reply.id, body: doc([t('Nested')]) });
    await replyToThread(w.member.id, rich.id, { body: doc([t('Second top-level')]) });
    // Across paragraphs, starting after emoji (UTF-16 and code point offsets differ).
    const intro = blocks[0]!.text;
    await createAnnotation(w.owner.id, document.id, {
      blockKey: 'intro001',
      endBlockKey: 'second02',
      start: intro.indexOf('proposal'),
      end: 'Members stressed'.length,
      body: doc([t('Spans two paragraphs')]),
    });
    await createAnnotation(w.moderator.id, document.id, {
      ...span('third003', 'next week'),
      tags: ['timing'],
    });
    await createAnnotation(w.member.id, document.id, {
      ...span('second02', 'more data'),
      visibility: 'PRIVATE',
      body: doc([t('Note to self')]),
    });

    const exported = await call(exportRoute.GET, {
      caller: w.member,
      params: { id: document.id },
      path: `/api/v1/documents/${document.id}/export?format=w3c`,
    });
    expect(exported.status).toBe(200);
    expect(JSON.stringify(exported.json)).toContain('Note to self');

    const { document: copy } = await makeDocument(w, blocks, 'Copy');
    const res = await importVia(w.member, copy.id, 'w3c', exported.json);
    expect(res.status).toBe(201);
    expect(res.json as ImportBody).toMatchObject({ imported: 4, anchored: 4, orphaned: 0 });

    const [before, after] = [await snapshot(document.id), await snapshot(copy.id)];
    expect(after).toEqual(before);
    expect(after.map((a) => a.anchor[0])).toEqual(['intro001', 'intro001', 'second02', 'third003']);
    const nested = after.find((a) => a.comments.length === 4)!.comments;
    expect(nested.map((c) => [c.bodyText, c.parent])).toEqual([
      ['Bold see source @moderator', null],
      ['A reply 🎉', null],
      ['Nested', 1],
      ['Second top-level', null],
    ]);
    expect(
      await db().documentEvent.count({
        where: { documentId: copy.id, type: 'annotation.created' },
      }),
    ).toBe(4);
  });

  it('imports a foreign W3C annotation (quote + whole-text position) and keeps an unanchorable one as an orphan', async () => {
    const w = await makeDocWorld();
    // Hypothesis-client style (quote + position on the whole text), and one whose words are gone.
    const sample = JSON.parse(readFileSync(path.join(FIXTURES, 'w3c-foreign.json'), 'utf8'));
    const exact = 'asked for more data';
    const gone = 'the budget was approved unanimously';
    const result = await importAnnotations(w.owner.id, w.document.id, sample, 'w3c');
    expect(result).toMatchObject({ imported: 2, anchored: 1, orphaned: 1 });
    const [found, orphan] = await Promise.all(
      result.threads.map((x) =>
        db().annotation.findUniqueOrThrow({
          where: { id: x.id },
          include: { anchors: true, comments: true },
        }),
      ),
    );
    expect(found!.anchors[0]).toMatchObject({
      blockKey: 'beta0002',
      endBlockKey: 'beta0002',
      start: w.blocks[1]!.text.indexOf(exact),
      end: w.blocks[1]!.text.indexOf(exact) + exact.length,
      status: 'CREATED',
    });
    expect(found!.tags).toEqual(['follow-up']);
    // dana is not in the workspace: the importer posts it, naming her.
    expect(found!.authorId).toBe(w.owner.id);
    expect(found!.comments[0]!.bodyText).toBe('Imported from dana, 2024-05-01:\n\nWhich data?');
    expect(found!.comments[0]!.createdAt.toISOString()).toBe('2024-05-01T12:00:00.000Z');
    // Never dropped: kept with its quote, by the matching member.
    expect(orphan!.anchors[0]).toMatchObject({
      status: 'ORPHANED',
      blockKey: null,
      exact: gone,
    });
    expect(orphan!.exact).toBe(gone);
    expect(orphan!.authorId).toBe(w.moderator.id);
    expect(orphan!.comments[0]!.bodyText).toBe('About a sentence that was removed');
  });

  it('a repeated quote lands in the paragraph its FragmentSelector names', () => {
    const text = 'We asked for more data on Monday.';
    const thread = {
      externalId: 'x',
      authorName: '',
      authorExternalId: null,
      authorEmail: null,
      quote: { exact: 'asked for more data', prefix: 'We ', suffix: ' on Monday' },
      position: null,
      blockKeyHint: 'two',
      tags: [],
      visibility: 'WORKSPACE' as const,
      created: null,
      comments: [],
    };
    const blocks = ['one', 'two'].map((key) => ({ key, text }));
    expect(placeThreads(blocks, [thread])[0]).toMatchObject({ blockKey: 'two', start: 3, end: 22 });
  });

  it('imports a Hypothesis export: replies, nesting, private notes, external authors, orphans', async () => {
    const w = await makeWorld();
    await db().user.update({ where: { id: w.owner.id }, data: { name: 'Alice Moreau' } });
    await db().user.update({ where: { id: w.member.id }, data: { name: 'Bob Okafor' } });
    const parsed = parsePlainText(readFileSync(DEMO_TEXT, 'utf8'), {
      fallbackTitle: 'Demo',
      firstLineIsTitle: true,
    });
    const blocks = parsed.blocks.map((b, i) => ({
      key: `demo${String(i).padStart(4, '0')}`,
      text: b.text,
    }));
    const { document } = await makeDocument(w, blocks);
    const file = JSON.parse(readFileSync(path.join(FIXTURES, 'hypothesis-export.json'), 'utf8'));

    const res = await importVia(w.owner, document.id, 'hypothesis', file);
    expect(res.status).toBe(201);
    const data = res.json as ImportBody;
    expect(data).toMatchObject({ imported: 6, anchored: 4, orphaned: 2 });
    const byExternal = new Map(data.threads.map((x) => [x.externalId, x]));
    expect(byExternal.get('Hq7PageNote07')!.status).toBe('ORPHANED');
    expect(byExternal.get('Hq8GoneQuote8')!.status).toBe('ORPHANED');
    const load = (externalId: string) =>
      db().annotation.findUniqueOrThrow({
        where: { id: byExternal.get(externalId)!.id },
        include: { anchors: true, comments: { orderBy: { createdAt: 'asc' } } },
      });

    const main = await load('Hq1AbcTrend01');
    expect(main).toMatchObject({
      authorId: w.owner.id,
      visibility: 'WORKSPACE',
      tags: ['wording', 'trend-claims'],
    });
    const para = blocks[1]!.text;
    expect(main.anchors[0]).toMatchObject({
      blockKey: blocks[1]!.key,
      start: para.indexOf('continued to improve'),
      end: para.indexOf('continued to improve') + 'continued to improve'.length,
    });
    const [root, bob, carol] = main.comments;
    expect(JSON.stringify(root!.body)).toContain(
      '"href":"https://www.who.int/emergencies/diseases/novel-coronavirus-2019/situation-reports"',
    );
    expect(JSON.stringify(root!.body)).toContain('{"type":"italic"}');
    expect(root!.bodyText).toContain('Note the tense: has continued to improve claims a trend.');
    expect(bob).toMatchObject({ authorId: w.member.id, parentId: null });
    expect(carol).toMatchObject({ authorId: w.owner.id, parentId: bob!.id });
    expect(carol!.bodyText).toMatch(/^Imported from Carol Diaz, 2024-02-02:\n\nBoth phrases recur/);
    expect(JSON.stringify(carol!.body)).toContain('bulletList');
    expect(main.comments).toHaveLength(3);

    // The private reply became Alice's own private note on the same passage.
    const privateReply = await load('Hq4PrivReply4');
    expect(privateReply).toMatchObject({ visibility: 'PRIVATE', authorId: w.owner.id });
    expect(privateReply.anchors[0]!.start).toBe(main.anchors[0]!.start);
    expect(privateReply.comments[0]!.bodyText).toBe('Private: ask Bob where the April readout is.');
    expect(await load('Hq6PrivNote06')).toMatchObject({ visibility: 'PRIVATE', tags: ['economy'] });
    const highlight = await load('Hq5Highlight5');
    expect(highlight).toMatchObject({ visibility: 'WORKSPACE', tags: ['risk'], comments: [] });
    expect(highlight.anchors[0]!.exact).toBe(
      'the complexity and severity of the epidemic situation',
    );
    expect((await load('Hq8GoneQuote8')).exact).toBe(
      'a quarantine hotel collapsed in Quanzhou on March 7',
    );
  });

  it('malformed input is a 400 with field paths and writes nothing', async () => {
    const w = await makeDocWorld();
    const count = () => db().annotation.count({ where: { documentId: w.document.id } });
    const before = await count();
    const good = {
      type: 'Annotation',
      id: 'urn:x:1',
      target: { selector: { type: 'TextQuoteSelector', exact: 'committee' } },
    };
    const collection = {
      type: 'AnnotationCollection',
      first: {
        type: 'AnnotationPage',
        items: [
          good,
          {
            ...good,
            id: 'urn:x:2',
            target: { selector: { type: 'TextPositionSelector', start: 'four', end: 9 } },
          },
        ],
      },
    };
    const bad = await importVia(w.member, w.document.id, 'w3c', collection);
    expect(bad.status).toBe(400);
    const fields = (bad.json as { error: { fields: Record<string, string[]> } }).error.fields;
    expect(Object.keys(fields).some((k) => k.startsWith('first.items.1.target'))).toBe(true);

    const noTarget = await importVia(w.member, w.document.id, 'w3c', [
      good,
      { type: 'Annotation' },
    ]);
    expect(noTarget.status).toBe(400);
    expect((noTarget.json as { error: { fields: object } }).error.fields).toHaveProperty([
      '1.target',
    ]);

    const hyp = await importVia(w.member, w.document.id, 'hypothesis', {
      annotations: [{ id: 'a', text: 1 }],
    });
    expect(hyp.status).toBe(400);
    expect(Object.keys((hyp.json as { error: { fields: object } }).error.fields)).toEqual(
      expect.arrayContaining(['annotations.0.user', 'annotations.0.text']),
    );
    const tooMany = Array.from({ length: 5001 }, (_, i) => ({
      id: `h${i}`,
      user: 'acct:x@hypothes.is',
    }));
    const big = await importVia(w.member, w.document.id, 'hypothesis', { annotations: tooMany });
    expect(big.status).toBe(400);
    expect((big.json as { error: { fields: object } }).error.fields).toHaveProperty([
      'annotations',
    ]);
    expect((await importVia(w.member, w.document.id, 'csv', [good])).status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('a non-member gets 404 and the anonymous 401; nothing is written', async () => {
    const w = await makeDocWorld();
    const body = [
      {
        type: 'Annotation',
        target: { selector: { type: 'TextQuoteSelector', exact: 'committee' } },
      },
    ];
    expect((await importVia(w.outsider, w.document.id, 'w3c', body)).status).toBe(404);
    expect((await importVia(null, w.document.id, 'w3c', body)).status).toBe(401);
    expect(await db().annotation.count({ where: { documentId: w.document.id } })).toBe(2);
    expect((await importVia(w.member, w.document.id, 'w3c', body)).status).toBe(201);
  });
});
