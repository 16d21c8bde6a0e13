/**
 * Scoring of a candidate location. Confidence combines how much of the quote was found with how
 * well the surrounding context agrees; how much context must agree depends on quote length,
 * because a 3-letter quote matches by chance all over a document and a 200-letter one does not.
 */
import { leastLastRow, patternBlocks } from './myers-blocks';

/** Context similarity of random prose is not 0; scores below this edit similarity count as 0. */
const CONTEXT_BASELINE = 0.35;
/** Quote length (folded chars) at which the quote alone and the context weigh the same. */
const HALF_EVIDENCE_LENGTH = 24;
/** Weight of a missing context side (quote at the start/end of the original document). */
const EMPTY_CONTEXT_WEIGHT = 8;

/**
 * Edit similarity of `ctx` against the text that touches `at` in direction dir (-1: ctx must end
 * at `at`; +1: ctx must start at `at`), letting the far end float: 1 - (least edit distance of
 * ctx to any run of text starting at `at`, read away from the quote) / |ctx|. Contexts up to 256
 * characters (all selector contexts) use bit-parallel edit distance: two words up to 64
 * characters, O(|ctx| + slack); one word per 32 characters beyond.
 */
export function contextSimilarity(text: string, at: number, ctx: string, dir: -1 | 1): number {
  const m = ctx.length;
  if (m === 0) return (dir < 0 ? at === 0 : at === text.length) ? 1 : 0.3;
  const avail = dir < 0 ? at : text.length - at;
  const w = Math.min(avail, m + 8);
  if (w === 0) return 0;
  const best =
    m <= 64
      ? leastDistanceBits(text, at, ctx, dir, w)
      : m <= 32 * MAX_WORDS
        ? leastDistanceBlocks(text, at, ctx, dir, w)
        : leastDistanceDP(text, at, ctx, dir, w);
  return 1 - best / m;
}

/** Bit masks of each pattern character's positions (low and high 32 bits), cleared after use. */
const PEQ_LO = new Int32Array(65536);
const PEQ_HI = new Int32Array(65536);

/**
 * min over j <= w of the edit distance between ctx (read away from the quote) and the first j
 * characters of text read away from `at`, by Myers' bit-vector algorithm (Hyyrö's formulation
 * for a global start: the top row grows by one per column), on two 32-bit words. |ctx| <= 64.
 */
function leastDistanceBits(text: string, at: number, ctx: string, dir: -1 | 1, w: number): number {
  const m = ctx.length;
  for (let i = 0; i < m; i++) {
    const c = dir < 0 ? ctx.charCodeAt(m - 1 - i) : ctx.charCodeAt(i);
    if (i < 32) PEQ_LO[c]! |= 1 << i;
    else PEQ_HI[c]! |= 1 << (i - 32);
  }
  const maskLo = m >= 32 ? -1 : (1 << m) - 1;
  const maskHi = m <= 32 ? 0 : m === 64 ? -1 : (1 << (m - 32)) - 1;
  const topLo = m <= 32 ? 1 << (m - 1) : 0;
  const topHi = m > 32 ? 1 << (m - 33) : 0;
  let vpLo = maskLo;
  let vpHi = maskHi;
  let vnLo = 0;
  let vnHi = 0;
  let score = m;
  let best = m;
  for (let j = 0; j < w; j++) {
    const c = dir < 0 ? text.charCodeAt(at - 1 - j) : text.charCodeAt(at + j);
    const eqLo = PEQ_LO[c]!;
    const eqHi = PEQ_HI[c]!;
    const xvLo = eqLo | vnLo;
    const xvHi = eqHi | vnHi;
    // xh = (((eq & vp) + vp) ^ vp) | eq, the addition carried from the low word to the high one.
    const sum = ((eqLo & vpLo) >>> 0) + (vpLo >>> 0);
    const sLo = sum | 0;
    const sHi = ((eqHi & vpHi) + vpHi + (sum > 0xffffffff ? 1 : 0)) | 0;
    const xhLo = (sLo ^ vpLo) | eqLo;
    const xhHi = (sHi ^ vpHi) | eqHi;
    let phLo = vnLo | ~(xhLo | vpLo);
    let phHi = vnHi | ~(xhHi | vpHi);
    let mhLo = vpLo & xhLo;
    let mhHi = vpHi & xhHi;
    if ((phLo & topLo) | (phHi & topHi)) score++;
    else if ((mhLo & topLo) | (mhHi & topHi)) score--;
    if (score < best) best = score;
    phHi = (phHi << 1) | (phLo >>> 31);
    phLo = (phLo << 1) | 1;
    mhHi = (mhHi << 1) | (mhLo >>> 31);
    mhLo = mhLo << 1;
    vpLo = (mhLo | ~(xvLo | phLo)) & maskLo;
    vpHi = (mhHi | ~(xvHi | phHi)) & maskHi;
    vnLo = phLo & xvLo & maskLo;
    vnHi = phHi & xvHi & maskHi;
  }
  for (let i = 0; i < m; i++) {
    const c = ctx.charCodeAt(i);
    PEQ_LO[c] = 0;
    PEQ_HI[c] = 0;
  }
  return best;
}

