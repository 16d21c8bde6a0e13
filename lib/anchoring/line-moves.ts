/**
 * Lines moved *and* edited: a section reordered and revised in one revision, a list item moved
 * and reworded. The document diff is in order, so it loses them; detectMoves finds only long
 * verbatim runs. Here the lines the diff left (mostly) unmatched on each side are paired by the
 * trigrams they share, most similar pairs first and each line used once, and each pair is
 * aligned character by character. The result is more move blocks: a span on such a line
 * follows the surviving part of its line.
 */
import { diffSequences, type DiffBudget, type MatchBlock } from './diff';
import type { Normalised } from './normalise';
import { matchedShare } from './kept-part';
import { cleanupCoincidental, codes, nonSpace } from './text-diff';

/** Lines with fewer non-space characters than this are too short to pair by similarity. */
export const LINE_MIN_SOLID = 10;
/** Share of a line's non-space characters the document diff must have left unmatched. */
export const LINE_MIN_FREE = 0.5;
/** Lines longer than this (folded characters) are not paired: the diff within a pair is quadratic. */
export const LINE_MAX_LENGTH = 4000;
/**
 * A trigram on more new lines than this (markup, boilerplate) is skipped in the lookup: it
 * weighs at most 1/64 in the similarity anyway, and a document replaced by another has many.
 */
const MAX_POSTINGS = 64;

type Line = { a: number; b: number; grams: Set<number> };

/** matched[i] = 1 when folded char i lies in one of the block lists (side a or b). */
function matchedMask(length: number, lists: MatchBlock[][], side: 'a' | 'b'): Uint8Array {
  const mask = new Uint8Array(length);
  for (const list of lists) for (const bl of list) mask.fill(1, bl[side], bl[side] + bl.len);
  return mask;
}

/** The text's lines (folded ranges) that the diff left mostly unmatched, with their trigrams. */
function freeLines(t: Normalised, blocks: MatchBlock[], side: 'a' | 'b'): Line[] {
  const out: Line[] = [];
  const s = t.norm;
  for (let start = 0; start <= t.text.length;) {
    let end = t.text.indexOf('\n', start);
    if (end === -1) end = t.text.length;
    let a = t.origToNorm[start]!;
    let b = t.origToNorm[end]!;
    start = end + 1;
    while (a < b && s.charCodeAt(a) === 32) a++;
    while (b > a && s.charCodeAt(b - 1) === 32) b--;
    if (b - a > LINE_MAX_LENGTH || nonSpace(s, a, b) < LINE_MIN_SOLID) continue;
    if (1 - matchedShare(s, blocks, a, b, side) < LINE_MIN_FREE) continue;
    out.push({ a, b, grams: trigrams(s, a, b) });
  }
  return out;
}

/** Trigrams of the line's non-space characters, as numbers. */
function trigrams(s: string, a: number, b: number): Set<number> {
  const grams = new Set<number>();
  let c0 = -1;
  let c1 = -1;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) continue;
    if (c0 >= 0) grams.add((c0 * 65536 + c1) * 65536 + c);
    c0 = c1;
    c1 = c;
  }
  return grams;
}

/**
 * Pairs (old line, new line, similarity) at or above minSim, most similar first. Similarity is
 * Dice over trigrams weighted by rarity (1 / the number of free lines holding the trigram):
 * markup repeated on every line of a list (sponsor rows, table cells) weighs little, the words
 * that make a line itself weigh much.
 */
function similarPairs(olds: Line[], news: Line[], minSim: number): [number, number, number][] {
  const index = new Map<number, number[]>();
  const lineCount = new Map<number, number>();
  news.forEach((l, j) => {
    for (const g of l.grams) {
      const list = index.get(g);
      if (list) list.push(j);
      else index.set(g, [j]);
    }
  });
  for (const lines of [olds, news])
    for (const l of lines) for (const g of l.grams) lineCount.set(g, (lineCount.get(g) ?? 0) + 1);
  const weight = (g: number): number => 1 / lineCount.get(g)!;
  const mass = (l: Line): number => {
    let m = 0;
    for (const g of l.grams) m += weight(g);
    return m;
  };
  const newMass = news.map(mass);
  const pairs: [number, number, number][] = [];
  const shared = new Float64Array(news.length);
  const touched: number[] = [];
  olds.forEach((l, i) => {
    for (const g of l.grams) {
      const list = index.get(g);
      if (!list || list.length > MAX_POSTINGS) continue;
      const w = weight(g);
      for (const j of list) {
        if (shared[j] === 0) touched.push(j);
        shared[j] = shared[j]! + w;
      }
    }
    const m = mass(l);
    for (const j of touched) {
      const sim = (2 * shared[j]!) / (m + newMass[j]!);
      if (sim >= minSim) pairs.push([i, j, sim]);
      shared[j] = 0;
    }
    touched.length = 0;
  });
  return pairs.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
}

/**
 * Move blocks (old folded -> new folded) from lines paired by similarity, covering only
 * characters that neither `blocks` (the document diff) nor `moves` already matched. Sorted by a.
 * minSim > 1 switches the pairing off.
 */
export function pairMovedLines(
  o: Normalised,
  n: Normalised,
  blocks: MatchBlock[],
  moves: MatchBlock[],
  minSim: number,
  budget: DiffBudget,
): MatchBlock[] {
  if (minSim > 1) return [];
  // Lines are chosen by what the document diff left (a verbatim run detectMoves found on a
  // line does not disqualify it: the rest of the line moved with it); the pairs then add only
  // characters that neither the diff nor those runs matched.
  const olds = freeLines(o, blocks, 'a');
  const news = freeLines(n, blocks, 'b');
  if (olds.length === 0 || news.length === 0) return [];
  const usedA = matchedMask(o.norm.length, [blocks, moves], 'a');
  const usedB = matchedMask(n.norm.length, [blocks, moves], 'b');
  const pairedOld = new Uint8Array(olds.length);
  const pairedNew = new Uint8Array(news.length);
  const out: MatchBlock[] = [];
  for (const [i, j] of similarPairs(olds, news, minSim)) {
    if (pairedOld[i] || pairedNew[j]) continue;
    pairedOld[i] = 1;
    pairedNew[j] = 1;
    const x = olds[i]!;
    const y = news[j]!;
    const raw = diffSequences(codes(o.norm, x.a, x.b), codes(n.norm, y.a, y.b), budget);
    for (const bl of cleanupCoincidental(raw, x.b - x.a, y.b - y.a)) {
      // Keep the stretches free on both sides: the document diff's own matches stand.
      let run = 0;
      for (let k = 0; k <= bl.len; k++) {
        const a = x.a + bl.a + k;
        const b = y.a + bl.b + k;
        if (k < bl.len && !usedA[a] && !usedB[b]) {
          run++;
          continue;
        }
        if (run > 0) out.push({ a: a - run, b: b - run, len: run });
        run = 0;
      }
    }
  }
  return out.sort((p, q) => p.a - q.a);
}

/** Two block lists sorted by a, merged (their old-side ranges never overlap). */
export function mergeBlocks(x: MatchBlock[], y: MatchBlock[]): MatchBlock[] {
  if (y.length === 0) return x;
  if (x.length === 0) return y;
  return [...x, ...y].sort((p, q) => p.a - q.a);
}
