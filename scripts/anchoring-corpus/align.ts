/**
 * Character alignment inside one changed hunk of the ground truth (groundtruth.ts).
 *
 * One LCS over a whole hunk maximises the number of equal characters, so in a run of similar
 * lines (link definitions whose URLs all changed `HEAD` → `main`, option blocks of the same shape)
 * it can pair each old line with its *neighbour's* new line: a shift by one is as long a common
 * subsequence as the right pairing. So lines are paired first, by similarity and in order
 * (a weighted LCS over lines), characters are aligned within each pair, and what lies between
 * pairs (the ends of re-wrapped lines, unpaired lines) is aligned by a character LCS of its own.
 */

export type Token = { s: number; e: number; t: string };

const WORD_TOKEN = /\s+|[\p{L}\p{N}_]+|[\s\S]/gu;

/** Characters when the hunk is small enough for a character DP, else word tokens. */
export function tokens(
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

export const MAX_DP_CELLS = 16_000_000;

/** Exact LCS over tokens by dynamic programming; returns aligned token index pairs. */
export function lcs(a: { t: string }[], b: { t: string }[]): [number, number][] | null {
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
export function dropIslands(
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

/** Lines shorter than this (non-space characters) are never paired: too little to judge by. */
const MIN_PAIR_SOLID = 6;
/** Two lines are paired only when their trigram similarity (Dice) is at least this. */
const MIN_LINE_SIMILARITY = 0.5;
/** Pairing lines may keep this much less text than one alignment of the hunk, not more. */
const MAX_PAIRING_LOSS = 0.03;
/** Beyond this many line comparisons the hunk is aligned as one range, as before. */
const MAX_LINE_CELLS = 1_000_000;

export type Line = { s: number; e: number; grams: Set<string> | null };

/** Trigrams of a line with its whitespace runs collapsed: what line similarity (Dice) compares. */
export function trigramsOf(line: string): Set<string> {
  const collapsed = line.replace(/\s+/g, ' ').trim();
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= collapsed.length; i++) grams.add(collapsed.slice(i, i + 3));
  return grams;
}

/** The lines of text[from, to); `grams` only for lines of at least `minSolid` non-space chars. */
export function linesOf(text: string, from: number, to: number, minSolid = MIN_PAIR_SOLID): Line[] {
  const out: Line[] = [];
  let s = from;
  while (s < to) {
    let e = text.indexOf('\n', s);
    if (e === -1 || e > to) e = to;
    const line = text.slice(s, e);
    const solid = line.replace(/\s+/g, '').length;
    out.push({ s, e, grams: solid >= minSolid ? trigramsOf(line) : null });
    s = e + 1;
  }
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Pairs of line indexes, in order, maximising the summed similarity above the bar. */
function pairLines(a: Line[], b: Line[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const best = new Float64Array((n + 1) * w);
  const gain = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) gain[i * m + j] = pairGain(a[i]!, b[j]!);
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const g = gain[i * m + j]!;
      best[i * w + j] = Math.max(
        best[(i + 1) * w + j]!,
        best[i * w + j + 1]!,
        g > 0 ? best[(i + 1) * w + j + 1]! + g : 0,
      );
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const g = gain[i * m + j]!;
    if (g > 0 && best[i * w + j] === best[(i + 1) * w + j + 1]! + g) pairs.push([i++, j++]);
    else if (best[(i + 1) * w + j]! >= best[i * w + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/**
 * How strongly the lines of old [a0, a1) and new [b0, b1) pair up: the summed similarity above
 * the bar of the best in-order pairing (0 when too many lines to compare).
 */
export function linePairingGain(
  oldText: string,
  newText: string,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
): number {
  const la = linesOf(oldText, a0, a1);
  const lb = linesOf(newText, b0, b1);
  if (la.length * lb.length > MAX_LINE_CELLS) return 0;
  let gain = 0;
  for (const [i, j] of pairLines(la, lb)) gain += pairGain(la[i]!, lb[j]!);
  return gain;
}

function pairGain(a: Line, b: Line): number {
  const sim = a.grams && b.grams ? dice(a.grams, b.grams) : 0;
  return sim >= MIN_LINE_SIMILARITY ? sim - MIN_LINE_SIMILARITY + 1e-3 : 0;
}

/** Character pairs (absolute offsets) of one range's LCS; null when too big even for words. */
function alignRange(
  oldText: string,
  newText: string,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
): [number, number][] | null {
  if (a1 <= a0 || b1 <= b0) return [];
  const chars = (a1 - a0) * (b1 - b0) <= MAX_DP_CELLS;
  const ta = tokens(oldText, a0, a1, chars);
  const tb = tokens(newText, b0, b1, chars);
  const pairs = lcs(ta, tb);
  if (pairs === null) return null;
  const out: [number, number][] = [];
  for (const [i, j] of pairs)
    for (let c = 0; c < ta[i]!.e - ta[i]!.s; c++) out.push([ta[i]!.s + c, tb[j]!.s + c]);
  return out;
}

/**
 * Aligns old [a0, a1) with new [b0, b1) character by character: returns kept characters as
 * [old offset, new offset] pairs (short coincidental islands dropped), and old ranges too large
 * to align (unknown).
 */
export function alignHunk(
  oldText: string,
  newText: string,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
): { pairs: [number, number][]; unknown: [number, number][] } {
  const la = linesOf(oldText, a0, a1);
  const lb = linesOf(newText, b0, b1);
  const unknown: [number, number][] = [];
  let pairs: [number, number][] = [];
  const fill = (x0: number, x1: number, y0: number, y1: number): void => {
    const got = alignRange(oldText, newText, x0, x1, y0, y1);
    if (got === null) unknown.push([x0, x1]);
    else for (const p of got) pairs.push(p);
  };
  const byLines = la.length * lb.length <= MAX_LINE_CELLS && (la.length > 1 || lb.length > 1);
  if (byLines) {
    // Characters within each pair of similar lines first; these are the fixed points.
    const fixed: [number, number][] = [];
    for (const [i, j] of pairLines(la, lb)) {
      const got = alignRange(oldText, newText, la[i]!.s, la[i]!.e, lb[j]!.s, lb[j]!.e);
      for (const p of got ?? []) fixed.push(p);
    }
    // Then whatever lies between consecutive fixed points (line ends, unpaired lines).
    let po = a0 - 1;
    let pn = b0 - 1;
    for (const [o, n] of [...fixed, [a1, b1] as [number, number]]) {
      if (o - po > 1 && n - pn > 1) fill(po + 1, o, pn + 1, n);
      if (o < a1) pairs.push([o, n]);
      po = o;
      pn = n;
    }
    // Re-wrapped text pairs lines that only partly overlap, and pairing them loses the words
    // that moved to the next line; then the hunk-wide alignment is the right one.
    const whole = alignRange(oldText, newText, a0, a1, b0, b1);
    if (whole && whole.length * (1 - MAX_PAIRING_LOSS) > pairs.length) {
      pairs = whole;
      unknown.length = 0;
    }
  } else {
    fill(a0, a1, b0, b1);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  if (pairs.length === 0) return { pairs, unknown };
  // Islands are judged over the whole hunk, in characters.
  const ta = tokens(oldText, a0, a1, true);
  const tb = tokens(newText, b0, b1, true);
  const rel: [number, number][] = pairs.map(([o, n]) => [o - a0, n - b0]);
  return {
    pairs: dropIslands(rel, ta, tb).map(([i, j]) => [i + a0, j + b0]),
    unknown,
  };
}
