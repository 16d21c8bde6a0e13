/**
 * tune.ts, steps 1 and 2: the logistic calibrations that turn a candidate's features into a
 * confidence, for anchor() (every span) and for reanchor()'s fallback (the spans the diff lost),
 * and anchor()'s orphan threshold.
 */
import { CONTEXT_LENGTH, reanchor } from '../../lib/anchoring';
import { describeWithContext } from '../../lib/anchoring/describe';
import { locate } from '../../lib/anchoring/anchor';
import {
  BOOSTED_INPUTS,
  boostedInputs,
  featureVector,
  type Features,
} from '../../lib/anchoring/calibrate';
import { boostedProbability, type BoostedModel } from '../../lib/anchoring/boosted';
import { fitBoosted, type BoostOptions } from './boosting';
import { hash, type CorpusCase, type CorpusDoc } from './build';
import { acceptable, isFalse, score, type Outcome } from './evaluate';
import { ANCHOR_FALSE_BUDGET, choose, measure, type Measured } from './tune-choice';

/** Plain batch gradient descent with a little L2; features are already on small scales. */
export function fitLogistic(
  xs: number[][],
  ys: number[],
  iters = 4000,
  lr = 0.5,
  l2 = 1e-3,
): number[] {
  const d = xs[0]!.length;
  const w = new Array<number>(d).fill(0);
  for (let it = 0; it < iters; it++) {
    const g = new Array<number>(d).fill(0);
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k]!;
      let z = 0;
      for (let i = 0; i < d; i++) z += w[i]! * x[i]!;
      const err = 1 / (1 + Math.exp(-z)) - ys[k]!;
      for (let i = 0; i < d; i++) g[i]! += err * x[i]!;
    }
    for (let i = 0; i < d; i++) w[i]! -= lr * (g[i]! / xs.length + (i === 0 ? 0 : l2 * w[i]!));
  }
  return w;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * A boosted model without trees: locate() computes the word evidence for it, and the rows never
 * read the shipped model (which may be stale: this is how it gets replaced).
 */
const FEATURES_ONLY: BoostedModel = { inputs: [...BOOSTED_INPUTS], base: 0, trees: [] };

/** anchor()'s best candidate for one corpus case, with the features the calibration reads. */
export type AnchorRow = {
  c: CorpusCase;
  doc: string;
  start: number;
  end: number;
  method: string;
  features: Features | null;
  fixed: number;
};

/**
 * The best candidate of every case (the expensive part: one search per case), from selectors
 * with `context` characters of prefix and suffix (describe()'s by default).
 */
export function anchorRows(docs: CorpusDoc[], context = CONTEXT_LENGTH): AnchorRow[] {
  const rows: AnchorRow[] = [];
  for (const d of docs) {
    for (const c of d.cases) {
      const selector = describeWithContext(d.old, c[0], c[1], context);
      const found = locate(d.new, selector, undefined, undefined, FEATURES_ONLY);
      if (!found) {
        rows.push({ c, doc: d.id, start: -1, end: -1, method: 'none', features: null, fixed: 0 });
        continue;
      }
      rows.push({
        c,
        doc: d.id,
        start: found.start,
        end: found.end,
        method: found.method,
        features: found.features,
        fixed: found.confidence,
      });
    }
  }
  return rows;
}

/** Fits the logistic calibration on `rows`; `conf` scores any row with the fitted weights. */
export function fitAnchor(rows: AnchorRow[]) {
  const train = rows.filter((r) => r.features !== null);
  const xs = train.map((r) => featureVector(r.features!));
  const ys = train.map((r) => (acceptable(r.c, r.start, r.end) ? 1 : 0));
  const weights = fitLogistic(xs, ys).map((w) => Math.round(w * 1e4) / 1e4);
  const conf = (r: AnchorRow): number => {
    if (!r.features) return r.fixed;
    const x = featureVector(r.features);
    return sigmoid(x.reduce((s, v, i) => s + v * weights[i]!, 0));
  };
  return { weights, conf, train };
}

