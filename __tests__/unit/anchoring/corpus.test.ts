/**
 * Quality on the held-out half of the corpus (real README/docs revisions of npm packages,
 * never used to choose thresholds). Hard assertions are regression floors at what the engine
 * measurably achieves; the targets that are not reached yet are recorded as
 * `test.failing`, so the gap stays visible and the test flips when a target is met.
 */
import {
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
  { metric: 'intactExact', target: 99.3, floor: 98.1, higherIsBetter: true, knownGap: true },
  { metric: 'orphanRecall', target: 80, floor: 97.2, higherIsBetter: true },
  { metric: 'editedOverlap', target: 88, floor: 66, higherIsBetter: true, knownGap: true },
  { metric: 'falseAnchors', target: 2, floor: 1.6, higherIsBetter: false },
];
const REANCHOR: Target[] = [
  { metric: 'intactExact', target: 99.8, floor: 99.3, higherIsBetter: true, knownGap: true },
  { metric: 'orphanRecall', target: 95, floor: 98, higherIsBetter: true },
  { metric: 'editedOverlap', target: 95, floor: 80, higherIsBetter: true, knownGap: true },
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
