/**
 * Quality on the held-out half of the corpus (real README/docs revisions of npm packages,
 * never used to choose thresholds). Hard assertions are regression floors at what the engine
 * measurably achieves; the targets that are not reached yet are recorded as
 * `test.failing`, so the gap stays visible and the test flips when a target is met.
 */
import { anchor, describe as describeSpan, reanchor } from '@/lib/anchoring';
import {
  type Outcome,
  acceptable,
  loadCorpus,
  rates,
  runAnchor,
  runReanchor,
  score,
} from '@/scripts/anchoring-corpus/evaluate';

const docs = loadCorpus('heldout');
const anchorRates = rates(score(runAnchor(docs)));
const reanchorRates = rates(score(runReanchor(docs)));

type Rates = typeof anchorRates;
type Target = {
  metric: keyof Rates;
  /** The target. */
  target: number;
  /** Regression floor: a little below what the engine measures today. */
  floor: number;
  higherIsBetter: boolean;
  /** Target not reached yet (see docs/adr/0003-anchoring.md): recorded with test.failing. */
  knownGap?: boolean;
};

const ANCHOR: Target[] = [
  { metric: 'intactExact', target: 99.3, floor: 98, higherIsBetter: true, knownGap: true },
  { metric: 'orphanRecall', target: 80, floor: 98.5, higherIsBetter: true },
  { metric: 'editedOverlap', target: 88, floor: 76, higherIsBetter: true, knownGap: true },
  { metric: 'falseAnchors', target: 2, floor: 1.2, higherIsBetter: false },
];
const REANCHOR: Target[] = [
  { metric: 'intactExact', target: 99.8, floor: 99.3, higherIsBetter: true, knownGap: true },
  { metric: 'orphanRecall', target: 95, floor: 98, higherIsBetter: true },
  { metric: 'editedOverlap', target: 95, floor: 85, higherIsBetter: true, knownGap: true },
  { metric: 'falseAnchors', target: 0.5, floor: 1, higherIsBetter: false, knownGap: true },
];

const meets = (value: number, bound: number, higher: boolean): boolean =>
  higher ? value >= bound : value <= bound;

describe.each([
  ['anchor', anchorRates, ANCHOR],
  ['reanchor', reanchorRates, REANCHOR],
] as const)('held-out corpus: %s', (_name, measured, targets) => {
  it('has enough cases to measure', () => {
    expect(docs.length).toBeGreaterThanOrEqual(15);
    expect(docs.reduce((s, d) => s + d.cases.length, 0)).toBeGreaterThanOrEqual(2000);
  });

  for (const t of targets) {
    const dir = t.higherIsBetter ? '>=' : '<=';
    it(`${t.metric} ${dir} regression floor ${t.floor} %`, () => {
      expect(meets(measured[t.metric], t.floor, t.higherIsBetter)).toBe(true);
    });
    const label = `${t.metric} ${dir} issue target ${t.target} %`;
    const check = (): void =>
      expect(meets(measured[t.metric], t.target, t.higherIsBetter)).toBe(true);
    if (t.knownGap) it.failing(label, check);
    else it(label, check);
  }
});

describe('held-out corpus: anchor() on selectors with less context (other tools, older exports)', () => {
  // describe() keeps 128 characters; Hypothesis keeps 32 and Closeread kept 64 before ADR 21.
  // Such selectors have their own calibration and threshold (SHORT_CALIBRATION), so they must
  // stay within the false-anchor budget and find what they found before (ADR 21).
  const cut = (n: number) => {
    const out: Outcome[] = [];
    for (const d of docs) {
      for (const c of d.cases) {
        const sel = describeSpan(d.old, c[0], c[1]);
        sel.quote.prefix = sel.quote.prefix.slice(-n);
        sel.quote.suffix = sel.quote.suffix.slice(0, n);
        out.push({ c, doc: d.id, result: anchor(d.new, sel) });
      }
    }
    return rates(score(out));
  };

  it.each([
    [32, 96.5, 2],
    [64, 97, 1.5],
  ])('%i characters: intact exact >= %d %, false anchors <= %d %', (n, intact, falseMax) => {
    const r = cut(n);
    expect(r.intactExact).toBeGreaterThanOrEqual(intact);
    expect(r.falseAnchors).toBeLessThanOrEqual(falseMax);
  });
});

describe('held-out corpus: confidence of anchor()', () => {
  // anchor()'s confidence comes from boosted trees fitted on the tuning half (ADR 22); on held-out
  // documents it should still read as the chance that the candidate is acceptable. Every case's
  // best candidate (threshold 0), except unchanged positions (confidence 1 by construction).
  const bins = calibrationBins();
  for (const o of runAnchor(docs, 0)) {
    const r = o.result;
    if (r && r.method !== 'position') bins.add(r.confidence, acceptable(o.c, r.start, r.end));
  }
  itReadsAsProbability(bins);
});

describe('held-out corpus: confidence of reanchor()’s fallback matches', () => {
  // The fallback (selector matching for spans the diff lost) has its own calibration, fitted on
  // the tuning half's fallback matches (calibrate.ts). On held-out documents a match's
  // confidence should still read as the chance that it is acceptable.
  const bins = calibrationBins();
  for (const d of docs) {
    reanchor(
      d.old,
      d.new,
      d.cases.map((c) => ({ start: c[0], end: c[1] })),
      {
        onFallback: (i, found) => {
          bins.add(found.confidence, acceptable(d.cases[i]!, found.start, found.end));
        },
      },
    );
  }
  itReadsAsProbability(bins);
});

/** Confidence bins 0–0.3, 0.3–0.7, 0.7–1: how many fell in each, their mean, and how many were right. */
function calibrationBins() {
  const all = [0, 0.3, 0.7].map((lo, i, los) => ({
    lo,
    hi: los[i + 1] ?? 1.01,
    n: 0,
    predicted: 0,
    observed: 0,
  }));
  return {
    all,
    add(confidence: number, ok: boolean): void {
      const bin = all.find((b) => confidence >= b.lo && confidence < b.hi)!;
      bin.n++;
      bin.predicted += confidence;
      if (ok) bin.observed++;
    },
  };
}

/** Each bin's observed acceptable share is within 0.15 of its mean confidence. */
function itReadsAsProbability(bins: ReturnType<typeof calibrationBins>): void {
  it.each(bins.all.map((b) => [`${b.lo}–${Math.min(1, b.hi)}`, b] as const))(
    'confidence %s: observed acceptable share within 0.15 of the mean confidence',
    (_label, bin) => {
      expect(bin.n).toBeGreaterThanOrEqual(30);
      expect(Math.abs(bin.observed / bin.n - bin.predicted / bin.n)).toBeLessThanOrEqual(0.15);
    },
  );
}