/** Longest context (in 32-bit words) taken bit-parallel; selector contexts are 128. */
const MAX_WORDS = 8;

/**
 * The same for contexts of 65 to 32 * MAX_WORDS characters, by the block version shared with
 * the quote alignment (myers-blocks.ts), the context read away from the quote.
 */
export function leastDistanceBlocks(
  text: string,
  at: number,
  ctx: string,
  dir: -1 | 1,
  w: number,
): number {
  let pattern = ctx;
  if (dir < 0) {
    pattern = '';
    for (let i = ctx.length - 1; i >= 0; i--) pattern += ctx[i]; // by UTF-16 unit, as the DP
  }
  return leastLastRow(patternBlocks(pattern), text, dir < 0 ? at - 1 : at, dir, w, false).dist;
}

/** The same by dynamic programming, O(|ctx| * (|ctx| + slack)), for longer contexts. */
export function leastDistanceDP(
  text: string,
  at: number,
  ctx: string,
  dir: -1 | 1,
  w: number,
): number {
  const m = ctx.length;
  // Row over ctx (read away from the quote), column over window (read away from the quote).
  let prev = new Int32Array(w + 1);
  let cur = new Int32Array(w + 1);
  for (let j = 0; j <= w; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    const pc = dir < 0 ? ctx.charCodeAt(m - i) : ctx.charCodeAt(i - 1);
    cur[0] = i;
    for (let j = 1; j <= w; j++) {
      const tc = dir < 0 ? text.charCodeAt(at - j) : text.charCodeAt(at + j - 1);
      const sub = prev[j - 1]! + (pc === tc ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  let best = m;
  for (let j = 0; j <= w; j++) if (prev[j]! < best) best = prev[j]!;
  return best;
}

/**
 * Cheap lower-bound-ish proxy: characters of context matching contiguously next to the quote,
 * counting at most `limit` of them.
 */
export function contextRun(
  text: string,
  at: number,
  ctx: string,
  dir: -1 | 1,
  limit = ctx.length,
): number {
  const m = Math.min(ctx.length, limit);
  const last = ctx.length - 1;
  let k = 0;
  if (dir < 0) {
    while (k < m && k < at && text.charCodeAt(at - 1 - k) === ctx.charCodeAt(last - k)) k++;
  } else {
    while (k < m && at + k < text.length && text.charCodeAt(at + k) === ctx.charCodeAt(k)) k++;
  }
  return k;
}

export type ContextAgreement = { mean: number; best: number };

/** Baseline-corrected context agreement in [0, 1]: length-weighted mean and the better side. */
export function contextScore(
  text: string,
  a: number,
  b: number,
  prefix: string,
  suffix: string,
): ContextAgreement {
  const wp = prefix.length || EMPTY_CONTEXT_WEIGHT;
  const ws = suffix.length || EMPTY_CONTEXT_WEIGHT;
  const fix = (x: number): number => Math.max(0, (x - CONTEXT_BASELINE) / (1 - CONTEXT_BASELINE));
  const sp = fix(contextSimilarity(text, a, prefix, -1));
  const ss = fix(contextSimilarity(text, b, suffix, 1));
  return { mean: (sp * wp + ss * ws) / (wp + ws), best: Math.max(sp, ss) };
}

export function confidence(quoteSimilarity: number, quoteLength: number, context: number): number {
  const alone = quoteLength / (quoteLength + HALF_EVIDENCE_LENGTH);
  return quoteSimilarity * (alone + (1 - alone) * context);
}

/** Characters per side of verbatim context that count in adjacentRun(). */
export const ADJACENT_CONTEXT = 32;
/**
 * Weight of adjacentRun() in the ranking, against the heuristic confidence (0-1): all 64
 * characters verbatim are worth half of it. Heavier, nearby boilerplate (", and the council ")
 * outweighs a paragraph that survived around a rewritten phrase (ADR 23).
 */
export const ADJACENT_WEIGHT = 0.5;

/**
 * Ranking bonus for the context that survives verbatim right next to a candidate: the copy a
 * diff would pair with the old one is the one whose neighbours were kept as they were, even
 * when another copy's wider context is as similar by edit distance (ADR 23).
 */
export function adjacentRun(
  text: string,
  a: number,
  b: number,
  prefix: string,
  suffix: string,
): number {
  const run =
    contextRun(text, a, prefix, -1, ADJACENT_CONTEXT) +
    contextRun(text, b, suffix, 1, ADJACENT_CONTEXT);
  return (ADJACENT_WEIGHT * run) / (2 * ADJACENT_CONTEXT);
}

/** Ranking bonus for being near the expected position; breaks ties between equal contexts. */
export function proximity(pos: number, hint: number | null): number {
  if (hint === null) return 0;
  return 0.008 / (1 + Math.abs(pos - hint) / 1000);
}
