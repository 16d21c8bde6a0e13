import { locate, round, type Located } from './anchor';
import { describeWithContext, FALLBACK_CONTEXT } from './describe';
import type { MatchBlock } from './diff';
import { AnchoringError, assertSpan, assertText } from './errors';
import { normaliseCached, toOriginal, type Normalised } from './normalise';
import {
  FALLBACK_CALIBRATION,
  REANCHOR_AROUND,
  REANCHOR_AROUND_KEPT,
  REANCHOR_FALLBACK_THRESHOLD,
  REANCHOR_IN_PLACE_MIN_KEEP,
  REANCHOR_LINE_MOVE_SIM,
  REANCHOR_MIN_KEEP,
  REANCHOR_MOVE_MIN_CHARS,
  REANCHOR_MOVED_MIN_KEEP,
  REANCHOR_MOVED_THRESHOLD,
  REANCHOR_ONE_SIDE_MIN_KEEP,
  REANCHOR_REFINE_MAX_GAP,
} from './thresholds';
import type { Anchor, Span } from './types';
import { snapLeft, snapRight } from './unicode';
import { betterCopy, keptPart, matchedShare, overlapsMatched, verbatimNear } from './kept-part';
import { FALLBACK_VOTE_SHARE, followWidened } from './widened';
import { DIFF_STEPS, firstBlockAfter, nonSpace, textDiff, tokenPair } from './text-diff';
import { mergeBlocks, pairMovedLines } from './line-moves';
import { detectMoves } from './moves';

export type ReanchorOptions = {
  /** Minimum confidence of the selector match (fallback calibration) when the diff lost the span. */
  fallbackThreshold?: number;
  /** The same for a match in text the diff did not keep (moved and edited: inserted text). */
  movedThreshold?: number;
  /** Share of a span's non-space characters the diff must keep for a clipped 'diff' anchor. */
  minKeep?: number;
  /** The same share when the text on one side of the span survives. */
  oneSideMinKeep?: number;
  /** The same share when the text on both sides survives (edited in place). */
  inPlaceMinKeep?: number;
  /** Non-space characters looked at on each side to decide whether a side survives... */
  around?: number;
  /** ...and the share of them the diff must keep. */
  aroundKept?: number;
  /** Trigram similarity at which lines the diff lost are paired as moved and edited (> 1: off). */
  lineMoveSim?: number;
  /** Share of a span's non-space characters a detected move must carry (> 1: minKeep alone). */
  movedMinKeep?: number;
  /** Changed stretches up to this many characters per side are aligned character by character. */
  refineMaxGap?: number;
  /** Non-space characters a verbatim run must have to count as moved text. */
  moveMinChars?: number;
  /** Calibration of the fallback's selector matches (calibrate.ts); tune.ts fits it. */
  fallbackCalibration?: readonly number[];
  /** Called with each span's fallback selector match (tune.ts collects them to fit the above). */
  onFallback?: (index: number, found: Located) => void;
};

/** Quotes shorter than this reappear in rewritten text by chance too often to count as moved. */
const MIN_LOCAL_MOVE = 8;
/** A quote this long occurring once, in inserted text, after leaving its old place, moved... */
const MIN_MOVE = 6;
/** ...if it also carried this many verbatim characters of its old context on one side... */
const MOVE_CONTEXT = 4;
/** ...or is at least this long (non-space characters). */
const MIN_MOVE_ALONE = 16;
/** Confidence of a verbatim match inside the span's own replacement region. */
export const LOCAL_MOVE_CONFIDENCE = 0.95;

function searchGap(
  o: Normalised,
  n: Normalised,
  blocks: MatchBlock[],
  na: number,
  nb: number,
): Anchor | null {
  const quote = o.norm.slice(na, nb);
  if (quote.trim().length < MIN_LOCAL_MOVE) return null;
  // Gap = new text between the last block ending before the span and the first block after it.
  const i = firstBlockAfter(blocks, na);
  const prev = i > 0 ? blocks[i - 1] : undefined;
  let j = i;
  while (j < blocks.length && blocks[j]!.a < nb) j++;
  const next = blocks[j];
  const g0 = prev ? prev.b + prev.len : 0;
  const g1 = next ? next.b : n.norm.length;
  if (g1 - g0 < quote.length) return null;
  const gap = n.norm.slice(g0, g1);
  const at = gap.indexOf(quote);
  if (at === -1 || gap.indexOf(quote, at + 1) !== -1) return null;
  const { start, end } = toOriginal(n, g0 + at, g0 + at + quote.length);
  return { start, end, confidence: LOCAL_MOVE_CONFIDENCE, method: 'exact' };
}

