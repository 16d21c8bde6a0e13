import { locate, round } from './anchor';
import { describe } from './describe';
import { diffSequences, type MatchBlock } from './diff';
import { AnchoringError, assertSpan, assertText } from './errors';
import { normaliseCached, toOriginal, type Normalised } from './normalise';
import { REANCHOR_FALLBACK_THRESHOLD, REANCHOR_MIN_KEEP } from './thresholds';
import { TokenDictionary } from './tokens';
import type { Anchor, Span } from './types';
import { snapLeft, snapRight } from './unicode';

export type ReanchorOptions = {
  /** Minimum anchor() confidence when the diff lost the span (moved text). */
  fallbackThreshold?: number;
  /** Share of a span's non-space characters the diff must keep for a clipped 'diff' anchor. */
  minKeep?: number;
};

/**
 * Character-level match blocks between the folded old and new texts, from one word-token diff.
 * Coincidental equalities (a lone "the" inside a rewritten sentence) are dropped, otherwise
 * a deleted word would "survive" by being matched to an unrelated copy of itself.
 */
export function textDiff(o: Normalised, n: Normalised): MatchBlock[] {
  const dict = new TokenDictionary();
  const t0 = dict.tokenize(o.norm);
  const t1 = dict.tokenize(n.norm);
  const raw = diffSequences(t0.ids, t1.ids).map((bl) => ({
    a: t0.starts[bl.a]!,
    b: t1.starts[bl.b]!,
    len: t0.starts[bl.a + bl.len]! - t0.starts[bl.a]!,
  }));
  return cleanupCoincidental(refineGaps(raw, o.norm, n.norm), o.norm.length, n.norm.length);
}

/** Gaps up to this many chars per side are re-diffed character by character. */
const REFINE_MAX_GAP = 4000;

function codes(s: string, a: number, b: number): Uint16Array {
  const out = new Uint16Array(b - a);
  for (let i = a; i < b; i++) out[i - a] = s.charCodeAt(i);
  return out;
}

/**
 * Word tokens decide the alignment; inside each changed stretch a character diff then keeps
 * the unchanged parts of edited words ("character" -> "characters", "Reject" -> "Resolve").
 */
function refineGaps(blocks: MatchBlock[], a: string, b: string): MatchBlock[] {
  const out: MatchBlock[] = [];
  let pa = 0;
  let pb = 0;
  const refine = (ga1: number, gb1: number): void => {
    const la = ga1 - pa;
    const lb = gb1 - pb;
    if (la > 0 && lb > 0 && la <= REFINE_MAX_GAP && lb <= REFINE_MAX_GAP) {
      for (const bl of diffSequences(codes(a, pa, ga1), codes(b, pb, gb1))) {
        out.push({ a: pa + bl.a, b: pb + bl.b, len: bl.len });
      }
    }
  };
  for (const bl of blocks) {
    refine(bl.a, bl.b);
    const last = out[out.length - 1];
    if (last && last.a + last.len === bl.a && last.b + last.len === bl.b) last.len += bl.len;
    else out.push({ ...bl });
    pa = bl.a + bl.len;
    pb = bl.b + bl.len;
  }
  refine(a.length, b.length);
  return out;
}

function cleanupCoincidental(blocks: MatchBlock[], lenA: number, lenB: number): MatchBlock[] {
  let cur = blocks;
  for (let pass = 0; pass < 3; pass++) {
    const kept: MatchBlock[] = [];
    let changed = false;
    for (let i = 0; i < cur.length; i++) {
      const bl = cur[i]!;
      const prev = kept[kept.length - 1];
      const next = cur[i + 1];
      const beforeA = bl.a - (prev ? prev.a + prev.len : 0);
      const beforeB = bl.b - (prev ? prev.b + prev.len : 0);
      const afterA = (next ? next.a : lenA) - (bl.a + bl.len);
      const afterB = (next ? next.b : lenB) - (bl.b + bl.len);
      const before = Math.max(beforeA, beforeB);
      const after = Math.max(afterA, afterB);
      if (bl.len <= Math.min(before, after) && bl.len < 24) {
        changed = true;
        continue;
      }
      kept.push(bl);
    }
    cur = kept;
    if (!changed) break;
  }
  return cur;
}

