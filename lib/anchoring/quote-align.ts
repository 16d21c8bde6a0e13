/**
 * Aligns a quote against a window of the document for the fuzzy search (match.ts): the whole
 * quote against the best-matching substring of the window.
 *
 * Quotes up to DP_MAX_QUOTE characters get an exact semi-global edit-distance alignment, in two
 * exact steps: a bit-parallel pass (Myers 1999, in 32-bit blocks as in Hyyrö 2003) finds the
 * best end column and its distance in O(ceil(m / 32) x window), then a dynamic programme
 * restricted to the diagonal band that any alignment of that distance must stay in traces the
 * alignment back. The result equals the full (m x window) programme's, cell for cell on the
 * traced path (see `traceBanded`); __tests__/unit/anchoring/quote-align.test.ts checks it
 * against the full programme. Longer quotes are aligned by diff.
 */
import { diffSequences } from './diff';
import { leastLastRow, patternBlocks } from './myers-blocks';
import { codes } from './text-diff';
import { TokenDictionary } from './tokens';

export type Aligned = { a: number; b: number; sim: number };

/** Quotes up to this long are aligned exactly (semi-global edit distance); longer ones by diff. */
export const DP_MAX_QUOTE = 400;
/** Diff alignment: matched runs shorter than this are treated as coincidence. */
const MIN_RUN = 3;

/** Aligns quote against text[w0, w1); returns the matched extent and fraction of quote found. */
export function align(text: string, w0: number, w1: number, quote: string): Aligned | null {
  if (quote.length <= DP_MAX_QUOTE) return alignDP(text, w0, w1, quote);
  return alignByDiff(text, w0, w1, quote);
}

/**
 * Semi-global alignment: the whole quote against any substring of text[w0, w1), minimising edit
 * distance. Unlike an LCS against the window it cannot pick up stray letters from the slack.
 * Reports the matched extent (edits hanging off either end are not part of the surviving text)
 * and 1 - distance / quote length.
 */
export function alignDP(text: string, w0: number, w1: number, quote: string): Aligned | null {
  const m = quote.length;
  if (m === 0 || w1 - w0 <= 0) return null;
  // The last row's best column (Myers' bit vectors), then the band around it for the path.
  const { end, dist } = leastLastRow(patternBlocks(quote), text, w0, 1, w1 - w0, true);
  if (dist >= m) return null;
  return traceBanded(text, w0, quote, end, dist);
}

let bandBuffer = new Int32Array(0);
const FAR = 1 << 29;

/**
 * Traces an alignment of distance `dist` ending at column `end` back to its start, filling only
 * the band of diagonals (column - row) within `dist` of the end's: an alignment of cost `dist`
 * makes at most `dist` non-diagonal steps, so its whole path lies in the band. Cells outside
 * read as unreachable. Every cell on the path the full table would trace has the same value
 * here (its path prefix lies in the band), and every other cell is no smaller, so each step's
 * choice (diagonal first, then up, then left) is the full table's.
 */
function traceBanded(
  text: string,
  w0: number,
  quote: string,
  end: number,
  dist: number,
): Aligned | null {
  const m = quote.length;
  const k0 = end - m;
  const width = 2 * dist + 1;
  if (bandBuffer.length < (m + 1) * width) bandBuffer = new Int32Array((m + 1) * width);
  const band = bandBuffer;
  // Cell (i, j) lives at i * width + (j - i - k0 + dist) when |j - i - k0| <= dist.
  const at = (i: number, j: number): number => {
    const off = j - i - k0 + dist;
    return j < 0 || off < 0 || off >= width ? FAR : band[i * width + off]!;
  };
  for (let off = 0; off < width; off++) band[off] = k0 - dist + off >= 0 ? 0 : FAR;
  for (let i = 1; i <= m; i++) {
    const qc = quote.charCodeAt(i - 1);
    const row = i * width;
    for (let off = 0; off < width; off++) {
      const j = i + k0 - dist + off;
      if (j < 0 || j > end) {
        band[row + off] = FAR;
        continue;
      }
      if (j === 0) {
        band[row + off] = i;
        continue;
      }
      // Same diagonal one row up is the same offset; up is offset + 1; left is offset - 1.
      const sub = band[row - width + off]! + (qc === text.charCodeAt(w0 + j - 1) ? 0 : 1);
      const del = off + 1 < width ? band[row - width + off + 1]! + 1 : FAR;
      const ins = off > 0 ? band[row + off - 1]! + 1 : FAR;
      band[row + off] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
  }
  let i = m;
  let j = end;
  let firstMatch = -1;
  let lastMatch = -1;
  while (i > 0) {
    const here = at(i, j);
    const same = j > 0 && quote.charCodeAt(i - 1) === text.charCodeAt(w0 + j - 1);
    if (j > 0 && here === at(i - 1, j - 1) + (same ? 0 : 1)) {
      if (same) {
        if (lastMatch === -1) lastMatch = j;
        firstMatch = j - 1;
      }
      i--;
      j--;
    } else if (here === at(i - 1, j) + 1) i--;
    else j--;
  }
  if (firstMatch === -1) return null;
  return { a: w0 + firstMatch, b: w0 + lastMatch, sim: 1 - dist / m };
}

/** Long quotes: matched runs of a diff (characters up to 1,500, tokens beyond). */
function alignByDiff(text: string, w0: number, w1: number, quote: string): Aligned | null {
  let blocks: { a: number; b: number; len: number }[];
  if (quote.length <= 1500) {
    blocks = diffSequences(codes(quote, 0, quote.length), codes(text, w0, w1));
  } else {
    const dict = new TokenDictionary();
    const tq = dict.tokenize(quote);
    const tw = dict.tokenize(text.slice(w0, w1));
    blocks = diffSequences(tq.ids, tw.ids).map((bl) => ({
      a: tq.starts[bl.a]!,
      b: tw.starts[bl.b]!,
      len: tq.starts[bl.a + bl.len]! - tq.starts[bl.a]!,
    }));
  }
  const minRun = Math.min(MIN_RUN, quote.length);
  const runs = blocks.filter((bl) => bl.len >= minRun);
  // Runs far from the rest are coincidences in the window's slack, not part of the quote: trim
  // edge runs separated from their neighbour by more than twice their own length.
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi && runs[lo + 1]!.b - (runs[lo]!.b + runs[lo]!.len) > 2 * runs[lo]!.len) lo++;
  while (hi > lo && runs[hi]!.b - (runs[hi - 1]!.b + runs[hi - 1]!.len) > 2 * runs[hi]!.len) hi--;
  let matched = 0;
  for (let i = lo; i <= hi; i++) matched += runs[i]!.len;
  if (matched === 0 || runs.length === 0) return null;
  const first = runs[lo]!.b;
  const last = runs[hi]!.b + runs[hi]!.len;
  return { a: w0 + first, b: w0 + last, sim: matched / quote.length };
}
