/**
 * Ground truth for the corpus, deliberately independent of the engine's diff:
 *  1. lines: `git diff --no-index --histogram -U0` (git's implementation, not ours) splits the
 *     revision into unchanged lines and changed hunks;
 *  2. inside each hunk, a full dynamic-programming LCS over word tokens (quadratic, exact;
 *     the engine uses patience + Myers with bounds and works on folded text);
 *  3. islands of 1-2 short coincidentally-equal tokens inside rewritten hunks are dropped
 *     (the usual "semantic cleanup": an equality shorter than the edits on both sides);
 *  4. whole lines deleted in one place and inserted verbatim in another are paired as moves;
 *  5. every classification is checked against plain string evidence (survival.ts).
 * Every "intact" expectation is verified by direct substring comparison.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { collapseWhitespace, type Collapsed } from './survival';

/** oldToNew[i] = index in new text of old char i, -1 if deleted, -2 if unknown (hunk too big). */
export type CharMap = Int32Array;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  if (starts[starts.length - 1] === text.length && text.length > 0) starts.pop();
  starts.push(text.length); // sentinel: start of the line after the last
  return starts;
}

type Hunk = { o: number; os: number; n: number; ns: number };

function gitHunks(oldText: string, newText: string): Hunk[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gt-'));
  const a = path.join(dir, 'a');
  const b = path.join(dir, 'b');
  fs.writeFileSync(a, oldText);
  fs.writeFileSync(b, newText);
  let out = '';
  try {
    out = execFileSync('git', ['diff', '--no-index', '--no-color', '--histogram', '-U0', a, b], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
  } catch (err) {
    out = (err as { stdout?: string }).stdout ?? '';
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const hunks: Hunk[] = [];
  for (const m of out.matchAll(/^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/gm)) {
    const os_ = m[2] === undefined ? 1 : Number(m[2]);
    const ns = m[4] === undefined ? 1 : Number(m[4]);
    // With a zero count git names the line *before* the gap; convert to 0-based gap starts.
    hunks.push({
      o: os_ === 0 ? Number(m[1]) : Number(m[1]) - 1,
      os: os_,
      n: ns === 0 ? Number(m[3]) : Number(m[3]) - 1,
      ns,
    });
  }
  return hunks;
}

const WORD_TOKEN = /\s+|[\p{L}\p{N}_]+|[\s\S]/gu;

/** Characters when the hunk is small enough for a character DP, else word tokens. */
function tokens(
  text: string,
  from: number,
  to: number,
  chars: boolean,
): { s: number; e: number; t: string }[] {
  const out: { s: number; e: number; t: string }[] = [];
  if (chars) {
    for (let i = from; i < to; i++) out.push({ s: i, e: i + 1, t: text[i]! });
    return out;
  }
  const seg = text.slice(from, to);
  for (const m of seg.matchAll(WORD_TOKEN))
    out.push({ s: from + m.index, e: from + m.index + m[0].length, t: m[0] });
  return out;
}

const MAX_DP_CELLS = 16_000_000;

/** Exact LCS over tokens by dynamic programming; returns aligned token index pairs. */
function lcs(a: { t: string }[], b: { t: string }[]): [number, number][] | null {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_DP_CELLS) return null;
  const w = m + 1;
  const dp = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * w + j] =
        a[i]!.t === b[j]!.t
          ? dp[(i + 1) * w + j + 1]! + 1
          : Math.max(dp[(i + 1) * w + j]!, dp[i * w + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i]!.t === b[j]!.t) pairs.push([i++, j++]);
    else if (dp[(i + 1) * w + j]! >= dp[i * w + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** Drops aligned runs that are shorter than the unaligned material on both sides. */
function dropIslands(
  pairs: [number, number][],
  a: { s: number; e: number; t: string }[],
  b: { s: number; e: number }[],
): [number, number][] {
  for (let pass = 0; pass < 8; pass++) {
    const next = dropIslandsOnce(pairs, a, b);
    if (next.length === pairs.length) return next;
    pairs = next;
  }
  return pairs;
}

function dropIslandsOnce(
  pairs: [number, number][],
  a: { s: number; e: number; t: string }[],
  b: { s: number; e: number }[],
): [number, number][] {
  // group into runs of consecutive pairs
  const runs: [number, number][][] = [];
  for (const p of pairs) {
    const last = runs[runs.length - 1];
    const q = last?.[last.length - 1];
    if (last && q && q[0] + 1 === p[0] && q[1] + 1 === p[1]) last.push(p);
    else runs.push([p]);
  }
  const chars = (run: [number, number][]): number =>
    run.reduce((s, [i]) => s + a[i]!.e - a[i]!.s, 0);
  const kept: [number, number][][] = [];
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const prev = kept[kept.length - 1];
    const next = runs[r + 1];
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const gapBefore = Math.max(
      a[first[0]]!.s - (prev ? a[prev[prev.length - 1]![0]]!.e : a[0]!.s),
      b[first[1]]!.s - (prev ? b[prev[prev.length - 1]![1]]!.e : b[0]!.s),
    );
    const gapAfter = Math.max(
      (next ? a[next[0]![0]]!.s : a[a.length - 1]!.e) - a[last[0]]!.e,
      (next ? b[next[0]![1]]!.s : b[b.length - 1]!.e) - b[last[1]]!.e,
    );
    const len = chars(run);
    if (len <= Math.min(gapBefore, gapAfter)) continue;
    kept.push(run);
  }
  return kept.flat();
}

export type GroundTruth = {
  map: CharMap;
  /** For each old char inside a changed hunk: [start, end) of the hunk's new text, else null. */
  hunkOf: (i: number) => [number, number] | null;
  /** Both texts with whitespace runs collapsed, for the survival rule (survival.ts). */
  collapsedOld: Collapsed;
  collapsedNew: Collapsed;
};

export function groundTruthMap(oldText: string, newText: string): GroundTruth {
  const map = new Int32Array(oldText.length).fill(-1);
  const hunkRanges: [number, number, number, number][] = [];
  const ol = lineStarts(oldText);
  const nl = lineStarts(newText);
  const hunks = gitHunks(oldText, newText);
  let oLine = 0;
  let nLine = 0;
  const copyLines = (count: number): void => {
    for (let k = 0; k < count; k++) {
      const os_ = ol[oLine + k]!;
      const oe = ol[oLine + k + 1]!;
      const ns = nl[nLine + k]!;
      for (let i = os_; i < oe; i++) map[i] = ns + (i - os_);
    }
  };
  const deletedLines: number[] = [];
  const insertedLines: number[] = [];
  for (const h of hunks) {
    copyLines(h.o - oLine);
    nLine += h.o - oLine;
    oLine = h.o;
    const oa = ol[h.o]!;
    const ob = ol[h.o + h.os]!;
    const na = nl[h.n]!;
    const nb = nl[h.n + h.ns]!;
    if (ob > oa && nb > na) {
      const alignRange = (a0: number, a1: number, b0: number, b1: number): void => {
        const chars = (a1 - a0) * (b1 - b0) <= MAX_DP_CELLS;
        const ta = tokens(oldText, a0, a1, chars);
        const tb = tokens(newText, b0, b1, chars);
        const pairs = ta.length && tb.length ? lcs(ta, tb) : [];
        if (pairs === null) {
          map.fill(-2, a0, a1);
          return;
        }
        for (const [i, j] of dropIslands(pairs, ta, tb)) {
          for (let c = 0; c < ta[i]!.e - ta[i]!.s; c++) map[ta[i]!.s + c] = tb[j]!.s + c;
        }
      };
      const wsOnly = (t: string): string => t.replace(/\s+/g, '');
      if (wsOnly(oldText.slice(oa, ob)) === wsOnly(newText.slice(na, nb))) {
        alignRange(oa, ob, na, nb); // re-wrapped only: a plain alignment is exact
      } else {
        alignRange(oa, ob, na, nb);
      }
    }
    hunkRanges.push([oa, ob, na, nb]);
    for (let k = 0; k < h.os; k++) deletedLines.push(h.o + k);
    for (let k = 0; k < h.ns; k++) insertedLines.push(h.n + k);
    oLine = h.o + h.os;
    nLine = h.n + h.ns;
  }
  copyLines(ol.length - 1 - oLine);

  // Moves: a fully unmatched old line whose text appears as exactly one fully new line.
  const newTargets = new Set<number>();
  for (let i = 0; i < map.length; i++) if (map[i]! >= 0) newTargets.add(map[i]!);
  const byText = new Map<string, number[]>();
  for (const k of insertedLines) {
    const t = newText.slice(nl[k]!, nl[k + 1]!).replace(/\r?\n$/, '');
    let free = true;
    for (let c = nl[k]!; c < nl[k]! + t.length && free; c++) if (newTargets.has(c)) free = false;
    if (free && t.trim().length >= 16) byText.set(t, [...(byText.get(t) ?? []), k]);
  }
  const oldCount = new Map<string, number>();
  for (const k of deletedLines) {
    const t = oldText.slice(ol[k]!, ol[k + 1]!).replace(/\r?\n$/, '');
    oldCount.set(t, (oldCount.get(t) ?? 0) + 1);
  }
  for (const k of deletedLines) {
    const s = ol[k]!;
    const t = oldText.slice(s, ol[k + 1]!).replace(/\r?\n$/, '');
    const targets = byText.get(t);
    if (!targets || targets.length !== 1 || oldCount.get(t) !== 1) continue;
    let untouched = true;
    for (let c = s; c < s + t.length && untouched; c++) if (map[c] !== -1) untouched = false;
    if (!untouched) continue;
    const ns = nl[targets[0]!]!;
    for (let c = 0; c < t.length; c++) map[s + c] = ns + c;
  }
  fuzzyMoves(oldText, newText, map, ol, nl);
  const hunkOf = (i: number): [number, number] | null => {
    for (const [oa, ob, na, nb] of hunkRanges) if (i >= oa && i < ob) return [na, nb];
    return null;
  };
  return {
    map,
    hunkOf,
    collapsedOld: collapseWhitespace(oldText),
    collapsedNew: collapseWhitespace(newText),
  };
}

/** covered[j] = 1 when new char j is the image of some old char. */
export function coveredNew(map: CharMap, newLength: number): Uint8Array {
  const covered = new Uint8Array(newLength);
  for (let i = 0; i < map.length; i++) if (map[i]! >= 0) covered[map[i]!] = 1;
  return covered;
}

function trigrams(t: string): Set<string> {
  const out = new Set<string>();
  const f = t.replace(/\s+/g, ' ').trim();
  for (let i = 0; i + 3 <= f.length; i++) out.add(f.slice(i, i + 3));
  return out;
}

/**
 * Lines that were moved *and* lightly edited (re-indented list items, a sentence moved to
 * another section with one word changed): pair still-unmatched old lines with still-unused new
 * lines by trigram similarity, then align each pair character by character.
 */
function fuzzyMoves(
  oldText: string,
  newText: string,
  map: Int32Array,
  ol: number[],
  nl: number[],
): void {
  const covered = coveredNew(map, newText.length);
  type L = { s: number; e: number; grams: Set<string> };
  const lines = (text: string, starts: number[], free: (i: number) => boolean): L[] => {
    const out: L[] = [];
    for (let k = 0; k + 1 < starts.length; k++) {
      const s = starts[k]!;
      const e = starts[k + 1]! - (text[starts[k + 1]! - 1] === '\n' ? 1 : 0);
      let solid = 0;
      let freeCount = 0;
      for (let i = s; i < e; i++) {
        if (/\s/.test(text[i]!)) continue;
        solid++;
        if (free(i)) freeCount++;
      }
      if (solid >= 10 && freeCount / solid >= 0.5)
        out.push({ s, e, grams: trigrams(text.slice(s, e)) });
    }
    return out;
  };
  const olds = lines(oldText, ol, (i) => map[i] === -1);
  const news = lines(newText, nl, (j) => !covered[j]);
  if (olds.length === 0 || news.length === 0) return;
  const index = new Map<string, number[]>();
  news.forEach((l, j) => {
    for (const g of l.grams) index.set(g, [...(index.get(g) ?? []), j]);
  });
  const pairs: { i: number; j: number; sim: number }[] = [];
  olds.forEach((l, i) => {
    const shared = new Map<number, number>();
    for (const g of l.grams) {
      const list = index.get(g);
      if (!list || list.length > 300) continue;
      for (const j of list) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    for (const [j, c] of shared) {
      const sim = (2 * c) / (l.grams.size + news[j]!.grams.size);
      if (sim >= 0.5) pairs.push({ i, j, sim });
    }
  });
  pairs.sort((x, y) => y.sim - x.sim);
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  for (const { i, j } of pairs) {
    if (usedOld.has(i) || usedNew.has(j)) continue;
    usedOld.add(i);
    usedNew.add(j);
    const a = olds[i]!;
    const b = news[j]!;
    const ta = tokens(oldText, a.s, a.e, true);
    const tb = tokens(newText, b.s, b.e, true);
    const aligned = lcs(ta, tb);
    if (!aligned) continue;
    for (const [x, y] of dropIslands(aligned, ta, tb)) {
      const oi = ta[x]!.s;
      const nj = tb[y]!.s;
      if (map[oi] === -1 && !covered[nj]) {
        map[oi] = nj;
        covered[nj] = 1;
      }
    }
  }
}
