/**
 * Ground truth for the corpus, deliberately independent of the engine's diff:
 *  1. lines: `git diff --no-index --histogram -U0` (git's implementation, not ours) splits the
 *     revision into unchanged lines and changed hunks;
 *  2. inside each hunk, lines are paired by similarity first, then characters are aligned by a
 *     full dynamic-programming LCS within each pair of lines and in the gaps between pairs
 *     (quadratic, exact; the engine uses patience + Myers with bounds and works on folded text;
 *     see align.ts);
 *  3. islands of 1-2 short coincidentally-equal tokens inside rewritten hunks are dropped
 *     (the usual "semantic cleanup": an equality shorter than the edits on both sides);
 *  4. whole lines deleted in one place and inserted verbatim in another are paired as moves;
 *  5. old lines re-aligned to their clearly best new line where the alignment misplaced them
 *     (line-audit.ts);
 *  6. every classification is checked against plain string evidence (survival.ts).
 * Every "intact" expectation is verified by direct substring comparison.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { alignHunk, dropIslands, lcs, linePairingGain, tokens, trigramsOf } from './align';
import { auditLines } from './line-audit';
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

/**
 * Joins hunks separated only by blank lines when their lines pair up better joined. A line diff
 * anchors on blank lines, the commonest line of all, and in a run of similar lines whose texts
 * all changed (link definitions, option blocks) that can pair each old line with its
 * neighbour's new one, one hunk per line; joined, alignHunk pairs the lines by their text.
 * Rewritten prose is left in its hunks: joined, a character alignment finds more coincidences.
 */
function joinAcrossBlankLines(
  hunks: Hunk[],
  oldText: string,
  newText: string,
  ol: number[],
  nl: number[],
): Hunk[] {
  const gainOf = (h: Hunk): number =>
    h.os > 0 && h.ns > 0
      ? linePairingGain(oldText, newText, ol[h.o]!, ol[h.o + h.os]!, nl[h.n]!, nl[h.n + h.ns]!)
      : 0;
  const out: { h: Hunk; gain: number }[] = [];
  for (const h of hunks) {
    const prev = out[out.length - 1];
    const gain = gainOf(h);
    if (prev) {
      const gapFrom = ol[prev.h.o + prev.h.os]!;
      const gapTo = ol[h.o]!;
      if (gapTo > gapFrom && oldText.slice(gapFrom, gapTo).trim() === '') {
        const joined = {
          o: prev.h.o,
          os: h.o + h.os - prev.h.o,
          n: prev.h.n,
          ns: h.n + h.ns - prev.h.n,
        };
        const joinedGain = gainOf(joined);
        if (joinedGain > prev.gain + gain + JOIN_MIN_EXTRA_GAIN) {
          out[out.length - 1] = { h: joined, gain: joinedGain };
          continue;
        }
      }
    }
    out.push({ h, gain });
  }
  return out.map((x) => x.h);
}

/** Joining must raise the summed line similarity by this much (about one better-paired line). */
const JOIN_MIN_EXTRA_GAIN = 0.05;

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
  const hunks = joinAcrossBlankLines(gitHunks(oldText, newText), oldText, newText, ol, nl);
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
      const { pairs, unknown } = alignHunk(oldText, newText, oa, ob, na, nb);
      for (const [i, j] of pairs) map[i] = j;
      for (const [u0, u1] of unknown) map.fill(-2, u0, u1);
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
  auditLines(oldText, newText, map);
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
        out.push({ s, e, grams: trigramsOf(text.slice(s, e)) });
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
