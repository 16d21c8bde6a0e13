/**
 * Sequence diff used by reanchor (on word tokens of whole documents) and by the fuzzy matcher
 * (on characters of a quote against a small window). Patience anchors (tokens unique on both
 * sides, longest increasing run) split large inputs into small gaps, and Myers' O(ND) diff
 * finishes each gap; both are bounded so a 400 KB rewrite stays well under a second.
 */

/** a[aStart, aStart+len) equals b[bStart, bStart+len). Blocks are increasing in both. */
export type MatchBlock = { a: number; b: number; len: number };

type Seq = ArrayLike<number>;

const MYERS_MAX_D = 2000;
const MYERS_MAX_COST = 4_000_000;

/**
 * A shared allowance of Myers steps (one per diagonal visited) for several diffs, so a revision
 * that rewrote everything costs a bounded amount: once spent, remaining gaps are treated as
 * replaced (reanchor then falls back to selector matching for the spans in them).
 */
export type DiffBudget = { steps: number };

/** One diffSequences() call's shared budget and its size limit for running Myers directly. */
type DiffRun = { budget: DiffBudget; maxMyersCells: number };

/**
 * `maxMyersCells`: gaps with more cells (n x m) than this are split by patience anchors before
 * Myers runs on them (default MYERS_MAX_COST).
 */
export function diffSequences(
  a: Seq,
  b: Seq,
  budget?: DiffBudget,
  maxMyersCells = MYERS_MAX_COST,
): MatchBlock[] {
  const pairs: number[] = []; // flattened (ai, bi) of matched elements, in order
  const run = { budget: budget ?? { steps: Infinity }, maxMyersCells };
  diffRange(a, b, 0, a.length, 0, b.length, pairs, run, 0);
  const blocks: MatchBlock[] = [];
  for (let k = 0; k < pairs.length; k += 2) {
    const ai = pairs[k]!;
    const bi = pairs[k + 1]!;
    const last = blocks[blocks.length - 1];
    if (last && last.a + last.len === ai && last.b + last.len === bi) last.len++;
    else blocks.push({ a: ai, b: bi, len: 1 });
  }
  return blocks;
}

function diffRange(
  a: Seq,
  b: Seq,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  out: number[],
  run: DiffRun,
  depth: number,
): void {
  while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) {
    out.push(a0++, b0++);
  }
  let tail = 0;
  while (a1 > a0 && b1 > b0 && a[a1 - 1] === b[b1 - 1]) {
    a1--;
    b1--;
    tail++;
  }
  if (a0 < a1 && b0 < b1) {
    const n = a1 - a0;
    const m = b1 - b0;
    let done = false;
    if (n * m <= run.maxMyersCells || n + m < 600)
      done = myers(a, b, a0, a1, b0, b1, out, run.budget, MYERS_MAX_D);
    if (!done && depth < 40) done = patience(a, b, a0, a1, b0, b1, out, run, depth);
    if (!done && (n + m) * 64 <= MYERS_MAX_COST * 4)
      myers(a, b, a0, a1, b0, b1, out, run.budget, 64);
    // Otherwise the gap is treated as a full replacement: selector matching handles moves.
  }
  for (let k = 0; k < tail; k++) out.push(a1 + k, b1 + k);
}

/**
 * Splits on runs of `width` tokens that occur exactly once on each side (patience diff), then
 * recurses into the gaps. Prose with a small vocabulary has few unique words, so wider runs
 * (word n-grams) are tried when single tokens give no anchors. False if nothing anchors.
 */
function patience(
  a: Seq,
  b: Seq,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  out: number[],
  run: DiffRun,
  depth: number,
): boolean {
  for (const width of [1, 4, 12]) {
    if (a1 - a0 < width || b1 - b0 < width) return false;
    if (patienceWidth(a, b, a0, a1, b0, b1, out, run, depth, width)) return true;
  }
  return false;
}

function runKey(s: Seq, i: number, width: number): number {
  let h = 0;
  for (let k = 0; k < width; k++) h = (Math.imul(h, 0x01000193) + s[i + k]! + 1) | 0;
  return h;
}

function sameRun(a: Seq, i: number, b: Seq, j: number, width: number): boolean {
  for (let k = 0; k < width; k++) if (a[i + k] !== b[j + k]) return false;
  return true;
}

function patienceWidth(
  a: Seq,
  b: Seq,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  out: number[],
  run: DiffRun,
  depth: number,
  width: number,
): boolean {
  const anchors = uniqueRunAnchors(a, b, a0, a1, b0, b1, width);
  if (anchors.length === 0) return false;
  let pa = a0;
  let pb = b0;
  for (let k = 0; k < anchors.length; k += 2) {
    const ai = anchors[k]!;
    const bj = anchors[k + 1]!;
    diffRange(a, b, pa, ai, pb, bj, out, run, depth + 1);
    for (let w = 0; w < width; w++) out.push(ai + w, bj + w);
    pa = ai + width;
    pb = bj + width;
  }
  diffRange(a, b, pa, a1, pb, b1, out, run, depth + 1);
  return true;
}

