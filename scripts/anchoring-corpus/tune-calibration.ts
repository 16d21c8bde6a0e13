/**
 * tune.ts, steps 1 and 2: the logistic calibrations that turn a candidate's features into a
 * confidence, for anchor() (every span) and for reanchor()'s fallback (the spans the diff lost),
 * and anchor()'s orphan threshold.
 */
import { CONTEXT_LENGTH, reanchor } from '../../lib/anchoring';
import { describeWithContext } from '../../lib/anchoring/describe';
import { locate } from '../../lib/anchoring/anchor';
import { featureVector, type Features } from '../../lib/anchoring/calibrate';
import type { CorpusCase, CorpusDoc } from './build';
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
      const found = locate(d.new, describeWithContext(d.old, c[0], c[1], context));
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

/**
 * anchor(): calibration fitted on every case's best candidate, then the orphan threshold, for
 * selectors with `context` characters of context.
 */
export function calibrateAnchor(docs: CorpusDoc[], context = CONTEXT_LENGTH) {
  const rows = anchorRows(docs, context);
  const { weights, conf, train } = fitAnchor(rows);
  const { sweep, best: bestAnchor } = chooseAnchorThreshold(rows, conf);

  // Calibration check: observed acceptability per confidence decile.
  const deciles = Array.from({ length: 10 }, (_, i) => {
    const inBin = train.filter((r) => Math.min(9, Math.floor(conf(r) * 10)) === i);
    const ok = inBin.filter((r) => acceptable(r.c, r.start, r.end)).length;
    return {
      bin: `${i / 10}-${(i + 1) / 10}`,
      n: inBin.length,
      observed: inBin.length ? Math.round((1000 * ok) / inBin.length) / 10 : null,
    };
  });

  const falseByMethod: Record<string, number> = {};
  for (const o of anchorOutcomes(rows, conf, bestAnchor.t))
    if (isFalse(o.c, o.result))
      falseByMethod[o.result!.method] = (falseByMethod[o.result!.method] ?? 0) + 1;

  return { cases: rows.length, weights, bestAnchor, sweep, deciles, falseByMethod };
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
