import { exportCsv, exportW3c } from '@/lib/export';
import type { ExportAnnotation } from '@/lib/export/types';
import { ANNOTATIONS, DOCUMENT } from '../../fixtures/export/bundle';
import { parseCsv } from './csv-parse';
import { failures, makeValidators } from './w3c-schema';

const N = 20_000;

/** Lazily generated annotations; `pulled.count` says how far the consumer has read. */
function generate(pulled: { count: number }) {
  const base = ANNOTATIONS[0]!;
  return (async function* (): AsyncGenerator<ExportAnnotation> {
    for (let i = 0; i < N; i++) {
      pulled.count++;
      yield {
        ...base,
        id: `g${i}`,
        iri: `${DOCUMENT.iri}#annotation-g${i}`,
        comments:
          i % 2 === 0
            ? []
            : [
                {
                  id: `gc${i}`,
                  iri: `${DOCUMENT.iri}#comment-gc${i}`,
                  parentId: null,
                  authorId: 'u1',
                  authorName: 'Gen, "the" generator',
                  createdAt: base.createdAt,
                  editedAt: null,
                  deleted: false,
                  hidden: false,
                  html: `<p>comment ${i}</p>`,
                  text: `comment ${i}, with comma`,
                },
              ],
      };
    }
  })();
}

const input = (pulled: { count: number }) => ({
  document: DOCUMENT,
  annotations: generate(pulled),
  generatedAt: new Date('2024-04-01T00:00:00Z'),
});

describe('streaming large exports', () => {
  it('CSV: 20,000 annotations, one row each, pulled lazily', async () => {
    const pulled = { count: 0 };
    const gen = exportCsv(input(pulled));
    const header = await gen.next();
    expect(pulled.count).toBe(0);
    const first = await gen.next();
    expect(pulled.count).toBe(1);
    let text = `${header.value as string}${first.value as string}`;
    let chunks = 2;
    for await (const chunk of gen) {
      text += chunk;
      chunks++;
    }
    expect(chunks).toBe(N + 1);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(N + 1);
    expect(rows[N]![13]).toBe(`comment ${N - 1}, with comma`);
  });

  it('W3C: 20,000 annotations, total matches and the output parses', async () => {
    const pulled = { count: 0 };
    const gen = exportW3c(input(pulled));
    let text = (await gen.next()).value as string;
    expect(pulled.count).toBe(0);
    text += (await gen.next()).value as string;
    expect(pulled.count).toBe(1);
    for await (const chunk of gen) text += chunk;
    const out = JSON.parse(text);
    expect(out.total).toBe(N);
    expect(out.first.items).toHaveLength(N);
    const { annotationChecks } = makeValidators();
    for (const item of out.first.items.slice(0, 4)) {
      expect(failures(annotationChecks, item)).toEqual([]);
    }
  });
});