/** Folded index of the character covering original index j (a folded-away char's owner). */
function covering(o: Normalised, j: number): number {
  const k = o.origToNorm[j]!;
  return k < o.starts.length && o.starts[k] === j ? k : Math.max(0, k - 1);
}

/** A moved-and-edited match may overlap text the diff kept by this share at most (chance). */
const MOVED_MAX_MATCHED = 0.2;

/** Share of the `around` non-space folded chars before (dir -1) / after (dir 1) `at` kept by the diff. */
function keptAround(
  s: string,
  blocks: MatchBlock[],
  at: number,
  dir: -1 | 1,
  around: number,
): number {
  let seen = 0;
  let kept = 0;
  let i = firstBlockAfter(blocks, dir < 0 ? Math.max(0, at - 1) : at);
  for (let p = dir < 0 ? at - 1 : at; p >= 0 && p < s.length && seen < around; p += dir) {
    if (s.charCodeAt(p) === 32) continue;
    seen++;
    while (i < blocks.length && blocks[i]!.a + blocks[i]!.len <= p) i++;
    while (i > 0 && blocks[i - 1]!.a + blocks[i - 1]!.len > p) i--;
    const bl = blocks[i];
    if (bl && bl.a <= p && p < bl.a + bl.len) kept++;
  }
  return seen === 0 ? 1 : kept / seen;
}

/**
 * Moves spans of oldText onto newText. One diff for all spans decides most of them; spans the
 * diff lost (deleted, or moved) fall back to selector matching with a high bar.
 */
