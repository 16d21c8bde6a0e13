/** Which part of an old span the diff kept, and which copy of it in the new text is the right one. */
import type { MatchBlock } from './diff';
import { firstBlockAfter, firstBlockEnding, nonSpace } from './text-diff';

/** Does new-side folded range [s, e) overlap text the diff matched to the old revision? */
export function overlapsMatched(blocks: MatchBlock[], s: number, e: number): boolean {
  const bl = blocks[firstBlockEnding(blocks, 'b', s)];
  return bl !== undefined && bl.b < e;
}

/** Share of folded range [s, e) (non-space characters) of one side inside matched blocks. */
export function matchedShare(
  text: string,
  blocks: MatchBlock[],
  s: number,
  e: number,
  side: 'a' | 'b' = 'b',
): number {
  let solid = 0;
  let matched = 0;
  for (let p = s, i = firstBlockEnding(blocks, side, s); p < e; p++) {
    if (text.charCodeAt(p) === 32) continue;
    solid++;
    while (i < blocks.length && blocks[i]![side] + blocks[i]!.len <= p) i++;
    const bl = blocks[i];
    if (bl && bl[side] <= p) matched++;
  }
  return solid === 0 ? 0 : matched / solid;
}

export type Piece = { a: number; b: number; len: number };
export type Kept = {
  keptAll: number;
  keptSolid: number;
  ns: number;
  ne: number;
  /** The part kept is where a detected move carried it. */
  moved?: boolean;
};

/** Largest group of pieces (sorted by a) that stay in order and close together in the new text. */
export function bestGroup(s: string, pieces: Piece[]): Kept {
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
 * detected move carries more than twice as much of it (a span split by a move follows its
 * larger part). `moves` is asked for only when the diff kept less than half of the span.
 */
export function keptPart(
  s: string,
  blocks: MatchBlock[],
  getMoves: () => MatchBlock[],
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
  // A move carries at most the span's non-space characters: it cannot win against half of them.
  if (2 * kept.keptSolid >= nonSpace(s, na, nb)) return kept;
  const moves = getMoves();
  if (moves.length === 0) return kept;
  const moved: Piece[] = [];
  for (let i = firstBlockAfter(moves, na); i < moves.length && moves[i]!.a < nb; i++)
    clip(moves[i]!, moved);
  if (moved.length === 0) return kept;
  const alt = bestGroup(s, moved);
  return alt.keptSolid > 2 * kept.keptSolid ? { ...alt, moved: true } : kept;
}

/**
 * Start of the occurrence of `quote` in `s` that overlaps the kept hull [ns, ne) (the one
 * covering most of it), or -1.
 */
export function verbatimNear(quote: string, s: string, ns: number, ne: number): number {
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
export const COPY_CONTEXT = 64;
/** How far (folded chars) from the diff's choice another copy may be. */
export const COPY_WINDOW = 2000;
/** Extra context characters another copy must agree on to be preferred. */
export const COPY_MARGIN = 16;
/**
 * Most copies compared across the whole document when the diff's copy has poor context; a
 * quote with more copies (a common word) is only compared within COPY_WINDOW.
 */
export const GLOBAL_COPY_LIMIT = 64;

/** Characters of old context around [na, nb) that agree with new context around [at, at+len). */
export function contextAgreement(o: string, n: string, na: number, nb: number, at: number): number {
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

export function betterCopy(o: string, n: string, na: number, nb: number, ns: number): number {
  const here = contextAgreement(o, n, na, nb, ns);
  if (here >= 2 * COPY_CONTEXT - COPY_MARGIN) return ns;
  const quote = o.slice(na, nb);
  let best = ns;
  let bestScore = here + COPY_MARGIN - 1;
  const consider = (at: number): void => {
    if (at === ns) return;
    const score = contextAgreement(o, n, na, nb, at);
    if (score > bestScore) {
      best = at;
      bestScore = score;
    }
  };
  // Poor agreement where the diff put it (its section was rewritten, or moved as a whole): the
  // copy that kept the old surroundings may be anywhere in the document.
  const global = here < COPY_CONTEXT ? copiesIn(n, quote, 0, n.length, GLOBAL_COPY_LIMIT) : null;
  if (global) {
    for (const at of global) consider(at);
    return best;
  }
  const from = Math.max(0, ns - COPY_WINDOW);
  const to = Math.min(n.length, ns + quote.length + COPY_WINDOW);
  for (const at of copiesIn(n, quote, from, to, Infinity) ?? []) consider(at);
  return best;
}

/** Starts of `quote` inside s[from, to), or null when there are more than `limit`. */
function copiesIn(
  s: string,
  quote: string,
  from: number,
  to: number,
  limit: number,
): number[] | null {
  const out: number[] = [];
  for (
    let k = s.indexOf(quote, from);
    k !== -1 && k + quote.length <= to;
    k = s.indexOf(quote, k + 1)
  ) {
    if (out.length === limit) return null;
    out.push(k);
  }
  return out;
}
