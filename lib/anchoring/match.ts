/**
 * Selector matching on a folded document: exact occurrences first (scored by context and
 * position), then a seeded, bounded fuzzy search. Works in folded coordinates; the caller maps
 * results back to the original string.
 */
import type { Features } from './calibrate';
import type { Normalised } from './normalise';
import { align } from './quote-align';
import { existingIndexOf, forEachHit, occurrencesOf, Q, qgramIndexOf } from './qgram';
import { adjacentRun, confidence, contextRun, contextScore, proximity } from './score';
import { rareWordRecall } from './words';

export type Candidate = {
  a: number;
  b: number;
  /** Heuristic score used for ranking; calibrated later. */
  confidence: number;
  rank: number;
  fuzzy: boolean;
  features: Features;
};

export type Query = {
  quote: string;
  prefix: string;
  suffix: string;
  /** Expected start in folded coordinates, if known. */
  hint: number | null;
  /**
   * Fuzzy: align only windows whose seed votes reach this share of the quote's sampled seeds.
   * Callers that accept nothing but near-verbatim matches skip hopeless windows cheaply.
   */
  minVoteShare?: number;
};

let votesShared = new Int32Array(0);

/** A zeroed vote array of at least `size` entries, reused across searches (callers re-zero it). */
function voteBuffer(size: number): Int32Array {
  if (votesShared.length < size) votesShared = new Int32Array(size);
  return votesShared;
}

/** Exact occurrences beyond this many are pre-filtered by the cheap contiguous-context score. */
const FULL_SCORE_LIMIT = 16;
/** Context characters compared per side in the cheap pre-filter. */
const QUICK_CONTEXT = 64;
/** Fuzzy: largest seed bucket still considered informative. */
const MAX_SEED_HITS = 400;
/**
 * Fuzzy: context characters per side whose q-grams vote for a window (the nearest). Seeded from
 * all 128 of describe()'s, repeated boilerplate outvoted the right window (ADR 21).
 */
const SEED_CONTEXT = 64;
/** Fuzzy: windows verified per lookup. */
const MAX_WINDOWS = 4;

export function bestExact(n: Normalised, q: Query): Candidate | null {
  const text = n.norm;
  const m = q.quote.length;
  const occ = occurrencesOf(text, q.quote, existingIndexOf(n));
  if (occ.length === 0) return null;
  let pool = occ;
  if (occ.length > FULL_SCORE_LIMIT) {
    const quickPrefix = q.prefix.slice(-QUICK_CONTEXT);
    const quickSuffix = q.suffix.slice(0, QUICK_CONTEXT);
    // O(occurrences x context length), no sorting: keep the top few by contiguous context and
    // the few nearest the expected position for the full (edit distance) scoring.
    pool = topK(
      occ,
      FULL_SCORE_LIMIT - 4,
      (a) =>
        contextRun(text, a, quickPrefix, -1) +
        contextRun(text, a + m, quickSuffix, 1) +
        proximity(a, q.hint) * 100,
    );
    if (q.hint !== null) {
      const hint = q.hint;
      for (const a of topK(occ, 4, (x) => -Math.abs(x - hint))) if (!pool.includes(a)) pool.push(a);
    }
  }
  let best: Candidate | null = null;
  let runnerUp = 0;
  for (const a of pool) {
    const ctx = contextScore(text, a, a + m, q.prefix, q.suffix);
    const conf = confidence(1, m, ctx.mean);
    const rank = rankOf(conf, text, a, a + m, q);
    const features: Features = {
      quoteSim: 1,
      length: m,
      ctxMean: ctx.mean,
      ctxBest: ctx.best,
      occurrences: occ.length,
      runnerUp: 0,
      exact: true,
      prefixRun: 0,
      suffixRun: 0,
      distance: 0,
    };
    if (!best || rank > best.rank) {
      if (best) runnerUp = Math.max(runnerUp, best.confidence);
      best = { a, b: a + m, confidence: conf, rank, fuzzy: false, features };
    } else runnerUp = Math.max(runnerUp, conf);
  }
  if (best) finish(best, text, q, runnerUp);
  return best;
}

/**
 * Rank of candidate [a, b) with heuristic confidence `conf`: exact copies and fuzzy windows are
 * ranked alike (locate() compares the best of each by it), with the verbatim adjacent context
 * and the proximity to the expected position on top (ADR 23).
 */
function rankOf(conf: number, text: string, a: number, b: number, q: Query): number {
  return conf + adjacentRun(text, a, b, q.prefix, q.suffix) + proximity(a, q.hint);
}