/** Index of the first block whose end is after position a (blocks sorted by a). */
function firstBlockAfter(blocks: MatchBlock[], a: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const bl = blocks[mid]!;
    if (bl.a + bl.len <= a) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Quotes shorter than this reappear in rewritten text by chance too often to count as moved. */
const MIN_LOCAL_MOVE = 8;
/** A quote this long occurring once, in inserted text, after leaving its old place, moved. */
const MIN_MOVE = 6;
/** Confidence of a verbatim match inside the span's own replacement region. */
export const LOCAL_MOVE_CONFIDENCE = 0.95;

function searchGap(
  o: Normalised,
  n: Normalised,
  blocks: MatchBlock[],
  na: number,
  nb: number,
): Anchor | null {
  const quote = o.norm.slice(na, nb);
  if (quote.trim().length < MIN_LOCAL_MOVE) return null;
  // Gap = new text between the last block ending before the span and the first block after it.
  const i = firstBlockAfter(blocks, na);
  const prev = i > 0 ? blocks[i - 1] : undefined;
  let j = i;
  while (j < blocks.length && blocks[j]!.a < nb) j++;
  const next = blocks[j];
  const g0 = prev ? prev.b + prev.len : 0;
  const g1 = next ? next.b : n.norm.length;
  if (g1 - g0 < quote.length) return null;
  const gap = n.norm.slice(g0, g1);
  const at = gap.indexOf(quote);
  if (at === -1 || gap.indexOf(quote, at + 1) !== -1) return null;
  const { start, end } = toOriginal(n, g0 + at, g0 + at + quote.length);
  return { start, end, confidence: LOCAL_MOVE_CONFIDENCE, method: 'exact' };
}

/** Folded index of the character covering original index j (a folded-away char's owner). */
function covering(o: Normalised, j: number): number {
  const k = o.origToNorm[j]!;
  return k < o.starts.length && o.starts[k] === j ? k : Math.max(0, k - 1);
}

/** Lower bar for minKeep when the span's surroundings survive (chosen with the tuning half). */
const IN_PLACE_MIN_KEEP = 0.3;
const AROUND = 24;

/** Share of the AROUND non-space folded chars before (dir -1) / after (dir 1) `at` kept by the diff. */
function keptAround(s: string, blocks: MatchBlock[], at: number, dir: -1 | 1): number {
  let seen = 0;
  let kept = 0;
  let i = firstBlockAfter(blocks, dir < 0 ? Math.max(0, at - 1) : at);
  for (let p = dir < 0 ? at - 1 : at; p >= 0 && p < s.length && seen < AROUND; p += dir) {
    if (s.charCodeAt(p) === 32) continue;
    seen++;
    while (i < blocks.length && blocks[i]!.a + blocks[i]!.len <= p) i++;
    while (i > 0 && blocks[i - 1]!.a + blocks[i - 1]!.len > p) i--;
    const bl = blocks[i];
    if (bl && bl.a <= p && p < bl.a + bl.len) kept++;
  }
  return seen === 0 ? 1 : kept / seen;
}

function nonSpace(s: string, a: number, b: number): number {
  let k = 0;
  for (let i = a; i < b; i++) if (s.charCodeAt(i) !== 32) k++;
  return k;
}

/**
 * Moves spans of oldText onto newText. One diff for all spans decides most of them; spans the
 * diff lost (deleted, or moved) fall back to selector matching with a high bar.
 */
export function reanchor(
  oldText: string,
  newText: string,
  spans: Span[],
  options: ReanchorOptions = {},
): (Anchor | null)[] {
  assertText(oldText, 'oldText');
  assertText(newText, 'newText');
  if (!Array.isArray(spans)) throw new AnchoringError('INVALID_SPAN', 'spans must be an array');
  for (const sp of spans) {
    if (typeof sp !== 'object' || sp === null)
      throw new AnchoringError('INVALID_SPAN', 'span must be an object');
    assertSpan(oldText, sp.start, sp.end);
  }
  if (oldText === newText) {
    return spans.map((sp) => ({ start: sp.start, end: sp.end, confidence: 1, method: 'diff' }));
  }
  const fallbackThreshold = options.fallbackThreshold ?? REANCHOR_FALLBACK_THRESHOLD;
  const minKeep = options.minKeep ?? REANCHOR_MIN_KEEP;
  const o = normaliseCached(oldText);
  const n = normaliseCached(newText);
  const blocks = spans.length > 0 ? textDiff(o, n) : [];

  return spans.map((sp) => {
    // Folded range of the span, widened to whole characters (never half a surrogate pair).
    let na = covering(o, snapLeft(oldText, sp.start));
    let nb = Math.max(o.origToNorm[snapRight(oldText, sp.end)]!, na + 1);
    nb = Math.min(nb, o.norm.length);
    if (na >= nb) return null;
    // Edge whitespace is mapped separately: a lone space can align with any space nearby.
    const lead = o.norm.charCodeAt(na) === 32 && nb - na > 1;
    const trail = o.norm.charCodeAt(nb - 1) === 32 && nb - na > 1;
    if (lead) na++;
    if (trail && nb > na + 1) nb--;
    const first = firstBlockAfter(blocks, na);
    let keptAll = 0;
    let keptSolid = 0;
    let ns = -1;
    let ne = -1;
    for (let i = first; i < blocks.length && blocks[i]!.a < nb; i++) {
      const bl = blocks[i]!;
      const oa = Math.max(na, bl.a);
      const ob = Math.min(nb, bl.a + bl.len);
      if (ob <= oa) continue;
      keptAll += ob - oa;
      keptSolid += nonSpace(o.norm, oa, ob);
      if (ns === -1) ns = bl.b + (oa - bl.a);
      ne = bl.b + (ob - bl.a);
    }
    const solid = nonSpace(o.norm, na, nb);
    const frac = solid > 0 ? keptSolid / solid : nb > na ? keptAll / (nb - na) : 0;
    // A span edited in place keeps its surroundings: when the text on both sides survives, a
    // smaller surviving share still identifies the edited version of the span.
    const inPlace =
      frac >= IN_PLACE_MIN_KEEP &&
      keptAround(o.norm, blocks, na, -1) >= 0.9 &&
      keptAround(o.norm, blocks, nb, 1) >= 0.9;
    if (ns !== -1 && ne > ns && (frac >= minKeep || inPlace)) {
      const conf = frac === 1 && ne - ns === nb - na ? 1 : keptAll / Math.max(nb - na, ne - ns);
      if (lead && ns > 0 && n.norm.charCodeAt(ns - 1) === 32) ns--;
      if (trail && ne < n.norm.length && n.norm.charCodeAt(ne) === 32) ne++;
      const { start, end } = toOriginal(n, ns, ne);
      return { start, end, confidence: round(Math.min(conf, frac)), method: 'diff' as const };
    }
    // The diff lost the span. Text moved within its own changed region (a reordered sentence)
    // reappears verbatim in the replacement: look there first.
    const local = searchGap(o, n, blocks, na, nb);
    if (local) return local;
    // Otherwise it was deleted or moved further: selector matching, with a high bar, near the
    // place the span would have been.
    let hint = 0;
    const before = blocks[Math.min(first, blocks.length) - 1];
    if (before) {
      const predicted = before.b + before.len;
      hint = predicted < n.starts.length ? n.starts[predicted]! : newText.length;
    }
    const found = locate(newText, describe(oldText, sp.start, sp.end), hint);
    if (!found) return null;
    const result = {
      start: found.start,
      end: found.end,
      confidence: round(found.confidence),
      method: found.method,
    };
    if (found.confidence >= fallbackThreshold) return result;
    // Text removed here that occurs verbatim exactly once, inside newly inserted material, was
    // moved there: the diff already proved it is gone from its old place.
    const f = found.features;
    if (
      f?.exact &&
      f.occurrences === 1 &&
      nonSpace(o.norm, na, nb) >= MIN_MOVE &&
      !overlapsMatched(blocks, n.origToNorm[found.start]!, n.origToNorm[found.end]!)
    ) {
      return { ...result, confidence: Math.max(result.confidence, LOCAL_MOVE_CONFIDENCE) };
    }
    return null;
  });
}

/** Does new-side folded range [s, e) overlap text the diff matched to the old revision? */
function overlapsMatched(blocks: MatchBlock[], s: number, e: number): boolean {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const bl = blocks[mid]!;
    if (bl.b + bl.len <= s) lo = mid + 1;
    else hi = mid;
  }
  const bl = blocks[lo];
  return bl !== undefined && bl.b < e;
}
