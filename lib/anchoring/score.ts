/**
 * Scoring of a candidate location. Confidence combines how much of the quote was found with how
 * well the surrounding context agrees; how much context must agree depends on quote length,
 * because a 3-letter quote matches by chance all over a document and a 200-letter one does not.
 */

/** Context similarity of random prose is not 0; scores below this edit similarity count as 0. */
const CONTEXT_BASELINE = 0.35;
/** Quote length (folded chars) at which the quote alone and the context weigh the same. */
const HALF_EVIDENCE_LENGTH = 24;
/** Weight of a missing context side (quote at the start/end of the original document). */
const EMPTY_CONTEXT_WEIGHT = 8;

/**
 * Edit similarity of `ctx` against the text that touches `at` in direction dir (-1: ctx must end
 * at `at`; +1: ctx must start at `at`), letting the far end float. O(|ctx| * (|ctx| + slack)).
 */
export function contextSimilarity(text: string, at: number, ctx: string, dir: -1 | 1): number {
  const m = ctx.length;
  if (m === 0) return (dir < 0 ? at === 0 : at === text.length) ? 1 : 0.3;
  const avail = dir < 0 ? at : text.length - at;
  const w = Math.min(avail, m + 8);
  if (w === 0) return 0;
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
  return 1 - best / m;
}

/** Cheap lower-bound-ish proxy: characters of context matching contiguously next to the quote. */
export function contextRun(text: string, at: number, ctx: string, dir: -1 | 1): number {
  const m = ctx.length;
  let k = 0;
  if (dir < 0) {
    while (k < m && k < at && text.charCodeAt(at - 1 - k) === ctx.charCodeAt(m - 1 - k)) k++;
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

/** Ranking bonus for being near the expected position; breaks ties between equal contexts. */
export function proximity(pos: number, hint: number | null): number {
  if (hint === null) return 0;
  return 0.008 / (1 + Math.abs(pos - hint) / 1000);
}
