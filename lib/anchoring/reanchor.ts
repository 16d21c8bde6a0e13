import { locate, round } from './anchor';
import { describe } from './describe';
import { diffSequences, type MatchBlock } from './diff';
import { AnchoringError, assertSpan, assertText } from './errors';
import { normaliseCached, toOriginal, type Normalised } from './normalise';
import { REANCHOR_FALLBACK_THRESHOLD, REANCHOR_MIN_KEEP } from './thresholds';
import { TokenDictionary, type Tokens } from './tokens';
import type { Anchor, Span } from './types';
import { snapLeft, snapRight } from './unicode';

export type ReanchorOptions = {
  /** Minimum anchor() confidence when the diff lost the span (moved text). */
  fallbackThreshold?: number;
  /** Share of a span's non-space characters the diff must keep for a clipped 'diff' anchor. */
  minKeep?: number;
};

/** The solid (non-whitespace) tokens of both folded texts, sharing one dictionary. */
type TokenPair = { t0: SolidTokens; t1: SolidTokens };

function tokenPair(o: Normalised, n: Normalised): TokenPair {
  const dict = new TokenDictionary();
  return {
    t0: solidTokens(dict.tokenize(o.norm), o.norm),
    t1: solidTokens(dict.tokenize(n.norm), n.norm),
  };
}

/**
 * Character-level match blocks between the folded old and new texts, from one word-token diff.
 * Coincidental equalities (a lone "the" inside a rewritten sentence) are dropped, otherwise
 * a deleted word would "survive" by being matched to an unrelated copy of itself.
 */
export function textDiff(o: Normalised, n: Normalised, tokens = tokenPair(o, n)): MatchBlock[] {
  const { t0, t1 } = tokens;
  // Whitespace is not diffed on its own: a lone space matches anywhere and would let the diff
  // prefer many scattered spaces over one long surviving phrase.
  const raw = charBlocks(o, n, tokens, diffSequences(t0.ids, t1.ids));
  const words = cleanupCoincidental(raw, o.norm.length, n.norm.length);
  return cleanupCoincidental(refineGaps(words, o.norm, n.norm), o.norm.length, n.norm.length);
}

/**
 * Turns matched solid-token pairs into character blocks: consecutive tokens on both sides
 * join one block when the text between them (a space or nothing) is the same. `idx0`/`idx1`
 * map sequence positions to token indexes when the diffed sequences were subsets.
 */
function charBlocks(
  o: Normalised,
  n: Normalised,
  { t0, t1 }: TokenPair,
  pairs: MatchBlock[],
  idx0?: number[],
  idx1?: number[],
): MatchBlock[] {
  const out: MatchBlock[] = [];
  let pi = -2;
  let pj = -2;
  for (const bl of pairs) {
    for (let k = 0; k < bl.len; k++) {
      const i = idx0 ? idx0[bl.a + k]! : bl.a + k;
      const j = idx1 ? idx1[bl.b + k]! : bl.b + k;
      const a = t0.starts[i]!;
      const b = t1.starts[j]!;
      const len = t0.ends[i]! - a;
      const last = out[out.length - 1];
      const ga = last ? a - (last.a + last.len) : -1;
      const gb = last ? b - (last.b + last.len) : -1;
      if (
        last &&
        pi === i - 1 &&
        pj === j - 1 &&
        ga === gb &&
        (ga === 0 || o.norm.charCodeAt(a - 1) === n.norm.charCodeAt(b - 1))
      ) {
        last.len += ga + len;
      } else {
        out.push({ a, b, len });
      }
      pi = i;
      pj = j;
    }
  }
  return out;
}

/** A moved run must have at least this many non-space folded characters (shorter is chance). */
export const MOVE_MIN_CHARS = 16;

/**
 * Text the monotone diff could not keep because it moved: the solid tokens no block covers, on
 * each side, are diffed against each other (each changed region is a separate segment, so a
 * run never spans two regions). A run is a move if it has MOVE_MIN_CHARS non-space characters
 * and its text occurs only once, on each side, outside what the diff already kept. Sorted by
 * a; not monotone in b.
 */
