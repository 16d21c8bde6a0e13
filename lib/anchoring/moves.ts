/**
 * Text the monotone document diff could not keep because it moved (ADR 3, ADR 15): verbatim
 * runs among the tokens the diff left unmatched, found by hashing rather than a second diff.
 */
import type { MatchBlock } from './diff';
import type { Normalised } from './normalise';
import { charBlocks, coveredBy, nonSpace, type SolidTokens, type TokenPair } from './text-diff';

/**
 * Text the monotone diff could not keep because it moved: among the solid tokens no block
 * covers, on each side, maximal runs of equal tokens seeded by a token pair that occurs exactly
 * once in each side's leftovers (each changed region is a separate segment, so a run never
 * spans two regions). A run is a move if it has `minChars` non-space characters (shorter is
 * chance; a shorter phrase that moved is still followed by reanchor's fallback, text found once,
 * verbatim, in inserted text) and its text
 * occurs only once, on each side, outside what the diff already kept; of those, the heaviest
 * chain in order on both sides is kept. Sorted by a.
 */
export function detectMoves(
  o: Normalised,
  n: Normalised,
  blocks: MatchBlock[],
  tokens: TokenPair,
  /** Non-space characters a run needs (reanchor: REANCHOR_MOVE_MIN_CHARS). */
  minChars: number,
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
