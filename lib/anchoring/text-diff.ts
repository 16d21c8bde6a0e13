/** The one diff of the whole old and new text that reanchor maps spans through (moves: moves.ts). */
import { diffSequences, type DiffBudget, type MatchBlock } from './diff';
import type { Normalised } from './normalise';
import { slideEdits } from './slide-edits';
import { lineAnchoredBlocks } from './line-anchors';
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
 * Character-level match blocks between the folded old and new texts, from one word-token diff
 * (anchored on lines unique on both sides where enough of them survived: line-anchors.ts).
 * Coincidental equalities (a lone "the" inside a rewritten sentence) are dropped, otherwise
 * a deleted word would "survive" by being matched to an unrelated copy of itself.
 */
export function textDiff(
  o: Normalised,
  n: Normalised,
  tokens: TokenPair,
  /** Changed stretches up to this many characters per side are re-diffed by character. */
  refineMaxGap: number,
  budget: DiffBudget = { steps: DIFF_STEPS },
): MatchBlock[] {
  const { t0, t1 } = tokens;
  // Whitespace is not diffed on its own: a lone space matches anywhere and would let the diff
  // prefer many scattered spaces over one long surviving phrase.
  const tokenBlocks =
    lineAnchoredBlocks(tokens, o, n, budget) ?? diffSequences(t0.ids, t1.ids, budget);
  const raw = charBlocks(o, n, tokens, tokenBlocks);
  const words = cleanupCoincidental(raw, o.norm.length, n.norm.length);
  const refined = cleanupCoincidental(
    refineGaps(words, o.norm, n.norm, budget, refineMaxGap),
    o.norm.length,
    n.norm.length,
  );
  return slideEdits(refined, o, n);
}

/**
 * Myers steps allowed for one revision's diff (word diff and character refinement together),
 * and again for aligning its paired lines (line-moves.ts). Measured before ADR 15 bounded the
 * character refinement: a typical revision of a 400 KB document used under a million steps, the
 * heaviest revision in the corpus (unified's readme 10 -> 11) 26 million, a 400 KB document
 * replaced by another 176 million (1.7 s) on gaps with nothing in common. Spent, the remaining
 * gaps count as replaced.
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

export function codes(s: string, a: number, b: number): Uint16Array {
  const out = new Uint16Array(b - a);
  for (let i = a; i < b; i++) out[i - a] = s.charCodeAt(i);
  return out;
}

/**
 * Word tokens decide the alignment; inside each changed stretch of up to `maxGap` characters
 * per side a character diff then keeps the unchanged parts of edited words ("character" ->
 * "characters", "Reject" -> "Resolve"). Larger stretches are rewritten text, whose character
 * coincidences are noise (reanchor passes the corpus-chosen REANCHOR_REFINE_MAX_GAP).
 */
export function refineGaps(
  blocks: MatchBlock[],
  a: string,
  b: string,
  budget: DiffBudget | undefined,
  maxGap: number,
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