/**
 * Fits the boosted model (anchor() with full contexts, ADR 22) on `rows`, leaving out rewritten
 * spans (less than half kept: null and an overlapping anchor are both acceptable, so they say
 * nothing about what to anchor). Trained on them, the trees learnt that a candidate with one
 * surviving side and few of the quote's words is usually acceptable (a rewrite in place), which
 * is also what a deleted sentence between two surviving ones looks like.
 */
export function fitAnchorBoosted(rows: AnchorRow[], options: Partial<BoostOptions> = {}) {
  const train = rows.filter((r) => r.features !== null && r.c[3] !== 'rewritten');
  const xs = train.map((r) => boostedInputs(r.features!));
  const ys = train.map((r) => (acceptable(r.c, r.start, r.end) ? 1 : 0));
  const model: BoostedModel = fitBoosted(xs, ys, BOOSTED_INPUTS, options);
  const conf = (r: AnchorRow): number =>
    r.features ? boostedProbability(model, boostedInputs(r.features)) : r.fixed;
  return { model, conf, train };
}

/** anchor()'s outcomes on `rows` with confidence `conf` and orphan threshold `t`. */
export function anchorOutcomes(
  rows: AnchorRow[],
  conf: (r: AnchorRow) => number,
  t: number,
): Outcome[] {
  return rows.map((r) => {
    const confidence = r.start >= 0 ? conf(r) : 0;
    return {
      c: r.c,
      doc: r.doc,
      result:
        r.start >= 0 && confidence >= t
          ? { start: r.start, end: r.end, confidence, method: r.method as 'exact' }
          : null,
    };
  });
}

/** Sweeps the orphan threshold over `rows` and chooses one (tune-choice.ts). */
export function chooseAnchorThreshold(rows: AnchorRow[], conf: (r: AnchorRow) => number) {
  const sweep: ({ t: number } & Measured)[] = [];
  for (let t = 0.05; t < 0.99; t += 0.01) {
    const m = score(anchorOutcomes(rows, conf, t));
    sweep.push({ t: Math.round(t * 100) / 100, ...measure(m) });
  }
  return { sweep, best: choose(sweep, ANCHOR_FALSE_BUDGET) };
}

/** Observed acceptability per confidence decile (the calibration check in the tuning report). */
function decilesOf(rows: AnchorRow[], conf: (r: AnchorRow) => number) {
  const scored = rows.filter((r) => r.features !== null);
  return Array.from({ length: 10 }, (_, i) => {
    const inBin = scored.filter((r) => Math.min(9, Math.floor(conf(r) * 10)) === i);
    const ok = inBin.filter((r) => acceptable(r.c, r.start, r.end)).length;
    return {
      bin: `${i / 10}-${(i + 1) / 10}`,
      n: inBin.length,
      observed: inBin.length ? Math.round((1000 * ok) / inBin.length) / 10 : null,
    };
  });
}

function falseByMethodOf(rows: AnchorRow[], conf: (r: AnchorRow) => number, t: number) {
  const out: Record<string, number> = {};
  for (const o of anchorOutcomes(rows, conf, t))
    if (isFalse(o.c, o.result)) out[o.result!.method] = (out[o.result!.method] ?? 0) + 1;
  return out;
}

/** The threshold chosen with confidence `conf`, and what the tuning report shows of it. */
function thresholdReport(rows: AnchorRow[], conf: (r: AnchorRow) => number) {
  const { sweep, best: bestAnchor } = chooseAnchorThreshold(rows, conf);
  return {
    cases: rows.length,
    bestAnchor,
    sweep,
    deciles: decilesOf(rows, conf),
    falseByMethod: falseByMethodOf(rows, conf, bestAnchor.t),
  };
}

