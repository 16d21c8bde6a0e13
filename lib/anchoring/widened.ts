/**
 * reanchor()'s last resort for a span the diff lost: its neighbourhood moved *and* was edited
 * (a section reordered and revised in one revision). A short span is ambiguous on its own,
 * but the span together with WIDEN characters of its old surroundings is a long, distinctive
 * quote: find that in the new text, then follow the span inside the match by a character diff
 * of the two neighbourhoods.
 */
import { locate } from './anchor';
import { describeWithContext, FALLBACK_CONTEXT } from './describe';
import { diffSequences, type MatchBlock } from './diff';
import { bestGroup, matchedShare, type Piece } from './kept-part';
import { toOriginal, type Normalised } from './normalise';
import { codes, nonSpace } from './text-diff';
import type { Anchor } from './types';

/**
 * reanchor()'s fallbacks accept only near-verbatim matches (confidence >= 0.95), so windows
 * where fewer than this share of the quote's sampled 5-grams vote are not aligned at all. A
 * revision that rewrote much of a document sends most spans here: at 0.7 (was 0.3) a real
 * README rewritten under 2,000 spans reanchors about twice as fast, and the corpus lost
 * nothing (tuning half +2 edited spans followed, held-out +1; fewer weak windows aligned also
 * means a lower runner-up score).
 */
export const FALLBACK_VOTE_SHARE = 0.7;

/** Folded characters of old surroundings added on each side of the span. */
export const WIDEN = 48;

export type WidenedQuery = {
  o: Normalised;
  n: Normalised;
  /** The document diff's blocks: the neighbourhood must be found in text they did not keep. */
  blocks: MatchBlock[];
  /** Folded range of the span in the old text. */
  na: number;
  nb: number;
  /** Where the diff predicts the span in the new text (original offset), for ranking. */
  hint: number;
  /** Minimum confidence of the neighbourhood's match. */
  threshold: number;
  /** Largest share of the match that may lie in text the diff kept. */
  maxMatched: number;
  /** Share of the span's non-space characters that must be found inside the match. */
  minKeep: number;
  /** Calibration of the match's confidence (reanchor's fallback model). */
  weights: readonly number[];
};

export function followWidened(q: WidenedQuery): Anchor | null {
  const { o, n, na, nb } = q;
  if (q.threshold > 1) return null; // switched off (tune.ts grids without it)
  const wa = Math.max(0, na - WIDEN);
  const wb = Math.min(o.norm.length, nb + WIDEN);
  if (wa === na && wb === nb) return null; // nothing to widen by: the span's own search decided
  const ws = toOriginal(o, wa, wb);
  const found = locate(
    n.text,
    describeWithContext(o.text, ws.start, ws.end, FALLBACK_CONTEXT),
    q.hint,
    FALLBACK_VOTE_SHARE,
    q.weights,
  );
  if (!found || found.confidence < q.threshold) return null;
  const fa = n.origToNorm[found.start]!;
  const fb = n.origToNorm[found.end]!;
  if (fb <= fa || matchedShare(n.norm, q.blocks, fa, fb) > q.maxMatched) return null;
  const pieces: Piece[] = [];
  for (const bl of diffSequences(codes(o.norm, wa, wb), codes(n.norm, fa, fb))) {
    const a = Math.max(na, wa + bl.a);
    const b = Math.min(nb, wa + bl.a + bl.len);
    if (b > a) pieces.push({ a, b: fa + bl.b + (a - wa - bl.a), len: b - a });
  }
  const kept = bestGroup(o.norm, pieces);
  const solid = nonSpace(o.norm, na, nb);
  const frac = solid > 0 ? kept.keptSolid / solid : kept.keptAll / (nb - na);
  if (kept.ns === -1 || frac < q.minKeep) return null;
  const { start, end } = toOriginal(n, kept.ns, kept.ne);
  const whole = frac === 1 && kept.ne - kept.ns === nb - na;
  const confidence = Math.round(Math.min(found.confidence, whole ? 1 : frac) * 1000) / 1000;
  return { start, end, confidence, method: 'fuzzy' };
}
