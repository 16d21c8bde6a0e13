import { SHORT_CONTEXT, validateSelector } from './describe';
import { assertText } from './errors';
import { anchorModel } from './anchor-model';
import { isBoostedModel } from './boosted';
import { calibrated, type Calibration, type Features } from './calibrate';
import { wordEvidence } from './evidence';
import { bestExact, bestFuzzy, type Candidate } from './match';
import { foldString, normaliseCached, toOriginal } from './normalise';
import { ANCHOR_SHORT_CONTEXT_THRESHOLD, ANCHOR_THRESHOLD, SHORT_CALIBRATION } from './thresholds';
import type { Anchor, TextSelector } from './types';

export type AnchorOptions = {
  /** Minimum confidence; below it the span is an orphan (null). Default: corpus-chosen. */
  threshold?: number;
  /**
   * Expected start in `text` (UTF-16), overriding selector.position.start. reanchor passes the
   * position predicted by its diff, which is a better guess than the old offset.
   */
  hint?: number;
};

const CONTEXT_FOLDED = 128;
/** An exact match scoring at least this (heuristically) is not second-guessed by fuzzy search. */
const FUZZY_UNLESS = 0.95;

export type Located = {
  start: number;
  end: number;
  method: Anchor['method'];
  /** Calibrated probability that the location is acceptable. */
  confidence: number;
  features: Features | null;
};

/**
 * Finds the selector's quote in `text` using only the selector (the old text is unknown).
 * Returns null (orphan) when the best candidate's confidence is below the threshold.
 */
export function anchor(
  text: string,
  selector: TextSelector,
  options: AnchorOptions = {},
): Anchor | null {
  // Less context is weaker evidence: such selectors have their own calibration and threshold.
  const { prefix, suffix } = validateSelector(selector);
  const short = Math.max(prefix.length, suffix.length) <= SHORT_CONTEXT;
  const threshold =
    options.threshold ?? (short ? ANCHOR_SHORT_CONTEXT_THRESHOLD : ANCHOR_THRESHOLD);
  const found = locate(
    text,
    selector,
    options.hint,
    undefined,
    short ? SHORT_CALIBRATION : anchorModel(),
  );
  if (!found || found.confidence < threshold) return null;
  return {
    start: found.start,
    end: found.end,
    confidence: round(found.confidence),
    method: found.method,
  };
}

/**
 * The best candidate whatever its confidence (anchor() applies the threshold). `minVoteShare`
 * lets callers that accept only near-verbatim matches skip weak fuzzy windows (see match.ts);
 * `model` is the calibration turning the candidate's features into a confidence (reanchor's
 * fallback has its own, fitted on the spans that reach it: calibrate.ts).
 */
export function locate(
  text: string,
  selector: TextSelector,
  hintOverride?: number,
  minVoteShare?: number,
  model: Calibration = anchorModel(),
): Located | null {
  assertText(text);
  const sel = validateSelector(selector);
  const { exact, prefix, suffix, position } = sel;

  // Unchanged document: the quote and both contexts sit exactly where they were.
  if (position && position.end - position.start === exact.length && position.end <= text.length) {
    const s = position.start;
    const e = position.end;
    if (
      s - prefix.length >= 0 &&
      text.startsWith(exact, s) &&
      text.startsWith(prefix, s - prefix.length) &&
      text.startsWith(suffix, e)
    ) {
      return { start: s, end: e, confidence: 1, method: 'position', features: null };
    }
  }

  const n = normaliseCached(text);
  const quote = foldString(exact);
  if (quote.trim().length === 0) return rawSearch(text, exact, position);
  const hintOrig = hintOverride ?? position?.start ?? null;
  const hint =
    hintOrig === null
      ? null
      : n.origToNorm[Math.max(0, Math.min(text.length, Math.round(hintOrig)))]!;
  const q = {
    quote,
    prefix: foldString(prefix).slice(-CONTEXT_FOLDED),
    suffix: foldString(suffix).slice(0, CONTEXT_FOLDED),
    hint,
    minVoteShare,
  };

  let best: Candidate | null = bestExact(n, q);
  if (!best || best.confidence < FUZZY_UNLESS) {
    const fz = bestFuzzy(n, q);
    if (fz && (!best || fz.rank > best.rank)) best = fz;
  }
  if (!best) return null;
  // Only the boosted model reads word evidence; reanchor's fallback (logistic) skips the cost.
  if (isBoostedModel(model))
    best.features.evidence = wordEvidence(n.norm, q.quote, q.prefix, q.suffix, best.a, best.b);
  const { start, end } = toOriginal(n, best.a, best.b);
  const atPosition =
    !best.fuzzy && position !== null && start === position.start && end === position.end;
  return {
    start,
    end,
    confidence: calibrated(best.features, model),
    method: best.fuzzy ? 'fuzzy' : atPosition ? 'position' : 'exact',
    features: best.features,
  };
}

/** Quotes made only of folded-away characters (marks, joiners, spaces) are searched verbatim. */
function rawSearch(
  text: string,
  exact: string,
  position: { start: number; end: number } | null,
): Located | null {
  let best = -1;
  const hint = position?.start ?? 0;
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
    if (best === -1 || Math.abs(i - hint) < Math.abs(best - hint)) best = i;
  }
  if (best === -1) return null;
  const conf = best === position?.start ? 1 : 0.5;
  return {
    start: best,
    end: best + exact.length,
    confidence: conf,
    method: conf === 1 ? 'position' : 'exact',
    features: null,
  };
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