/**
 * anchor() on describe()'s selectors: boosted trees fitted on every case's best candidate, and
 * the orphan threshold chosen on out-of-fold confidences (trees fitted without the case's
 * package), which is also what the calibration check reports: in-sample, the trees would vouch
 * for their own training rows (ADR 22).
 */
export function calibrateAnchor(docs: CorpusDoc[], options: Partial<BoostOptions> = {}) {
  const rows = anchorRows(docs);
  const { model } = fitAnchorBoosted(rows, options);
  const oof = outOfFoldConfidence(rows, (train) => fitAnchorBoosted(train, options));
  return { model, ...thresholdReport(rows, oof) };
}

/**
 * anchor() on selectors cut to `context` characters (SHORT_CONTEXT): the logistic calibration
 * and the threshold, both on the same rows (16 weights barely overfit; this reproduces the
 * calibration anchor() used before ADR 21 for such selectors).
 */
export function calibrateAnchorLogistic(docs: CorpusDoc[], context: number) {
  const rows = anchorRows(docs, context);
  const { weights, conf } = fitAnchor(rows);
  return { weights, ...thresholdReport(rows, conf) };
}

/** reanchor()'s fallback: the same model fitted on the selector matches of the spans reaching it. */
export function calibrateFallback(docs: CorpusDoc[]): { weights: number[]; matches: number } {
  // --- reanchor()'s fallback: its own calibration, fitted like anchor()'s but on the selector
  // matches of the spans that reach it (the diff lost them) under the current settings
  // (thresholds.ts): mostly deleted text, unlike anchor()'s population of every span.
  const fallbackXs: number[][] = [];
  const fallbackYs: number[] = [];
  for (const d of docs) {
    const spans = d.cases.map((c) => ({ start: c[0], end: c[1] }));
    reanchor(d.old, d.new, spans, {
      onFallback: (i, found) => {
        if (!found.features) return;
        fallbackXs.push(featureVector(found.features));
        fallbackYs.push(acceptable(d.cases[i]!, found.start, found.end) ? 1 : 0);
      },
    });
  }
  const fallbackWeights = fitLogistic(fallbackXs, fallbackYs).map((w) => Math.round(w * 1e4) / 1e4);
  return { weights: fallbackWeights, matches: fallbackXs.length };
}

/**
 * The fold (0..k-1) of each row: its package's place in hash order, modulo k, so that a
 * package's revisions are never split between training and scoring.
 */
export function packageFolds(rows: AnchorRow[], k: number): (r: AnchorRow) => number {
  // Row ids are '<package>@<from>..<to>:<path>'.
  const packageOf = (r: AnchorRow): string => {
    const pair = r.doc.slice(0, r.doc.indexOf(':'));
    return pair.slice(0, pair.lastIndexOf('@'));
  };
  const packages = [...new Set(rows.map(packageOf))].sort((a, b) => hash(a) - hash(b));
  const foldOf = new Map(packages.map((p, i) => [p, i % k]));
  return (r) => foldOf.get(packageOf(r))!;
}

/**
 * Out-of-fold confidences of `rows` (packageFolds): each fold scored by a model fitted on the
 * others. A flexible model (the boosted trees) is surer of its own training rows than of new
 * documents, so a threshold chosen on in-sample confidences lets through more false anchors
 * than it promises; one chosen on these does not (ADR 22).
 */
export function outOfFoldConfidence(
  rows: AnchorRow[],
  fit: (train: AnchorRow[]) => { conf: (r: AnchorRow) => number },
  k = 5,
): (r: AnchorRow) => number {
  const fold = packageFolds(rows, k);
  const conf = new Map<AnchorRow, number>();
  for (let f = 0; f < k; f++) {
    const model = fit(rows.filter((r) => fold(r) !== f));
    for (const r of rows) if (fold(r) === f) conf.set(r, model.conf(r));
  }
  return (r) => conf.get(r) ?? 0;
}
