/**
 * A text removed (or added) next to a copy of its own start or end can be aligned in several
 * equally short ways: "@sinclair/typebox @fastify/type-provider-typebox" → "@sinclair/typebox"
 * deletes either " @fastify/type-provider-typebox" or "typebox @fastify/type-provider-", and a
 * diff that trims the common tail picks the second, so the first "typebox" (the one a comment
 * was on) counts as deleted. Among the equivalent alignments this keeps the one whose edit
 * starts and ends at the clearest boundaries (text ends, spaces, punctuation), as
 * diff-match-patch's semantic "lossless" cleanup does; ties keep the diff's own choice.
 */
import type { MatchBlock } from './diff';
import type { Normalised } from './normalise';
import { cutsWord } from './words';

/** Line breaks in the original text behind the folded space at k (whitespace folds to one space). */
function lineBreaksAt(t: Normalised, k: number): number {
  const end = k + 1 < t.starts.length ? t.starts[k + 1]! : t.text.length;
  let breaks = 0;
  for (let j = t.starts[k]!; j < end; j++) if (t.text.charCodeAt(j) === 10) breaks++;
  return breaks;
}

/** How clearly folded position i of t separates two pieces of text (between norm[i-1] and norm[i]). */
function boundaryScore(t: Normalised, i: number): number {
  const s = t.norm;
  if (i <= 0 || i >= s.length) return 6;
  const before = s[i - 1]!;
  const after = s[i]!;
  if (before === ' ' || after === ' ') {
    const breaks = Math.max(
      before === ' ' ? lineBreaksAt(t, i - 1) : 0,
      after === ' ' ? lineBreaksAt(t, i) : 0,
    );
    return breaks >= 2 ? 5 : breaks === 1 ? 4 : 3;
  }
  return cutsWord(s, i) ? 0 : 2;
}

/**
 * The best shift d (positive: to the right) of the edit s[x, y) between two kept stretches that
 * may give up `left` characters before it and `right` after it.
 */
function bestShift(t: Normalised, x: number, y: number, left: number, right: number): number {
  const s = t.norm;
  let lo = 0;
  while (lo < left && s.charCodeAt(x - lo - 1) === s.charCodeAt(y - lo - 1)) lo++;
  let hi = 0;
  while (hi < right && y + hi < s.length && s.charCodeAt(x + hi) === s.charCodeAt(y + hi)) hi++;
  let best = 0;
  let bestScore = boundaryScore(t, x) + boundaryScore(t, y);
  for (let d = -lo; d <= hi; d++) {
    if (d === 0) continue;
    const score = boundaryScore(t, x + d) + boundaryScore(t, y + d);
    if (score > bestScore || (score === bestScore && Math.abs(d) < Math.abs(best))) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Slides every pure deletion and pure insertion between two match blocks to its best boundaries. */
export function slideEdits(blocks: MatchBlock[], a: Normalised, b: Normalised): MatchBlock[] {
  const out = blocks.map((bl) => ({ ...bl }));
  for (let i = 0; i + 1 < out.length; i++) {
    const A = out[i]!;
    const B = out[i + 1]!;
    const gapA = B.a - (A.a + A.len);
    const gapB = B.b - (A.b + A.len);
    let d = 0;
    if (gapB === 0 && gapA > 0) d = bestShift(a, A.a + A.len, B.a, A.len, B.len);
    else if (gapA === 0 && gapB > 0) d = bestShift(b, A.b + A.len, B.b, A.len, B.len);
    if (d === 0) continue;
    A.len += d;
    B.a += d;
    B.b += d;
    B.len -= d;
    if (B.len === 0) {
      out.splice(i + 1, 1);
      i--;
    }
  }
  return out.filter((bl) => bl.len > 0);
}