function reanchorCore(
  oldText: string,
  newText: string,
  spans: Span[],
  options: ReanchorOptions = {},
): (Anchor | null)[] {
  assertText(oldText, 'oldText');
  assertText(newText, 'newText');
  if (!Array.isArray(spans)) throw new AnchoringError('INVALID_SPAN', 'spans must be an array');
  for (const sp of spans) {
    if (typeof sp !== 'object' || sp === null)
      throw new AnchoringError('INVALID_SPAN', 'span must be an object');
    assertSpan(oldText, sp.start, sp.end);
  }
  if (oldText === newText) {
    return spans.map((sp) => ({ start: sp.start, end: sp.end, confidence: 1, method: 'diff' }));
  }
  const fallbackThreshold = options.fallbackThreshold ?? REANCHOR_FALLBACK_THRESHOLD;
  const movedThreshold = options.movedThreshold ?? REANCHOR_MOVED_THRESHOLD;
  const minKeep = options.minKeep ?? REANCHOR_MIN_KEEP;
  const oneSideMinKeep = options.oneSideMinKeep ?? REANCHOR_ONE_SIDE_MIN_KEEP;
  const inPlaceMinKeep = options.inPlaceMinKeep ?? REANCHOR_IN_PLACE_MIN_KEEP;
  const around = options.around ?? REANCHOR_AROUND;
  const aroundKept = options.aroundKept ?? REANCHOR_AROUND_KEPT;
  const o = normaliseCached(oldText);
  const n = normaliseCached(newText);
  const tokens = spans.length > 0 ? tokenPair(o, n) : null;
  const refineMaxGap = options.refineMaxGap ?? REANCHOR_REFINE_MAX_GAP;
  const blocks = tokens ? textDiff(o, n, tokens, refineMaxGap) : [];
  const lineMoveSim = options.lineMoveSim ?? REANCHOR_LINE_MOVE_SIM;
  const movedMinKeep = options.movedMinKeep ?? REANCHOR_MOVED_MIN_KEEP;
  // Moves (verbatim runs, then paired lines) matter only to spans the diff did not keep at
  // least half of in place; a revision whose annotated text all survived never computes them.
  let moves: MatchBlock[] | null = null;
  const getMoves = (): MatchBlock[] => {
    if (moves) return moves;
    const minChars = options.moveMinChars ?? REANCHOR_MOVE_MIN_CHARS;
    const runs = tokens ? detectMoves(o, n, blocks, tokens, minChars) : [];
    const paired = tokens
      ? pairMovedLines(o, n, blocks, runs, lineMoveSim, { steps: DIFF_STEPS })
      : [];
    moves = mergeBlocks(runs, paired);
    return moves;
  };

  /** The span's own selector match in the new text, if a fallback rule accepts it. */
  const acceptFallback = (found: Located, na: number, nb: number): Anchor | null => {
    const result = {
      start: found.start,
      end: found.end,
      confidence: round(found.confidence),
      method: found.method,
    };
    if (found.confidence >= fallbackThreshold) return result;
    // A close match in newly inserted text, where the span's own text left its old place, is
    // the span moved and edited: the diff rules out every place that survived unchanged.
    const fa = n.origToNorm[found.start]!;
    const fb = n.origToNorm[found.end]!;
    if (
      found.confidence >= movedThreshold &&
      matchedShare(n.norm, blocks, fa, fb) <= MOVED_MAX_MATCHED
    )
      return result;
    // Text removed here that occurs verbatim exactly once, inside newly inserted material, was
    // moved there: the diff already proved it is gone from its old place.
    const f = found.features;
    // A short quote must also have taken some of its old neighbours along: alone, a word like
    // "Object" or "require" reappears in rewritten text by coincidence.
    const solid = nonSpace(o.norm, na, nb);
    if (
      f?.exact &&
      f.occurrences === 1 &&
      solid >= MIN_MOVE &&
      (solid >= MIN_MOVE_ALONE || Math.max(f.prefixRun, f.suffixRun) >= MOVE_CONTEXT) &&
      !overlapsMatched(blocks, fa, fb)
    ) {
      return { ...result, confidence: Math.max(result.confidence, LOCAL_MOVE_CONFIDENCE) };
    }
    return null;
  };

  const weights = options.fallbackCalibration ?? FALLBACK_CALIBRATION;
  return spans.map((sp, index) => {
    // Folded range of the span, widened to whole characters (never half a surrogate pair).
    let na = covering(o, snapLeft(oldText, sp.start));
    let nb = Math.max(o.origToNorm[snapRight(oldText, sp.end)]!, na + 1);
    nb = Math.min(nb, o.norm.length);
    if (na >= nb) return null;
    // Edge whitespace is mapped separately: a lone space can align with any space nearby.
    const lead = o.norm.charCodeAt(na) === 32 && nb - na > 1;
    const trail = o.norm.charCodeAt(nb - 1) === 32 && nb - na > 1;
    if (lead) na++;
    if (trail && nb > na + 1) nb--;
    const first = firstBlockAfter(blocks, na);
    const {
      keptAll,
      keptSolid,
      ns: ns0,
      ne: ne0,
      moved,
    } = keptPart(o.norm, blocks, getMoves, first, na, nb);
    let ns = ns0;
    let ne = ne0;
    const solid = nonSpace(o.norm, na, nb);
    const frac = solid > 0 ? keptSolid / solid : nb > na ? keptAll / (nb - na) : 0;
    // A span edited in place keeps its surroundings: when the text on both sides survives, a
    // smaller surviving share still identifies the edited version of the span. When one side
    // survives (the span's other end was deleted or rewritten), the part kept next to it is
    // where the span went, at a lower bar than minKeep. Only for the part kept in place: a
    // move's old surroundings say nothing about the place it went to.
    const keptBefore = keptAround(o.norm, blocks, na, -1, around) >= aroundKept;
    const keptAfter = keptAround(o.norm, blocks, nb, 1, around) >= aroundKept;
    const inPlace =
      !moved &&
      ((frac >= inPlaceMinKeep && keptBefore && keptAfter) ||
        (frac >= oneSideMinKeep && (keptBefore || keptAfter)));
    if (ns !== -1 && ne > ns && !(frac === 1 && ne - ns === nb - na)) {
      // The diff kept the span in pieces, but the whole quote is right there (an edge character
      // aligned with a neighbouring copy, an insertion inside a hull): use the verbatim copy.
      const whole = verbatimNear(o.norm.slice(na, nb), n.norm, ns, ne);
      if (whole !== -1) {
        ns = whole;
        ne = whole + (nb - na);
        if (lead && ns > 0 && n.norm.charCodeAt(ns - 1) === 32) ns--;
        if (trail && ne < n.norm.length && n.norm.charCodeAt(ne) === 32) ne++;
        const { start, end } = toOriginal(n, ns, ne);
        return { start, end, confidence: 1, method: 'diff' as const };
      }
    }
    if (ns !== -1 && ne > ns && frac === 1 && ne - ns === nb - na) {
      // Kept whole. In repetitive text the diff may have paired it with a neighbouring copy
      // (a list item inserted before it, a repeated table cell): prefer a copy nearby whose
      // surroundings match the old ones clearly better.
      ns = betterCopy(o.norm, n.norm, na, nb, ns);
      ne = ns + (nb - na);
    }
    // Text that moved (a verbatim run, or a line paired with its edited version elsewhere)
    // carries its own evidence: the share of the span found there has its own bar.
    const movedThere = moved === true && frac >= movedMinKeep;
    if (ns !== -1 && ne > ns && (frac >= minKeep || inPlace || movedThere)) {
      const conf = frac === 1 && ne - ns === nb - na ? 1 : keptAll / Math.max(nb - na, ne - ns);
      if (lead && ns > 0 && n.norm.charCodeAt(ns - 1) === 32) ns--;
      if (trail && ne < n.norm.length && n.norm.charCodeAt(ne) === 32) ne++;
      const { start, end } = toOriginal(n, ns, ne);
      return { start, end, confidence: round(Math.min(conf, frac)), method: 'diff' as const };
    }
    // The diff lost the span. Text moved within its own changed region (a reordered sentence)
    // reappears verbatim in the replacement: look there first.
    const local = searchGap(o, n, blocks, na, nb);
    if (local) return local;
    // Otherwise it was deleted or moved further: selector matching, with a high bar, near the
    // place the span would have been.
    let hint = 0;
    const before = blocks[Math.min(first, blocks.length) - 1];
    if (before) {
      const predicted = before.b + before.len;
      hint = predicted < n.starts.length ? n.starts[predicted]! : newText.length;
    }
    const found = locate(
      newText,
      describeWithContext(oldText, sp.start, sp.end, FALLBACK_CONTEXT),
      hint,
      FALLBACK_VOTE_SHARE,
      weights,
    );
    if (found) options.onFallback?.(index, found);
    const accepted = found && acceptFallback(found, na, nb);
    if (accepted) return accepted;
    // Last, the span with its old surroundings: a longer quote, for short spans in text that
    // moved and was edited. It must find minKeep of the span inside its match, so when the
    // span's own text is nowhere, not even roughly (no exact copy, no window where 70 % of its
    // 5-grams vote), it is not tried: on the corpus that never changed an outcome, and a
    // revision that rewrote everything is spared a second search per span.
    if (!found) return null;
    return followWidened({
      o,
      n,
      blocks,
      na,
      nb,
      hint,
      threshold: movedThreshold,
      maxMatched: MOVED_MAX_MATCHED,
      minKeep,
      weights,
    });
  });
}

