/**
 * The ground truth's last stage (groundtruth.ts): lines the alignment put in the wrong place.
 *
 * The line diff and the LCS inside each hunk keep order, so a line that was moved _and_ edited
 * (an options list re-sorted while its entries were reworded, a list item moved to another
 * section and renamed, a sentence quoted with "> " in a new place) is either called deleted, or
 * its characters are paired with whatever line happened to take its place in the hunk: a
 * neighbouring list entry, a different sponsor row. Reading the corpus's false anchors found
 * both kinds, e.g. "- `sequences` (default: true) -- join consecutive simple statements" whose
 * "default: t" the hunk-wide alignment lost although the line survives with "`true`".
 *
 * Rule: an old line and a new line that are each other's clearly best match in the whole
 * document (trigram similarity >= MIN_SIMILARITY, every other line at least MIN_MARGIN below, in
 * both directions) belong together. The old line is re-aligned to that new line character by
 * character (the exact LCS of align.ts, coincidental islands dropped) when the alignment
 *  - misplaced it: sent less than half of its characters to that new line or its neighbours (the
 *    neighbours are a margin for re-wrapped text, whose words move to the next line), or
 *  - holed it: sent it to that new line alone, but kept MIN_HOLES or more characters fewer than
 *    the pair's own alignment (a hunk-wide LCS of a re-sorted list, pairing pieces across lines).
 * Repairs are decided on the alignment as it stands and applied together. Old characters on
 * lines not repaired that the alignment had sent into a repaired line's partner become unknown:
 * their cases are skipped, not guessed. Independent of the engine: plain trigram sets and the
 * exact LCS of align.ts.
 */
import { dropIslands, lcs, linesOf, tokens, type Token } from './align';

/** Lines with fewer non-space characters say too little to be judged by similarity. */
const MIN_SOLID = 12;
/** Dice similarity of trigram sets at which two lines are the same line, edited. */
export const MIN_SIMILARITY = 0.8;
/** Every other candidate must be this much less similar (both directions). */
export const MIN_MARGIN = 0.1;
/** A line the alignment sent whole to its partner is re-aligned if the pair keeps this many more. */
const MIN_HOLES = 3;
/** Trigrams on more lines than this are markup shared by everything: not looked up. */
const MAX_POSTINGS = 300;

type Line = { s: number; e: number; grams: Set<string> };

/** Lines with enough text to be judged by similarity, and their trigrams. */
const judgedLines = (text: string): Line[] =>
  linesOf(text, 0, text.length, MIN_SOLID).filter((l): l is Line => l.grams !== null);

type Best = { at: number; sim: number; second: number };

/** For each line of `from`, its most similar line of `to` and the runner-up's similarity. */
function bestMatches(from: Line[], to: Line[]): Best[] {
  const index = new Map<string, number[]>();
  to.forEach((l, j) => {
    for (const g of l.grams) {
      const list = index.get(g);
      if (list) list.push(j);
      else index.set(g, [j]);
    }
  });
  return from.map((l) => {
    const shared = new Map<number, number>();
    for (const g of l.grams) {
      const list = index.get(g);
      if (!list || list.length > MAX_POSTINGS) continue;
      for (const j of list) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    const best: Best = { at: -1, sim: 0, second: 0 };
    for (const [j, c] of shared) {
      const sim = (2 * c) / (l.grams.size + to[j]!.grams.size);
      if (sim > best.sim) {
        best.second = best.sim;
        best.sim = sim;
        best.at = j;
      } else if (sim > best.second) best.second = sim;
    }
    return best;
  });
}

/** Re-aligns old lines the alignment misplaced (see above); changes `map` in place. */
export function auditLines(oldText: string, newText: string, map: Int32Array): number {
  const olds = judgedLines(oldText);
  const news = judgedLines(newText);
  if (olds.length === 0 || news.length === 0) return 0;
  const forward = bestMatches(olds, news);
  const backward = bestMatches(news, olds);
  // Which old characters point into each new line: built lazily from the map.
  const sources = new Map<number, number[]>();
  const lineOfNew = new Int32Array(newText.length).fill(-1);
  news.forEach((l, j) => lineOfNew.fill(j, l.s, l.e));
  for (let i = 0; i < map.length; i++) {
    const v = map[i]!;
    if (v < 0 || lineOfNew[v] === -1) continue;
    const j = lineOfNew[v]!;
    const list = sources.get(j);
    if (list) list.push(i);
    else sources.set(j, [i]);
  }
  // Decided on the alignment as it stands, then applied together: a repair must not stop the
  // next line's (its characters pointing into the repaired line would look unknown).
  const repairs: { L: Line; M: Line; pairs: [number, number][]; ta: Token[]; tb: Token[] }[] = [];
  forward.forEach((f, i) => {
    if (f.at === -1 || f.sim < MIN_SIMILARITY || f.sim - f.second < MIN_MARGIN) return;
    const b = backward[f.at]!;
    if (b.at !== i || b.sim - b.second < MIN_MARGIN) return;
    const L = olds[i]!;
    const M = news[f.at]!;
    // Where the alignment sent the old line: enough of it in M or its neighbours is right.
    const near0 = news[f.at - 1]?.s ?? M.s;
    const near1 = news[f.at + 1]?.e ?? M.e;
    let solid = 0;
    let near = 0;
    let inside = 0;
    let kept = 0;
    for (let c = L.s; c < L.e; c++) {
      if (/\s/.test(oldText[c]!)) continue;
      solid++;
      const v = map[c]!;
      if (v === -2) return; // the alignment gave up here; leave it unknown
      if (v >= 0) kept++;
      if (v >= near0 && v < near1) near++;
      if (v >= M.s && v < M.e) inside++;
    }
    const ta = tokens(oldText, L.s, L.e, true);
    const tb = tokens(newText, M.s, M.e, true);
    const aligned = lcs(ta, tb);
    if (!aligned) return;
    const pairs = dropIslands(aligned, ta, tb);
    const pairKept = pairs.filter(([x]) => !/\s/.test(ta[x]!.t)).length;
    // Misplaced: most of the line went elsewhere or nowhere. Holed: the line went to M alone,
    // but the alignment of the whole hunk left out characters that the pair keeps.
    const misplaced = near * 2 < solid;
    const holed = inside === kept && pairKept >= kept + MIN_HOLES;
    if (misplaced || holed) repairs.push({ L, M, pairs, ta, tb });
  });
  const repairedOld = new Uint8Array(oldText.length);
  for (const { L } of repairs) repairedOld.fill(1, L.s, L.e);
  for (const { M } of repairs) {
    for (const src of sources.get(lineOfNew[M.s]!) ?? []) if (!repairedOld[src]) map[src] = -2;
  }
  for (const { L, pairs, ta, tb } of repairs) {
    map.fill(-1, L.s, L.e);
    for (const [x, y] of pairs) map[ta[x]!.s] = tb[y]!.s;
  }
  return repairs.length;
}
