/**
 * Fits a boosted ensemble of depth-limited regression trees for binary labels (logistic loss,
 * Newton leaf values, histogram split finding), the model lib/anchoring/boosted.ts evaluates.
 * Deterministic: the same rows and options give the same model.
 *
 * Small on purpose: anchor()'s calibration has ~15,000 rows and 17 inputs; a full trainer (or a
 * dependency on one) would buy nothing here. ADR 22 records the settings and how they were judged.
 */
import type { BoostedModel, BoostedNode } from '../../lib/anchoring/boosted';

export type BoostOptions = {
  trees: number;
  depth: number;
  /** Shrinkage applied to every leaf. */
  rate: number;
  /** Fewest rows a leaf may hold. */
  minLeaf: number;
  /** L2 penalty on leaf values (added to the hessian sum). */
  l2: number;
  /** Most distinct split points per input (quantiles of its values). */
  bins: number;
};

export const BOOST_DEFAULTS: BoostOptions = {
  trees: 200,
  depth: 4,
  rate: 0.05,
  minLeaf: 60,
  l2: 1,
  bins: 255,
};

/** The number with fewest significant digits strictly between lo and hi (their midpoint if none). */
export function shortBetween(lo: number, hi: number): number {
  const mid = (lo + hi) / 2;
  for (let p = 1; p <= 17; p++) {
    const c = Number(mid.toPrecision(p));
    if (lo < c && c < hi) return c;
  }
  return mid;
}

/** Split points of one input: between distinct values (shortest decimals), thinned to quantiles. */
export function splitPoints(values: number[], bins: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const distinct: number[] = [];
  for (const v of sorted)
    if (distinct.length === 0 || distinct[distinct.length - 1] !== v) distinct.push(v);
  const mids: number[] = [];
  for (let i = 0; i + 1 < distinct.length; i++)
    mids.push(shortBetween(distinct[i]!, distinct[i + 1]!));
  if (mids.length <= bins - 1) return mids;
  const out: number[] = [];
  for (let k = 1; k < bins; k++) {
    // The midpoint just above the k-th quantile of the rows (not of the distinct values).
    const q = sorted[Math.floor((k * sorted.length) / bins)]!;
    const m = mids.find((x) => x > q);
    if (m !== undefined && out[out.length - 1] !== m) out.push(m);
  }
  return out;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function fitBoosted(
  xs: number[][],
  ys: number[],
  inputs: readonly string[],
  options: Partial<BoostOptions> = {},
): BoostedModel {
  const o = { ...BOOST_DEFAULTS, ...options };
  const n = xs.length;
  const d = inputs.length;
  const points = Array.from({ length: d }, (_, j) =>
    splitPoints(
      xs.map((x) => x[j]!),
      o.bins,
    ),
  );
  // binned[j][i]: how many split points of input j lie below row i's value.
  const binned = points.map((pts, j) => {
    const b = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      const v = xs[i]![j]!;
      let lo = 0;
      let hi = pts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pts[mid]! < v) lo = mid + 1;
        else hi = mid;
      }
      b[i] = lo;
    }
    return b;
  });
  const positives = ys.reduce((s, y) => s + y, 0);
  const rate0 = Math.min(1 - 1e-6, Math.max(1e-6, positives / n));
  const base = Math.log(rate0 / (1 - rate0));
  const score = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const trees: BoostedNode[][] = [];

  for (let t = 0; t < o.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(score[i]!);
      g[i] = p - ys[i]!;
      h[i] = Math.max(p * (1 - p), 1e-9);
    }
    const nodes: BoostedNode[] = [];
    const grow = (rows: Int32Array, depth: number): number => {
      const at = nodes.length;
      nodes.push([0]);
      let G = 0;
      let H = 0;
      for (const i of rows) {
        G += g[i]!;
        H += h[i]!;
      }
      const leaf = (): number => {
        const v = (-o.rate * G) / (H + o.l2);
        nodes[at] = [Math.round(v * 1e6) / 1e6];
        for (const i of rows) score[i]! += nodes[at]![0];
        return at;
      };
      if (depth === o.depth || rows.length < 2 * o.minLeaf) return leaf();
      const parent = (G * G) / (H + o.l2);
      let best = { gain: 1e-9, j: -1, k: -1 };
      for (let j = 0; j < d; j++) {
        const nb = points[j]!.length + 1;
        if (nb < 2) continue;
        const hg = new Float64Array(nb);
        const hh = new Float64Array(nb);
        const hc = new Int32Array(nb);
        const bj = binned[j]!;
        for (const i of rows) {
          const b = bj[i]!;
          hg[b]! += g[i]!;
          hh[b]! += h[i]!;
          hc[b]!++;
        }
        let gl = 0;
        let hl = 0;
        let cl = 0;
        for (let k = 0; k < nb - 1; k++) {
          gl += hg[k]!;
          hl += hh[k]!;
          cl += hc[k]!;
          if (cl < o.minLeaf) continue;
          if (rows.length - cl < o.minLeaf) break;
          const gr = G - gl;
          const hr = H - hl;
          const gain = (gl * gl) / (hl + o.l2) + (gr * gr) / (hr + o.l2) - parent;
          if (gain > best.gain) best = { gain, j, k };
        }
      }
      if (best.j < 0) return leaf();
      const bj = binned[best.j]!;
      const left = rows.filter((i) => bj[i]! <= best.k);
      const right = rows.filter((i) => bj[i]! > best.k);
      const threshold = points[best.j]![best.k]!;
      const l = grow(left, depth + 1);
      const r = grow(right, depth + 1);
      nodes[at] = [best.j, threshold, l, r];
      return at;
    };
    grow(
      Int32Array.from({ length: n }, (_, i) => i),
      0,
    );
    trees.push(nodes);
  }
  return { inputs: [...inputs], base: Math.round(base * 1e6) / 1e6, trees };
}
