/**
 * The first stage of reanchor's document diff (text-diff.ts): whole lines that occur once on
 * each side anchor the alignment (patience diff over lines, recursively in the gaps), and the
 * word-token diff runs only inside the gaps of lines that changed.
 *
 * Documents are written in lines: list items, table rows, link definitions, code. Where such a
 * block repeats its shape (sponsor rows, option lists, the same code example twice), a token
 * diff over the whole document pairs tokens by order and can take an edited line's words from
 * its neighbour, or keep one copy of a repeated paragraph and drop the one the text around it
 * says survived. An unchanged line, unique on both sides, is evidence no token can outvote.
 * A revision that rewrote most lines has few such anchors; then the token diff alone decides
 * (`LINE_ANCHOR_MIN_SHARE`).
 */
import { diffSequences, uniqueRunAnchors, type DiffBudget, type MatchBlock } from './diff';
import type { Normalised } from './normalise';
import type { SolidTokens, TokenPair } from './text-diff';

/** Below this share of the old text's tokens in anchored lines, lines are not used. */
export const LINE_ANCHOR_MIN_SHARE = 0.2;
/** Gaps between anchored lines larger than this (tokens x tokens) are split by patience first. */
const GAP_MAX_MYERS_CELLS = 1_000_000;
/** Recursion depth of the line patience (each level anchors at least one line). */
const MAX_DEPTH = 60;

/** Lines holding at least one solid token: the first token of each (and a sentinel), and an id
 * per distinct token sequence (shared by both sides through `dict`). */
type Lines = { first: Int32Array; ids: Int32Array };

function linesOf(x: Normalised, t: SolidTokens, dict: Map<string, number>): Lines {
  const first: number[] = [];
  const ids: number[] = [];
  let line = -1;
  let nextBreak = x.text.indexOf('\n');
  let key = '';
  const close = (): void => {
    let id = dict.get(key);
    if (id === undefined) dict.set(key, (id = dict.size));
    ids.push(id);
  };
  for (let k = 0; k < t.ids.length; k++) {
    const at = x.starts[t.starts[k]!]!; // original offset of the token
    let l = Math.max(line, 0); // (line -1: before the first token)
    while (nextBreak !== -1 && nextBreak < at) {
      l++;
      nextBreak = x.text.indexOf('\n', nextBreak + 1);
    }
    if (l !== line) {
      if (k > 0) close();
      first.push(k);
      key = '';
      line = l;
    }
    key += `${t.ids[k]},`;
  }
  if (t.ids.length > 0) close();
  first.push(t.ids.length);
  return { first: Int32Array.from(first), ids: Int32Array.from(ids) };
}

/**
 * Token match blocks (indexes into t0/t1) of the line-anchored diff, or null when too little of
 * the old text lies in anchored lines (the caller then diffs the tokens of the whole document).
 */
export function lineAnchoredBlocks(
  { t0, t1 }: TokenPair,
  o: Normalised,
  n: Normalised,
  budget: DiffBudget,
): MatchBlock[] | null {
  const dict = new Map<string, number>();
  const A = linesOf(o, t0, dict);
  const B = linesOf(n, t1, dict);
  // First the lines: anchored pairs and the gaps between them, in order.
  const steps: ({ line: [number, number] } | { gap: [number, number, number, number] })[] = [];
  let anchoredTokens = 0;
  const pair = (i: number, j: number): void => {
    anchoredTokens += A.first[i + 1]! - A.first[i]!;
    steps.push({ line: [i, j] });
  };
  const align = (a0: number, a1: number, b0: number, b1: number, depth: number): void => {
    while (a0 < a1 && b0 < b1 && A.ids[a0] === B.ids[b0]) pair(a0++, b0++);
    let tail = 0;
    while (a1 > a0 && b1 > b0 && A.ids[a1 - 1] === B.ids[b1 - 1]) {
      a1--;
      b1--;
      tail++;
    }
    if (a0 < a1 && b0 < b1) {
      const anchors = depth < MAX_DEPTH ? uniqueRunAnchors(A.ids, B.ids, a0, a1, b0, b1) : [];
      if (anchors.length === 0) steps.push({ gap: [a0, a1, b0, b1] });
      else {
        let pa = a0;
        let pb = b0;
        for (let k = 0; k < anchors.length; k += 2) {
          const i = anchors[k]!;
          const j = anchors[k + 1]!;
          align(pa, i, pb, j, depth + 1);
          pair(i, j);
          pa = i + 1;
          pb = j + 1;
        }
        align(pa, a1, pb, b1, depth + 1);
      }
    }
    for (let k = 0; k < tail; k++) pair(a1 + k, b1 + k);
  };
  align(0, A.ids.length, 0, B.ids.length, 0);
  if (anchoredTokens < LINE_ANCHOR_MIN_SHARE * t0.ids.length) return null;
  // Then the tokens: anchored lines pair token by token, gaps are diffed.
  const blocks: MatchBlock[] = [];
  const push = (a: number, b: number, len: number): void => {
    const last = blocks[blocks.length - 1];
    if (last && last.a + last.len === a && last.b + last.len === b) last.len += len;
    else blocks.push({ a, b, len });
  };
  for (const step of steps) {
    if ('line' in step) {
      const [i, j] = step.line;
      push(A.first[i]!, B.first[j]!, A.first[i + 1]! - A.first[i]!);
      continue;
    }
    const [la0, la1, lb0, lb1] = step.gap;
    const ta0 = A.first[la0]!;
    const tb0 = B.first[lb0]!;
    const gapA = t0.ids.subarray(ta0, A.first[la1]!);
    const gapB = t1.ids.subarray(tb0, B.first[lb1]!);
    for (const bl of diffSequences(gapA, gapB, budget, GAP_MAX_MYERS_CELLS))
      push(ta0 + bl.a, tb0 + bl.b, bl.len);
  }
  return blocks;
}