export function detectMoves(
  o: Normalised,
  n: Normalised,
  blocks: MatchBlock[],
  tokens = tokenPair(o, n),
): MatchBlock[] {
  const residue = (t: SolidTokens, side: 'a' | 'b', sep: number): number[][] => {
    const ids: number[] = [];
    const idx: number[] = [];
    let bi = 0;
    let lastFree = -2;
    for (let i = 0; i < t.ids.length; i++) {
      const s = t.starts[i]!;
      while (bi < blocks.length && blocks[bi]![side] + blocks[bi]!.len <= s) bi++;
      const bl = blocks[bi];
      if (bl !== undefined && bl[side] < t.ends[i]!) continue; // kept by the diff
      if (lastFree !== i - 1 && ids.length > 0) {
        ids.push(sep--); // segment separator, never equal on the two sides
        idx.push(-1);
      }
      ids.push(t.ids[i]!);
      idx.push(i);
      lastFree = i;
    }
    return [ids, idx];
  };
  const [ids0, idx0] = residue(tokens.t0, 'a', -1);
  const [ids1, idx1] = residue(tokens.t1, 'b', -1_000_000_000);
  if (ids0!.length === 0 || ids1!.length === 0) return [];
  const pairs = diffSequences(Int32Array.from(ids0!), Int32Array.from(ids1!));
  const runs = charBlocks(o, n, tokens, pairs, idx0, idx1);
  // A run whose text also occurs elsewhere in text the diff left unmatched (boilerplate,
  // repeated markup) is no evidence of a move; copies the diff already kept do not compete.
  const unique = (s: string, t: string, side: 'a' | 'b'): boolean => {
    let free = 0;
    for (let at = s.indexOf(t); at !== -1; at = s.indexOf(t, at + 1)) {
      if (!coveredBy(blocks, side, at, at + t.length) && ++free > 1) return false;
    }
    return free === 1;
  };
  return runs.filter((bl) => {
    if (nonSpace(o.norm, bl.a, bl.a + bl.len) < MOVE_MIN_CHARS) return false;
    const t = o.norm.slice(bl.a, bl.a + bl.len);
    return unique(o.norm, t, 'a') && unique(n.norm, t, 'b');
  });
}

/** Is [s, e) on one side entirely inside a single match block? */
function coveredBy(blocks: MatchBlock[], side: 'a' | 'b', s: number, e: number): boolean {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const bl = blocks[mid]!;
    if (bl[side] + bl.len <= s) lo = mid + 1;
    else hi = mid;
  }
  const bl = blocks[lo];
  return bl !== undefined && bl[side] <= s && e <= bl[side] + bl.len;
}

type SolidTokens = { ids: Int32Array; starts: Int32Array; ends: Int32Array };

