/**
 * anchor()'s boosted calibration (ADR 22): evaluating a model (lib/anchoring/boosted.ts), the
 * check that rejects a stale model file, the word evidence it reads (evidence.ts), and the
 * trainer tune.ts fits it with (scripts/anchoring-corpus/boosting.ts).
 */
import { boostedLogOdds, boostedProbability, type BoostedModel } from '@/lib/anchoring/boosted';
import { anchorModel, checkedModel } from '@/lib/anchoring/anchor-model';
import { BOOSTED_INPUTS } from '@/lib/anchoring/calibrate';
import { wordEvidence } from '@/lib/anchoring/evidence';
import { fitBoosted, shortBetween, splitPoints } from '../../../scripts/anchoring-corpus/boosting';
import { packageFolds, type AnchorRow } from '../../../scripts/anchoring-corpus/tune-calibration';

describe('boostedLogOdds', () => {
  // Tree 1 splits input 0 at 0.5; tree 2 is a single leaf.
  const model: BoostedModel = {
    inputs: ['a', 'b'],
    base: -1,
    trees: [[[0, 0.5, 1, 2], [0.25], [2]], [[0.5]]],
  };

  it('adds the base and one leaf per tree, going left when the input is at most the threshold', () => {
    expect(boostedLogOdds(model, [0.2, 9])).toBeCloseTo(-1 + 0.25 + 0.5);
    expect(boostedLogOdds(model, [0.5, 9])).toBeCloseTo(-1 + 0.25 + 0.5);
    expect(boostedLogOdds(model, [0.51, 9])).toBeCloseTo(-1 + 2 + 0.5);
    expect(boostedProbability(model, [0.51, 9])).toBeCloseTo(1 / (1 + Math.exp(-1.5)));
  });

  it('the shipped model reads the inputs calibrate.ts produces and gives probabilities', () => {
    expect(anchorModel().inputs).toEqual([...BOOSTED_INPUTS]);
    expect(anchorModel().trees.length).toBeGreaterThan(0);
    const p = boostedProbability(
      anchorModel(),
      BOOSTED_INPUTS.map(() => 0.5),
    );
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });

  it('a model fitted on other inputs is refused, not used', () => {
    expect(() => checkedModel({ ...anchorModel(), inputs: ['quoteSim'] })).toThrow(/rerun tune/);
    expect(() => checkedModel({ inputs: [...BOOSTED_INPUTS] })).toThrow();
    expect(checkedModel(anchorModel())).toBe(anchorModel());
  });
});

describe('wordEvidence', () => {
  const text =
    'The council met on Monday. It discussed the harbour lights and the ferry timetable.';
  const quote = 'discussed the harbour lights';
  const prefix = 'The council met on Monday. It ';
  const suffix = ' and the ferry timetable.';

  it('is full where the quote and its context words are', () => {
    const a = text.indexOf(quote);
    const e = wordEvidence(text, quote, prefix, suffix, a, a + quote.length);
    expect(e).toMatchObject({
      windowRatio: 1,
      quoteWords: 1,
      quotePairs: 1,
      contextWords: 1,
      nearContextWords: 1,
      splitEnds: 0,
    });
    expect(e.contextsMeet).toBeLessThan(0.5);
  });

  it("sees the contexts meet inside a candidate that took a deleted span's neighbour", () => {
    // The quote was deleted; its prefix and suffix now touch, and the candidate is the suffix.
    const revised = prefix + suffix.trimStart();
    const a = prefix.length;
    const e = wordEvidence(revised, quote, prefix, suffix, a, revised.length);
    expect(e.contextsMeet).toBeGreaterThan(0.9);
  });

  it('is low on other words, and counts ends that cut a word', () => {
    const a = text.indexOf('ferry') + 2; // 'rry': cuts 'ferry' on the left only
    const e = wordEvidence(text, quote, prefix, suffix, a, a + 3);
    expect(e.quoteWords).toBe(0);
    expect(e.quotePairs).toBeLessThan(0.3);
    expect(e.splitEnds).toBe(1);
    expect(e.windowRatio).toBeCloseTo(3 / quote.length);
  });

  it('says -1 when the quote has no words to look for', () => {
    const e = wordEvidence('a -- b', '--', 'a ', ' b', 2, 4);
    expect(e.quoteWords).toBe(-1);
    expect(e.quotePairs).toBe(1);
  });
});