/**
 * Patience anchors: runs of `width` elements occurring exactly once in a[a0, a1) and once in
 * b[b0, b1), the longest chain of them in order on both sides, without overlaps. Flattened
 * (ai, bj) pairs of the runs' starts, increasing. Also anchors reanchor's line diff (line-anchors.ts).
 */
export function uniqueRunAnchors(
  a: Seq,
  b: Seq,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  width = 1,
): number[] {
  const seen = new Map<number, number>(); // key -> index in a, or -1 if repeated
  for (let i = a0; i + width <= a1; i++) {
    const t = runKey(a, i, width);
    seen.set(t, seen.has(t) ? -1 : i);
  }
  const inB = new Map<number, number>();
  for (let j = b0; j + width <= b1; j++) {
    const t = runKey(b, j, width);
    const ia = seen.get(t);
    if (ia === undefined || ia === -1) continue;
    inB.set(t, inB.has(t) ? -1 : j);
  }
  const cand: number[] = []; // (ai, bj) pairs, ordered by ai
  for (let i = a0; i + width <= a1; i++) {
    const t = runKey(a, i, width);
    const j = inB.get(t);
    if (j !== undefined && j !== -1 && seen.get(t) === i && sameRun(a, i, b, j, width))
      cand.push(i, j);
  }
  const anchors: number[] = [];
  let pa = a0;
  let pb = b0;
  for (const k of longestIncreasing(cand)) {
    const ai = cand[2 * k]!;
    const bj = cand[2 * k + 1]!;
    if (ai < pa || bj < pb) continue; // overlaps the previous run
    anchors.push(ai, bj);
    pa = ai + width;
    pb = bj + width;
  }
  return anchors;
}

/** Indices (into pair list) of a longest subsequence with increasing b, O(n log n). */
function longestIncreasing(pairs: number[]): number[] {
  const n = pairs.length / 2;
  const tails: number[] = [];
  const prev = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    const v = pairs[2 * k + 1]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[2 * tails[mid]! + 1]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const res: number[] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k !== -1; k = prev[k]!) res.push(k);
  return res.reverse();
}

/**
 * Myers' trace: the furthest-reaching x of every diagonal k in [-d, d] at each d, stored flat
 * (round d starts at d * d), in one buffer reused across calls instead of an array per round.
 */
let traceBuf = new Int32Array(1 << 16);

function traceRoom(size: number): Int32Array {
  if (traceBuf.length < size) {
    let n = traceBuf.length;
    while (n < size) n *= 2;
    const grown = new Int32Array(n);
    grown.set(traceBuf); // rounds already stored by the running diff
    traceBuf = grown;
  }
  return traceBuf;
}

/** Myers' greedy O(ND) shortest edit script; false (nothing emitted) if D exceeds maxD. */
function myers(
  a: Seq,
  b: Seq,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  out: number[],
  budget: DiffBudget,
  maxD: number,
): boolean {
  const n = a1 - a0;
  const m = b1 - b0;
  const max = Math.min(n + m, maxD);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  let trace = traceRoom(64);
  for (let d = 0; d <= max; d++) {
    budget.steps -= d + 1;
    if (budget.steps < 0) return false;
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!)) x = v[off + k + 1]!;
      else x = v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[a0 + x] === b[b0 + y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        trace = traceRoom((d + 1) * (d + 1));
        trace.set(v.subarray(off - d, off + d + 1), d * d);
        backtrack(trace, d, n, m, a0, b0, out);
        return true;
      }
    }
    trace = traceRoom((d + 1) * (d + 1));
    trace.set(v.subarray(off - d, off + d + 1), d * d);
  }
  return false;
}

function backtrack(
  trace: Int32Array,
  dEnd: number,
  n: number,
  m: number,
  a0: number,
  b0: number,
  out: number[],
): void {
  const rev: number[] = [];
  let x = n;
  let y = m;
  for (let d = dEnd; d > 0; d--) {
    // Round d - 1 starts at (d - 1)^2 and is indexed by k + (d - 1).
    const base = (d - 1) * (d - 1) + d - 1;
    const k = x - y;
    const at = (kk: number): number => trace[base + kk]!;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    const startX = prevK === k + 1 ? prevX : prevX + 1;
    const startY = startX - k;
    while (x > startX && y > startY) {
      x--;
      y--;
      rev.push(a0 + x, b0 + y);
    }
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    rev.push(a0 + x, b0 + y);
  }
  for (let k = rev.length - 2; k >= 0; k -= 2) out.push(rev[k]!, rev[k + 1]!);
}