function finish(best: Candidate, text: string, q: Query, runnerUp: number): void {
  best.features.runnerUp = runnerUp;
  best.features.prefixRun = contextRun(text, best.a, q.prefix, -1);
  best.features.suffixRun = contextRun(text, best.b, q.suffix, 1);
  best.features.distance =
    q.hint === null ? 0.5 : Math.min(1, Math.abs(best.a - q.hint) / Math.max(1, text.length));
}

/** The k items with the highest score, in one pass (k is small). */
function topK(items: number[], k: number, score: (x: number) => number): number[] {
  const keep: number[] = [];
  const scores: number[] = [];
  for (const x of items) {
    const sc = score(x);
    if (keep.length === k && sc <= scores[k - 1]!) continue;
    let i = Math.min(keep.length, k - 1);
    while (i > 0 && scores[i - 1]! < sc) i--;
    keep.splice(i, 0, x);
    scores.splice(i, 0, sc);
    if (keep.length > k) {
      keep.pop();
      scores.pop();
    }
  }
  return keep;
}

export function bestFuzzy(n: Normalised, q: Query): Candidate | null {
  const text = n.norm;
  const m = q.quote.length;
  if (text.length < Q) return null;
  const idx = qgramIndexOf(n);
  // Votes per diagonal bin in a reused typed array (a Map here cost more than the alignments
  // when a document was rewritten and every span fell back to this search).
  const BIN = 16;
  const base = Math.ceil((m + 2 * Q + q.prefix.length + q.suffix.length) / BIN) + 2;
  const votes = voteBuffer(2 * base + Math.ceil(text.length / BIN));
  const touched: number[] = [];
  const vote = (pattern: string, at: number, offset: number): void => {
    if (at < 0 || at + Q > pattern.length) return;
    forEachHit(idx, text, pattern, at, MAX_SEED_HITS, (pos) => {
      const k = base + Math.floor((pos - offset) / BIN);
      const c = votes[k]!;
      if (c === 0) touched.push(k);
      votes[k] = c + 1;
    });
  };
  const seeds = Math.max(0, m - Q + 1);
  const stride = Math.max(1, Math.floor(seeds / 64));
  for (let i = 0; i < seeds; i += stride) vote(q.quote, i, i);
  const p = q.prefix.slice(-SEED_CONTEXT);
  const sfx = q.suffix.slice(0, SEED_CONTEXT);
  for (let i = 0; i + Q <= p.length; i += 2) vote(p, i, i - p.length);
  for (let i = 0; i + Q <= sfx.length; i += 2) vote(sfx, i, m + i);
  if (touched.length === 0) return null;

  const sampled = Math.ceil(seeds / stride);
  const minVotes = Math.max(
    Math.min(3, Math.max(1, Math.floor(seeds / 8))),
    (q.minVoteShare ?? 0) * sampled,
  );
  const scored: { bin: number; v: number }[] = [];
  for (const k of touched) {
    const v = votes[k]! + 0.5 * (votes[k - 1]! + votes[k + 1]!);
    if (v >= minVotes) scored.push({ bin: k - base, v });
  }
  for (const k of touched) votes[k] = 0;
  scored.sort((x, y) => y.v - x.v);
  const slack = 16 + Math.ceil(m * 0.25);
  let best: Candidate | null = null;
  let runnerUp = 0;
  const tried: number[] = [];
  for (const { bin, v } of scored) {
    if (tried.length >= MAX_WINDOWS || v < minVotes) break;
    const d = bin * BIN;
    if (tried.some((t) => Math.abs(t - d) < slack)) continue;
    tried.push(d);
    const w0 = Math.max(0, d - slack);
    const w1 = Math.min(text.length, d + m + slack + BIN);
    if (w1 - w0 < Math.min(m, Q)) continue;
    const al = align(text, w0, w1, q.quote);
    if (!al) continue;
    const ctx = contextScore(text, al.a, al.b, q.prefix, q.suffix);
    const conf = confidence(al.sim, m, ctx.mean);
    const rank = rankOf(conf, text, al.a, al.b, q);
    const features: Features = {
      quoteSim: al.sim,
      length: m,
      ctxMean: ctx.mean,
      ctxBest: ctx.best,
      occurrences: 0,
      runnerUp: 0,
      exact: false,
      prefixRun: 0,
      suffixRun: 0,
      distance: 0,
    };
    if (!best || rank > best.rank) {
      if (best) runnerUp = Math.max(runnerUp, best.confidence);
      best = { a: al.a, b: al.b, confidence: conf, rank, fuzzy: true, features };
    } else runnerUp = Math.max(runnerUp, conf);
  }
  if (best) {
    finish(best, text, q, runnerUp);
    best.features.rareWords = rareWordRecall(n, q.quote, best.a, best.b);
  }
  return best;
}
