/** The one diff of the whole old and new text that reanchor maps spans through, with move detection. */
import { diffSequences, type DiffBudget, type MatchBlock } from './diff';
import type { Normalised } from './normalise';
import { TokenDictionary, type Tokens } from './tokens';

/** The solid (non-whitespace) tokens of both folded texts, sharing one dictionary. */
export type TokenPair = { t0: SolidTokens; t1: SolidTokens };

export function tokenPair(o: Normalised, n: Normalised): TokenPair {
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
export function textDiff(
  o: Normalised,
  n: Normalised,
  tokens = tokenPair(o, n),
  budget: DiffBudget = { steps: DIFF_STEPS },
  refineMaxGap = REFINE_MAX_GAP,
): MatchBlock[] {
  const { t0, t1 } = tokens;
  // Whitespace is not diffed on its own: a lone space matches anywhere and would let the diff
  // prefer many scattered spaces over one long surviving phrase.
  const raw = charBlocks(o, n, tokens, diffSequences(t0.ids, t1.ids, budget));
  const words = cleanupCoincidental(raw, o.norm.length, n.norm.length);
  return cleanupCoincidental(
    refineGaps(words, o.norm, n.norm, budget, refineMaxGap),
    o.norm.length,
    n.norm.length,
  );
}

/**
 * Myers steps allowed for one revision's diff (word diff and character refinement together),
 * and again for aligning its paired lines (line-moves.ts). A
 * typical revision of a 400 KB document uses under a million, the heaviest revision in the
 * corpus (unified's readme 10 -> 11) 26 million; a 400 KB document replaced by another uses
 * 176 million (1.7 s) on gaps with nothing in common. Spent, the remaining gaps count as
 * replaced.
 */
export const DIFF_STEPS = 4e7;

/**
 * Turns matched solid-token pairs into character blocks: consecutive tokens on both sides
 * join one block when the text between them (a space or nothing) is the same. `idx0`/`idx1`
 * map sequence positions to token indexes when the diffed sequences were subsets.
 */
export function charBlocks(
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

/**
 * A moved run must have at least this many non-space folded characters (shorter is chance);
 * the default, reanchor passes the corpus-chosen REANCHOR_MOVE_MIN_CHARS. A shorter phrase that
 * moved is still followed by reanchor's fallback (text found once, verbatim, in inserted text).
 */
export const MOVE_MIN_CHARS = 16;

/**
 * Text the monotone diff could not keep because it moved: among the solid tokens no block
 * covers, on each side, maximal runs of equal tokens seeded by a token pair that occurs exactly
 * once in each side's leftovers (each changed region is a separate segment, so a run never
 * spans two regions). A run is a move if it has `minChars` non-space characters and its text
 * occurs only once, on each side, outside what the diff already kept; of those, the heaviest
 * chain in order on both sides is kept. Sorted by a.
 */
export function detectMoves(
  o: Normalised,
  n: Normalised,
  blocks: MatchBlock[],
  tokens = tokenPair(o, n),
  minChars = MOVE_MIN_CHARS,
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
  const pairs = commonRuns(ids0!, ids1!);
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
  const moves = runs.filter((bl) => {
    if (nonSpace(o.norm, bl.a, bl.a + bl.len) < minChars) return false;
    const t = o.norm.slice(bl.a, bl.a + bl.len);
    return unique(o.norm, t, 'a') && unique(n.norm, t, 'b');
  });
  return heaviestChain(moves);
}

/**
 * The blocks (sorted by a, not overlapping on either side) of greatest total length that are
 * also in order in b: a heaviest increasing subsequence, O(r log r) with a Fenwick tree of
 * prefix maxima over the ranks of b. Phrases that recur in rewritten text out of order are
 * coincidences far more often than moves.
 */
export function heaviestChain(blocks: MatchBlock[]): MatchBlock[] {
  const r = blocks.length;
  if (r <= 1) return blocks.slice();
  const order = blocks.map((_, i) => i).sort((x, y) => blocks[x]!.b - blocks[y]!.b);
  const rank = new Int32Array(r);
  order.forEach((i, k) => (rank[i] = k + 1));
  const treeBest = new Float64Array(r + 1);
  const treeAt = new Int32Array(r + 1).fill(-1);
  const best = new Float64Array(r);
  const prev = new Int32Array(r).fill(-1);
  let top = 0;
  for (let i = 0; i < r; i++) {
    // Heaviest chain ending in a block that precedes this one in b.
    let before = 0;
    let at = -1;
    for (let k = rank[i]! - 1; k > 0; k -= k & -k) {
      if (treeBest[k]! > before) {
        before = treeBest[k]!;
        at = treeAt[k]!;
      }
    }
    best[i] = before + blocks[i]!.len;
    prev[i] = at;
    for (let k = rank[i]!; k <= r; k += k & -k) {
      if (best[i]! > treeBest[k]!) {
        treeBest[k] = best[i]!;
        treeAt[k] = i;
      }
    }
    if (best[i]! > best[top]!) top = i;
  }
  const chain: MatchBlock[] = [];
  for (let i = top; i !== -1; i = prev[i]!) chain.push(blocks[i]!);
  return chain.reverse();
}

/** Key of the token pair at i (null when it holds a segment separator). */
function pairKey(ids: number[], i: number): number | null {
  const x = ids[i]!;
  const y = ids[i + 1]!;
  return x < 0 || y < 0 ? null : x * 0x4000000 + y;
}

/** Occurrences of each token pair: its first position, or -1 once it is seen twice. */
function pairIndex(ids: number[]): Map<number, number> {
  const at = new Map<number, number>();
  for (let i = 0; i + 1 < ids.length; i++) {
    const k = pairKey(ids, i);
    if (k !== null) at.set(k, at.has(k) ? -1 : i);
  }
  return at;
}

/**
 * Maximal runs of equal elements of a and b, each grown from a token pair unique on both sides;
 * longest first, a run overlapping a longer one on a is dropped. O(|a| + |b|). Sorted by a.
 */
export function commonRuns(a: number[], b: number[]): MatchBlock[] {
  const inA = pairIndex(a);
  const inB = pairIndex(b);
  const runs: MatchBlock[] = [];
  for (let j = 0; j + 1 < b.length;) {
    const k = pairKey(b, j);
    const i = k === null || inB.get(k) !== j ? undefined : inA.get(k);
    if (i === undefined || i === -1) {
      j++;
      continue;
    }
    let i0 = i;
    let j0 = j;
    const floor = runs.length ? runs[runs.length - 1]!.b + runs[runs.length - 1]!.len : 0;
    while (i0 > 0 && j0 > floor && a[i0 - 1] === b[j0 - 1]) {
      i0--;
      j0--;
    }
    let len = j - j0 + 2;
    while (i0 + len < a.length && j0 + len < b.length && a[i0 + len] === b[j0 + len]) len++;
    runs.push({ a: i0, b: j0, len });
    j = j0 + len;
  }
  runs.sort((x, y) => y.len - x.len || x.a - y.a);
  const taken = new Uint8Array(a.length);
  const out: MatchBlock[] = [];
  for (const r of runs) {
    let free = true;
    for (let t = r.a; t < r.a + r.len && free; t++) free = taken[t] === 0;
    if (!free) continue;
    taken.fill(1, r.a, r.a + r.len);
    out.push(r);
  }
  return out.sort((x, y) => x.a - y.a);
}

/** Is [s, e) on one side entirely inside a single match block? */
export function coveredBy(blocks: MatchBlock[], side: 'a' | 'b', s: number, e: number): boolean {
  const bl = blocks[firstBlockEnding(blocks, side, s)];
  return bl !== undefined && bl[side] <= s && e <= bl[side] + bl.len;
}

/** Index of the first block whose `side` range ends after position `at` (blocks.length if none). */
export function firstBlockEnding(blocks: MatchBlock[], side: 'a' | 'b', at: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const bl = blocks[mid]!;
    if (bl[side] + bl.len <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type SolidTokens = { ids: Int32Array; starts: Int32Array; ends: Int32Array };

/** The non-whitespace tokens, with their folded [start, end). */
export function solidTokens(t: Tokens, s: string): SolidTokens {
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

/**
 * Gaps up to this many chars per side are re-diffed character by character (the default;
 * reanchor passes the corpus-chosen REANCHOR_REFINE_MAX_GAP). Larger changed stretches are
 * rewritten text, whose character coincidences are noise.
 */
export const REFINE_MAX_GAP = 4000;

export function codes(s: string, a: number, b: number): Uint16Array {
  const out = new Uint16Array(b - a);
  for (let i = a; i < b; i++) out[i - a] = s.charCodeAt(i);
  return out;
}

/**
 * Word tokens decide the alignment; inside each changed stretch a character diff then keeps
 * the unchanged parts of edited words ("character" -> "characters", "Reject" -> "Resolve").
 */
export function refineGaps(
  blocks: MatchBlock[],
  a: string,
  b: string,
  budget?: DiffBudget,
  maxGap = REFINE_MAX_GAP,
): MatchBlock[] {
  const out: MatchBlock[] = [];
  let pa = 0;
  let pb = 0;
  const refine = (ga1: number, gb1: number): void => {
    const la = ga1 - pa;
    const lb = gb1 - pb;
    if (la > 0 && lb > 0 && la <= maxGap && lb <= maxGap) {
      for (const bl of diffSequences(codes(a, pa, ga1), codes(b, pb, gb1), budget)) {
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

export function cleanupCoincidental(
  blocks: MatchBlock[],
  lenA: number,
  lenB: number,
): MatchBlock[] {
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
export function firstBlockAfter(blocks: MatchBlock[], a: number): number {
  return firstBlockEnding(blocks, 'a', a);
}

export function nonSpace(s: string, a: number, b: number): number {
  let k = 0;
  for (let i = a; i < b; i++) if (s.charCodeAt(i) !== 32) k++;
  return k;
}