/** Whitespace at the span's edges that the diff could not place (it is not diffed as tokens) is
 * restored when the same whitespace follows or precedes the mapped span in the new text. */
function restoreEdgeSpace(oldText: string, newText: string, sp: Span, r: Anchor): Anchor {
  const old = oldText.slice(sp.start, sp.end);
  const cur = newText.slice(r.start, r.end);
  let { start, end } = r;
  const want = (s: string, fromEnd: boolean) =>
    fromEnd ? s.length - s.trimEnd().length : s.length - s.trimStart().length;
  for (
    let missing = want(old, true) - want(cur, true);
    missing > 0 && end < newText.length && /\s/.test(newText[end]!);
    missing--
  )
    end++;
  for (
    let missing = want(old, false) - want(cur, false);
    missing > 0 && start > 0 && /\s/.test(newText[start - 1]!);
    missing--
  )
    start--;
  return start === r.start && end === r.end ? r : { ...r, start, end };
}

/**
 * Moves spans of oldText onto newText. One diff for all spans decides most of them; spans the
 * diff lost (deleted, or moved) fall back to selector matching with a high bar.
 */
export function reanchor(
  oldText: string,
  newText: string,
  spans: Span[],
  options: ReanchorOptions = {},
): (Anchor | null)[] {
  const results = reanchorCore(oldText, newText, spans, options);
  return results.map((r, i) =>
    r && r.method === 'diff' ? restoreEdgeSpace(oldText, newText, spans[i]!, r) : r,
  );
}