/** The non-whitespace tokens, with their folded [start, end). */
function solidTokens(t: Tokens, s: string): SolidTokens {
  const ids = new Int32Array(t.count);
  const starts = new Int32Array(t.count);
  const ends = new Int32Array(t.count);
  let k = 0;
  for (let i = 0; i < t.count; i++) {
    const a = t.starts[i]!;
    if (s.charCodeAt(a) === 32) continue;
    ids[k] = t.ids[i]!;
    starts[k] = a;
    ends[k] = t.starts[i + 1]!;
    k++;
  }
  return { ids: ids.subarray(0, k), starts: starts.subarray(0, k), ends: ends.subarray(0, k) };
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
function reanchorCore(
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
  const tokens = spans.length > 0 ? tokenPair(o, n) : null;
  const blocks = tokens ? textDiff(o, n, tokens) : [];
  const moves = tokens ? detectMoves(o, n, blocks, tokens) : [];

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
    const { keptAll, keptSolid, ns: ns0, ne: ne0 } = keptPart(o.norm, blocks, moves, first, na, nb);
    let ns = ns0;
    let ne = ne0;
    const solid = nonSpace(o.norm, na, nb);
    const frac = solid > 0 ? keptSolid / solid : nb > na ? keptAll / (nb - na) : 0;
    // A span edited in place keeps its surroundings: when the text on both sides survives, a
    // smaller surviving share still identifies the edited version of the span.
    const inPlace =
      frac >= IN_PLACE_MIN_KEEP &&
      keptAround(o.norm, blocks, na, -1) >= 0.9 &&
      keptAround(o.norm, blocks, nb, 1) >= 0.9;
    if (ns !== -1 && ne > ns && !(frac === 1 && ne - ns === nb - na)) {
      // The diff kept the span in pieces, but the whole quote is right there (an edge character
      // aligned with a neighbouring copy, an insertion inside a hull): use the verbatim copy.
      const whole = verbatimNear(o.norm.slice(na, nb), n.norm, ns, ne);
      if (whole !== -1) {
        ns = whole;
        ne = whole + (nb - na);
        if (lead && ns > 0 && n.norm.charCodeAt(ns - 1) === 32) ns--;
        if (trail && ne < n.norm.length && n.norm.charCodeAt(ne) === 32) ne++;
        const { start, end } = toOriginal(n, ns, ne);
        return { start, end, confidence: 1, method: 'diff' as const };
      }
    }
    if (ns !== -1 && ne > ns && frac === 1 && ne - ns === nb - na) {
      // Kept whole. In repetitive text the diff may have paired it with a neighbouring copy
      // (a list item inserted before it, a repeated table cell): prefer a copy nearby whose
      // surroundings match the old ones clearly better.
      ns = betterCopy(o.norm, n.norm, na, nb, ns);
      ne = ns + (nb - na);
    }
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

type Piece = { a: number; b: number; len: number };
type Kept = { keptAll: number; keptSolid: number; ns: number; ne: number };

/** Largest group of pieces (sorted by a) that stay in order and close together in the new text. */
function bestGroup(s: string, pieces: Piece[]): Kept {
  let best: Kept = { keptAll: 0, keptSolid: 0, ns: -1, ne: -1 };
  let cur: Kept = { ...best };
  let prev: Piece | undefined;
  const better = (x: Kept, y: Kept): boolean =>
    x.keptSolid > y.keptSolid || (x.keptSolid === y.keptSolid && x.keptAll > y.keptAll);
  for (const p of pieces) {
    if (prev) {
      const gapB = p.b - (prev.b + prev.len);
      const gapA = p.a - (prev.a + prev.len);
      if (gapB < 0 || gapB > gapA + 64) {
        if (better(cur, best)) best = cur;
        cur = { keptAll: 0, keptSolid: 0, ns: -1, ne: -1 };
      }
    }
    cur.keptAll += p.len;
    cur.keptSolid += nonSpace(s, p.a, p.a + p.len);
    if (cur.ns === -1) cur.ns = p.b;
    cur.ne = p.b + p.len;
    prev = p;
  }
  return better(cur, best) ? cur : best;
}

/**
 * The part of old folded range [na, nb) that survives: what the diff kept in place, unless a
 * detected move carries more of it (a span split by a move follows its larger part).
 */
function keptPart(
  s: string,
  blocks: MatchBlock[],
  moves: MatchBlock[],
  first: number,
  na: number,
  nb: number,
): Kept {
  const clip = (bl: MatchBlock, out: Piece[]): void => {
    const oa = Math.max(na, bl.a);
    const ob = Math.min(nb, bl.a + bl.len);
    if (ob > oa) out.push({ a: oa, b: bl.b + (oa - bl.a), len: ob - oa });
  };
  const inPlace: Piece[] = [];
  for (let i = first; i < blocks.length && blocks[i]!.a < nb; i++) clip(blocks[i]!, inPlace);
  const kept = bestGroup(s, inPlace);
  if (moves.length === 0) return kept;
  const moved: Piece[] = [];
  for (let i = firstBlockAfter(moves, na); i < moves.length && moves[i]!.a < nb; i++)
    clip(moves[i]!, moved);
  if (moved.length === 0) return kept;
  const alt = bestGroup(s, moved);
  return alt.keptSolid > 2 * kept.keptSolid ? alt : kept;
}

/**
 * Start of the occurrence of `quote` in `s` that overlaps the kept hull [ns, ne) (the one
 * covering most of it), or -1.
 */
function verbatimNear(quote: string, s: string, ns: number, ne: number): number {
  const from = Math.max(0, ns - quote.length);
  const window = s.slice(from, ne + quote.length);
  let best = -1;
  let bestOverlap = 0;
  for (let k = window.indexOf(quote); k !== -1; k = window.indexOf(quote, k + 1)) {
    const at = from + k;
    const overlap = Math.min(ne, at + quote.length) - Math.max(ns, at);
    if (overlap > bestOverlap) {
      best = at;
      bestOverlap = overlap;
    }
  }
  return best;
}

/** Context compared on each side when choosing between copies. */
const COPY_CONTEXT = 64;
/** How far (folded chars) from the diff's choice another copy may be. */
const COPY_WINDOW = 2000;
/** Extra context characters another copy must agree on to be preferred. */
const COPY_MARGIN = 16;

/** Characters of old context around [na, nb) that agree with new context around [at, at+len). */
function contextAgreement(o: string, n: string, na: number, nb: number, at: number): number {
  let left = 0;
  while (
    left < COPY_CONTEXT &&
    na - 1 - left >= 0 &&
    at - 1 - left >= 0 &&
    o.charCodeAt(na - 1 - left) === n.charCodeAt(at - 1 - left)
  )
    left++;
  const ae = at + (nb - na);
  let right = 0;
  while (
    right < COPY_CONTEXT &&
    nb + right < o.length &&
    ae + right < n.length &&
    o.charCodeAt(nb + right) === n.charCodeAt(ae + right)
  )
    right++;
  return left + right;
}

function betterCopy(o: string, n: string, na: number, nb: number, ns: number): number {
  const here = contextAgreement(o, n, na, nb, ns);
  if (here >= 2 * COPY_CONTEXT - COPY_MARGIN) return ns;
  const quote = o.slice(na, nb);
  const from = Math.max(0, ns - COPY_WINDOW);
  const window = n.slice(from, ns + quote.length + COPY_WINDOW);
  let best = ns;
  let bestScore = here + COPY_MARGIN - 1;
  for (let k = window.indexOf(quote); k !== -1; k = window.indexOf(quote, k + 1)) {
    const at = from + k;
    if (at === ns) continue;
    const score = contextAgreement(o, n, na, nb, at);
    if (score > bestScore) {
      best = at;
      bestScore = score;
    }
  }
  return best;
}

/** Whitespace at the span's edges that the diff could not place (it is not diffed as tokens) is
 * restored when the same whitespace follows or precedes the mapped span in the new text. */
function restoreEdgeSpace(oldText: string, newText: string, sp: Span, r: Anchor): Anchor {
  const old = oldText.slice(sp.start, sp.end);
  const cur = newText.slice(r.start, r.end);
  let { start, end } = r;
  const want = (s: string, fromEnd: boolean) =>
    fromEnd ? s.length - s.trimEnd().length : s.length - s.trimStart().length;
  for (
    let missing = want(old, true) - want(cur, true);
    missing > 0 && end < newText.length && /\s/.test(newText[end]!);
    missing--
  )
    end++;
  for (
    let missing = want(old, false) - want(cur, false);
    missing > 0 && start > 0 && /\s/.test(newText[start - 1]!);
    missing--
  )
    start--;
  return start === r.start && end === r.end ? r : { ...r, start, end };
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
  const results = reanchorCore(oldText, newText, spans, options);
  return results.map((r, i) =>
    r && r.method === 'diff' ? restoreEdgeSpace(oldText, newText, spans[i]!, r) : r,
  );
}
