/**
 * Myers' bit-vector edit distance (1999) in 32-row blocks (Hyyrö 2003): the last row of the
 * edit-distance table of a pattern (rows) against a run of text (columns), column by column,
 * without the table. The vertical deltas of a column are kept as bit vectors (Pv: +1, Mv: -1),
 * the horizontal delta carried from block to block. O(ceil(m / 32)) per column.
 *
 * Shared by the fuzzy search's quote alignment (quote-align.ts: the quote may start anywhere in
 * the window) and context similarity (score.ts: the context must start next to the quote).
 */

/** Bit masks of each pattern character's rows, 32 rows per block. */
export type PatternBlocks = { m: number; blocks: number; peq: Map<number, Int32Array> };

export function patternBlocks(pattern: string): PatternBlocks {
  const m = pattern.length;
  const blocks = (m + 31) >>> 5;
  const peq = new Map<number, Int32Array>();
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(i);
    let eq = peq.get(c);
    if (!eq) {
      eq = new Int32Array(blocks);
      peq.set(c, eq);
    }
    eq[i >>> 5]! |= 1 << (i & 31);
  }
  return { m, blocks, peq };
}

/**
 * Scans `columns` characters of text from `from` in direction `dir` (text[from], text[from +
 * dir], ...) and returns the least last-row value and the first column reaching it (column 0 =
 * nothing consumed, value m). `freeStart`: row 0 is all zeros (the pattern may start at any
 * column, semi-global); otherwise row 0 grows by one per column (the pattern starts at column 0).
 */
export function leastLastRow(
  p: PatternBlocks,
  text: string,
  from: number,
  dir: -1 | 1,
  columns: number,
  freeStart: boolean,
): { end: number; dist: number } {
  const { m, blocks, peq } = p;
  const zero = new Int32Array(blocks);
  const pv = new Int32Array(blocks).fill(-1);
  const mv = new Int32Array(blocks);
  const last = blocks - 1;
  const lastBit = (m - 1) & 31;
  const rowZeroDelta = freeStart ? 0 : 1;
  let score = m;
  let best = m;
  let end = 0;
  for (let j = 1; j <= columns; j++) {
    const eqs = peq.get(text.charCodeAt(from + dir * (j - 1))) ?? zero;
    let hin = rowZeroDelta;
    for (let b = 0; b <= last; b++) {
      const p = pv[b]!;
      const n = mv[b]!;
      let eq = eqs[b]!;
      const xv = eq | n;
      if (hin < 0) eq |= 1;
      const xh = ((((eq & p) + p) | 0) ^ p) | eq;
      let ph = n | ~(xh | p);
      let mh = p & xh;
      if (b === last) score += ((ph >>> lastBit) & 1) - ((mh >>> lastBit) & 1);
      const hout = (ph >>> 31) - (mh >>> 31);
      ph = (ph << 1) | (hin > 0 ? 1 : 0);
      mh = (mh << 1) | (hin < 0 ? 1 : 0);
      pv[b] = mh | ~(xv | ph);
      mv[b] = ph & xv;
      hin = hout;
    }
    if (score < best) {
      best = score;
      end = j;
    }
  }
  return { end, dist: best };
}
