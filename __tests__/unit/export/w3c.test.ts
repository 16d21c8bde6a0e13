import { exportW3c } from '@/lib/export';
import { ANNOTATIONS, BLOCKS, DOCUMENT, collect, makeInput } from '../../fixtures/export/bundle';
import { failures, makeValidators } from './w3c-schema';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const validators = makeValidators();

async function exportFixture(): Promise<Json> {
  return JSON.parse(await collect(exportW3c(makeInput()))) as Json;
}

function byId(items: Json[], id: string): Json {
  const found = items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

describe('W3C Web Annotation export', () => {
  it('is an AnnotationCollection whose embedded page validates against the WPT schemas', async () => {
    const out = await exportFixture();
    expect(out['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(out.type).toBe('AnnotationCollection');
    expect(out.label).toBe(DOCUMENT.title);
    expect(failures(validators.collectionChecks, out)).toEqual([]);
    expect(failures(validators.pageChecks, out)).toEqual([]);
    expect(failures(validators.pageChecks, out.first)).toEqual([]);
    expect(out.first.partOf).toBe(out.id);
    expect(out.total).toBe(out.first.items.length);
  });

  it('every annotation validates against the WPT annotation assertions', async () => {
    const out = await exportFixture();
    expect(out.first.items.length).toBeGreaterThan(0);
    for (const item of out.first.items as Json[]) {
      expect({ id: item.id, failed: failures(validators.annotationChecks, item) }).toEqual({
        id: item.id,
        failed: [],
      });
    }
  });

  it('the validators are not vacuous: broken annotations fail', async () => {
    const out = await exportFixture();
    const good = out.first.items[0] as Json;
    const broken = [
      { ...good, target: undefined },
      { ...good, '@context': 'http://example.org/ctx' },
      { ...good, id: 'not a uri' },
      { ...good, motivation: 'liking' },
      { ...good, created: 'yesterday' },
      { ...good, audience: { id: 'http://x.org/a', type: 'Group' } },
      {
        ...good,
        // No state either, or the target would still count as a Specific Resource through it.
        target: {
          type: 'SpecificResource',
          source: DOCUMENT.iri,
          selector: { type: 'TextPositionSelector', start: -1, end: 2 },
        },
      },
    ];
    for (const [i, b] of broken.entries()) {
      const failed = failures(validators.annotationChecks, JSON.parse(JSON.stringify(b)));
      expect({ i, failing: failed.length > 0 }).toEqual({ i, failing: true });
    }
    expect(failures(validators.collectionChecks, { ...out, total: -1 })).not.toEqual([]);
  });

  it('maps highlights, threads and replies to motivations and targets', async () => {
    const items = (await exportFixture()).first.items as Json[];
    const a1 = byId(items, ANNOTATIONS[0]!.iri);
    expect(a1.motivation).toBe('highlighting');
    expect(a1.body).toEqual({ type: 'TextualBody', purpose: 'tagging', value: 'method' });

    const a2 = ANNOTATIONS[1]!;
    const thread = byId(items, a2.iri);
    expect(thread.motivation).toBe('commenting');
    expect(thread.body[0]).toMatchObject({ format: 'text/html', purpose: 'commenting' });
    expect(thread.body[0].value).toContain('Why *love*?');
    expect(thread.body.slice(1).map((b: Json) => b.value)).toEqual(['emotion', 'q&a']);
    const c = (id: string) => a2.comments.find((x) => x.id === id)!.iri;
    expect(byId(items, c('c2'))).toMatchObject({ motivation: 'replying', target: a2.iri });
    expect(byId(items, c('c3')).target).toBe(c('c2'));
    // c5 replied to the deleted c4: re-attached to c4's parent, the thread root.
    expect(byId(items, c('c5')).target).toBe(a2.iri);
    expect(byId(items, c('c7')).target).toBe(a2.iri);
    expect(items.find((i) => i.id === c('c4'))).toBeUndefined();
    expect(items.find((i) => i.id === c('c6'))).toBeUndefined();
    expect(JSON.stringify(items)).not.toContain('spam');
    // 5 annotations + 4 replies (c2, c3, c5, c7).
    expect(items).toHaveLength(9);
  });

  it('targets the paragraph, pins the revision and counts code points', async () => {
    const items = (await exportFixture()).first.items as Json[];
    const love = byId(items, ANNOTATIONS[1]!.iri).target;
    expect(love.source).toBe(DOCUMENT.iri);
    expect(love.state).toEqual({
      type: 'TimeState',
      sourceDate: '2024-03-01T09:00:00.000Z',
      cached: DOCUMENT.revision.iri,
    });
    const [quote, position] = love.selector;
    expect(quote).toMatchObject({ type: 'FragmentSelector', value: 'p-k1' });
    expect(quote.refinedBy).toEqual({
      type: 'TextQuoteSelector',
      exact: 'love',
      prefix: 'I 😀 ',
      suffix: ' close',
    });
    // "love" sits after one astral emoji: one code point less than its UTF-16 index.
    const utf16 = BLOCKS[0]!.text.indexOf('love');
    expect(position.refinedBy).toEqual({
      type: 'TextPositionSelector',
      start: utf16 - 1,
      end: utf16 + 3,
    });
    expect(
      [...BLOCKS[0]!.text].slice(position.refinedBy.start, position.refinedBy.end).join(''),
    ).toBe('love');
  });

  it('measures cross-paragraph spans over the blocks joined by a blank line', async () => {
    const items = (await exportFixture()).first.items as Json[];
    const { selector } = byId(items, ANNOTATIONS[3]!.iri).target;
    const joined = [...`${BLOCKS[1]!.text}\n\n${BLOCKS[2]!.text}`];
    const { start, end } = selector[1].refinedBy;
    expect(selector[0].value).toBe('p-k2');
    expect(joined.slice(start, end).join('')).toBe(ANNOTATIONS[3]!.anchor.exact);
  });

  it('keeps only a quote for orphans and sets the audience from visibility', async () => {
    const items = (await exportFixture()).first.items as Json[];
    const orphan = byId(items, ANNOTATIONS[4]!.iri);
    expect(orphan.target).toEqual({
      type: 'SpecificResource',
      source: DOCUMENT.iri,
      selector: {
        type: 'TextQuoteSelector',
        exact: 'a sentence that was removed',
        prefix: 'Once ',
        suffix: ' here',
      },
    });
    expect(byId(items, ANNOTATIONS[0]!.iri).audience).toMatchObject({
      id: 'http://localhost:3000/w/seminar',
      'schema:audienceType': 'workspace',
    });
    const priv = byId(items, ANNOTATIONS[2]!.iri);
    expect(priv.audience).toMatchObject({ id: priv.creator.id, 'schema:audienceType': 'private' });
    expect(priv.creator).toEqual({
      id: 'urn:closeread:user:u_carol',
      type: 'Person',
      name: 'Carol 陈',
    });
  });

  it('exports an empty collection that still validates', async () => {
    const out = JSON.parse(await collect(exportW3c(makeInput([])))) as Json;
    expect(out.total).toBe(0);
    expect(out.first.items).toEqual([]);
    expect(failures(validators.collectionChecks, out)).toEqual([]);
    expect(failures(validators.pageChecks, out)).toEqual([]);
  });
});
