/**
 * Confidence = calibrated probability that an anchor is acceptable (right place for intact
 * text, overlapping the surviving part for edited text), from a model fitted on the tuning half
 * of the corpus by scripts/anchoring-corpus/tune.ts. Ranking between candidates uses the
 * simpler heuristic score in score.ts; this only turns the winner into a probability.
 *
 * Three models: anchorModel() for anchor() (every span, selector only, with describe()'s 128
 * characters of context), boosted trees over the features below plus word evidence
 * (evidence.ts, ADR 22); SHORT_CALIBRATION for anchor() on selectors with at most 64 (other
 * tools' and older ones: the same context similarity over fewer characters is weaker evidence)
 * and FALLBACK_CALIBRATION for reanchor()'s fallback, fitted on the spans that reach it (the
 * diff lost them: deleted or moved, a population with far more deleted text), both logistic
 * over featureVector().
 */
import { boostedProbability, isBoostedModel, type BoostedModel } from './boosted';
import type { WordEvidence } from './evidence';

export type Features = {
  /** Share of the quote found (1 for an exact match). */
  quoteSim: number;
  /** Folded quote length. */
  length: number;
  /** Length-weighted context agreement, baseline-corrected. */
  ctxMean: number;
  /** Agreement of the better-matching side. */
  ctxBest: number;
  /** Exact occurrences of the quote in the document (0 for fuzzy-only). */
  occurrences: number;
  /** Heuristic score of the runner-up at a different place (0 if none). */
  runnerUp: number;
  exact: boolean;
  /** Context characters matching contiguously right before / after the match. */
  prefixRun: number;
  suffixRun: number;
  /** Share of the quote's rare words found in the match (words.ts); 1 for an exact match. */
  rareWords?: number;
  /** Distance from the expected position, as a share of the document (0.5 without a hint). */
  distance?: number;
  /** Word-level evidence (evidence.ts), computed for the winning candidate only. */
  evidence?: WordEvidence;
};

export const FEATURE_NAMES = [
  'bias',
  'quoteSim',
  'logLength',
  'quoteSim*logLength',
  'ctxMean',
  'ctxBest',
  'logOccurrences',
  'runnerUp',
  'exact',
  'exact*logLength',
  'exactUnique',
  'logAdjacentRun',
  'logShorterRun',
  'sqrtDistance',
  'fuzzy*sqrtDistance',
  'fuzzy*rareWords',
] as const;

export function featureVector(f: Features): number[] {
  const logLen = Math.log(1 + f.length);
  return [
    1,
    f.quoteSim,
    logLen,
    f.quoteSim * logLen,
    f.ctxMean,
    f.ctxBest,
    Math.log(1 + f.occurrences),
    f.runnerUp,
    f.exact ? 1 : 0,
    f.exact ? logLen : 0,
    f.exact && f.occurrences === 1 ? 1 : 0,
    Math.log(1 + f.prefixRun + f.suffixRun),
    Math.log(1 + Math.min(f.prefixRun, f.suffixRun)),
    Math.sqrt(f.distance ?? 0.5),
    f.exact ? 0 : Math.sqrt(f.distance ?? 0.5),
    f.exact ? 0 : (f.rareWords ?? 1),
  ];
}

/** The boosted model's inputs: the features as measured (trees need no transforms), -1 = absent. */
export const BOOSTED_INPUTS = [
  'quoteSim',
  'length',
  'ctxMean',
  'ctxBest',
  'occurrences',
  'runnerUp',
  'exact',
  'prefixRun',
  'suffixRun',
  'rareWords',
  'distance',
  'windowRatio',
  'quoteWords',
  'quotePairs',
  'contextWords',
  'nearContextWords',
  'splitEnds',
  'contextsMeet',
] as const;

export function boostedInputs(f: Features): number[] {
  const e = f.evidence;
  return [
    f.quoteSim,
    f.length,
    f.ctxMean,
    f.ctxBest,
    f.occurrences,
    f.runnerUp,
    f.exact ? 1 : 0,
    f.prefixRun,
    f.suffixRun,
    f.rareWords ?? -1,
    f.distance ?? 0.5,
    e?.windowRatio ?? -1,
    e?.quoteWords ?? -1,
    e?.quotePairs ?? -1,
    e?.contextWords ?? -1,
    e?.nearContextWords ?? -1,
    e?.splitEnds ?? -1,
    e?.contextsMeet ?? -1,
  ];
}

/** Logistic weights over featureVector(), or a boosted model over boostedInputs(). */
export type Calibration = readonly number[] | BoostedModel;

export function calibrated(f: Features, model: Calibration): number {
  if (isBoostedModel(model)) return boostedProbability(model, boostedInputs(f));
  const weights = model;
  const x = featureVector(f);
  let z = 0;
  for (let i = 0; i < x.length; i++) z += (weights[i] ?? 0) * x[i]!;
  return 1 / (1 + Math.exp(-z));
}