describe('fitBoosted', () => {
  // XOR of two inputs with noise-free labels: no single linear boundary separates it.
  const xs: number[][] = [];
  const ys: number[] = [];
  for (let i = 0; i < 400; i++) {
    const a = (i * 37) % 100;
    const b = (i * 61) % 100;
    xs.push([a, b, i % 7]);
    ys.push(a < 50 !== b < 50 ? 1 : 0);
  }
  const options = { trees: 40, depth: 2, rate: 0.3, minLeaf: 10 };

  it('learns an interaction a logistic model cannot', () => {
    const model = fitBoosted(xs, ys, ['a', 'b', 'noise'], options);
    const wrong = xs.filter((x, i) => boostedProbability(model, x) >= 0.5 !== (ys[i] === 1));
    expect(wrong.length).toBeLessThan(xs.length * 0.02);
    expect(boostedProbability(model, [10, 90, 0])).toBeGreaterThan(0.9);
    expect(boostedProbability(model, [90, 90, 0])).toBeLessThan(0.1);
  });

  it('trains with the rule it predicts by (at most the threshold goes left)', () => {
    // Two distinct values: the only split point sits between them, so a partition that put
    // the lower value's rows on the wrong side would leave the model guessing the base rate.
    const flags = xs.map((_, i) => [i % 2]);
    const labels = flags.map(([v]) => v!);
    const model = fitBoosted(flags, labels, ['flag'], options);
    expect(boostedProbability(model, [0])).toBeLessThan(0.1);
    expect(boostedProbability(model, [1])).toBeGreaterThan(0.9);
  });

  it('is deterministic and keeps every leaf at least minLeaf rows', () => {
    const one = fitBoosted(xs, ys, ['a', 'b', 'noise'], options);
    const two = fitBoosted(xs, ys, ['a', 'b', 'noise'], options);
    expect(two).toEqual(one);
    for (const tree of one.trees) {
      const reached = new Map<number, number>();
      for (const x of xs) {
        let at = 0;
        let node = tree[0]!;
        while (node.length === 4) {
          at = x[node[0]]! <= node[1] ? node[2] : node[3];
          node = tree[at]!;
        }
        reached.set(at, (reached.get(at) ?? 0) + 1);
      }
      for (const n of reached.values()) expect(n).toBeGreaterThanOrEqual(options.minLeaf);
    }
  });

  it('starts from the base rate and stays there when nothing separates the labels', () => {
    const flat = fitBoosted(
      xs.map(() => [1, 1]),
      ys,
      ['a', 'b'],
      options,
    );
    const rate = ys.reduce((s, y) => s + y, 0) / ys.length;
    expect(boostedProbability(flat, [1, 1])).toBeCloseTo(rate, 2);
    expect(flat.trees.every((t) => t.length === 1)).toBe(true);
  });
});

describe('split points', () => {
  it('lie strictly between neighbouring distinct values, in the fewest digits', () => {
    expect(shortBetween(0.123456, 0.2)).toBe(0.16);
    expect(shortBetween(1, 2)).toBe(1.5);
    expect(shortBetween(0.1, 0.100001)).toBeGreaterThan(0.1);
    expect(shortBetween(0.1, 0.100001)).toBeLessThan(0.100001);
    expect(splitPoints([3, 1, 2, 2, 1], 255)).toEqual([1.5, 2.5]);
  });

  it('are thinned to quantiles when an input has more distinct values than bins', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i);
    const pts = splitPoints(values, 10);
    expect(pts.length).toBeLessThanOrEqual(9);
    expect(pts.length).toBeGreaterThan(5);
    for (let i = 1; i < pts.length; i++) expect(pts[i]!).toBeGreaterThan(pts[i - 1]!);
  });
});

describe('packageFolds', () => {
  const row = (doc: string) => ({ doc }) as unknown as AnchorRow;
  const rows = [
    'ajv@4.11.8..5.5.2:README.md',
    'ajv@5.5.2..6.12.6:README.md',
    '@asciidoctor/reveal.js@3.1.0..4.0.1:README.adoc',
    'npm@7.24.2..8.19.4:docs/content/commands/npm-install.md',
    'npm@8.19.4..10.9.2:docs/content/using-npm/scripts.md',
  ].map(row);

  it("keeps a package's revisions in one fold, scoped names included", () => {
    const fold = packageFolds(rows, 2);
    expect(fold(rows[0]!)).toBe(fold(rows[1]!));
    expect(fold(rows[3]!)).toBe(fold(rows[4]!));
    expect(new Set(rows.map(fold)).size).toBe(2);
    expect(packageFolds(rows, 3)(rows[2]!)).toBeGreaterThanOrEqual(0);
  });
});

describe('a stale anchor-model.json', () => {
  it('fails anchor() loudly but not the tuning rows that replace it', () => {
    jest.isolateModules(() => {
      jest.doMock('@/lib/anchoring/anchor-model.json', () => ({
        inputs: ['an', 'older', 'input', 'list'],
        base: 0,
        trees: [],
      }));
      /* eslint-disable @typescript-eslint/no-require-imports */
      const { anchor, describe: describeSpan } = require('@/lib/anchoring');
      const { anchorRows } = require('../../../scripts/anchoring-corpus/tune-calibration');
      /* eslint-enable @typescript-eslint/no-require-imports */
      // Contexts longer than SHORT_CONTEXT, so anchor() scores with the boosted model.
      const old =
        'The harbour master kept a ledger of every ship that entered after dark, and the ' +
        'council read it aloud each spring, arguing over the lanterns and the cost of oil.';
      const revised = old.replace('every ship', 'each vessel');
      const start = old.indexOf('ledger');
      const sel = describeSpan(old, start, start + 6);
      expect(() => anchor(revised, sel)).toThrow(/rerun tune/);
      const doc = {
        id: 'x@1..2:README.md',
        package: 'x',
        path: 'README.md',
        from: '1',
        to: '2',
        old,
        new: revised,
        cases: [[start, start + 6, 'word', 'intact', start, start + 6]],
      };
      const [row] = anchorRows([doc]);
      expect(row.start).toBe(start);
      expect(row.features.evidence.quoteWords).toBe(1);
    });
  });
});
