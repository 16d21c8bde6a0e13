/**
 * Word-level evidence about a candidate, read from the folded text around it (ADR 22).
 * Character similarity (score.ts) rewards any text of the same shape; these ask whether the
 * candidate and its surroundings use the selector's *words*, which an edited sentence keeps and
 * a different sentence of the same boilerplate does not.
 */
import { contextSimilarity } from './score';
import { cutsWord, wordsOf } from './words';

export type WordEvidence = {
  /** Candidate length over quote length (folded characters). */
  windowRatio: number;
  /** Share of the quote's distinct words found in the candidate; -1 if the quote has none. */
  quoteWords: number;
  /** Share of the quote's distinct character pairs found in the candidate; -1 below 2 chars. */
  quotePairs: number;
  /** Share of the contexts' distinct words found within CONTEXT_REACH around the candidate. */
  contextWords: number;
  /** The same for the NEAR characters of context nearest the quote, within NEAR_REACH. */
  nearContextWords: number;
  /** Candidate ends (0-2) that cut through a word (a letter or digit on both sides). */
  splitEnds: number;
  /**
   * How well the contexts meet *inside* the candidate: the suffix read from its start or the
   * prefix read back from its end (edit similarity, the better of the two). High when the
   * candidate is the text after (or before) a deleted span whose neighbours both survive: the
   * span's place is empty and the candidate took the neighbour's words.
   */
  contextsMeet: number;
};

/** Characters of text searched on each side for the contexts' words (contexts are 128). */
const CONTEXT_REACH = 160;
/** Context characters nearest the quote, and how far from the candidate their words may be. */
const NEAR = 40;
const NEAR_REACH = 60;

/** Share of the distinct items of `want` present in `have`; -1 when `want` is empty. */
function cover(want: readonly string[], have: readonly string[]): number {
  const wanted = new Set(want);
  if (wanted.size === 0) return -1;
  const present = new Set(have);
  let found = 0;
  for (const w of wanted) if (present.has(w)) found++;
  return found / wanted.size;
}

function pairsOf(s: string): string[] {
  const out: string[] = [];
  const lower = s.toLowerCase();
  for (let i = 0; i + 1 < lower.length; i++) out.push(lower.slice(i, i + 2));
  return out;
}

/** Evidence for candidate [a, b) of folded `text` against the folded quote and contexts. */
export function wordEvidence(
  text: string,
  quote: string,
  prefix: string,
  suffix: string,
  a: number,
  b: number,
): WordEvidence {
  const window = text.slice(a, b);
  const around = (reach: number): string[] => [
    ...wordsOf(text.slice(Math.max(0, a - reach), a)),
    ...wordsOf(text.slice(b, b + reach)),
  ];
  return {
    windowRatio: (b - a) / Math.max(1, quote.length),
    quoteWords: cover(wordsOf(quote), wordsOf(window)),
    quotePairs: cover(pairsOf(quote), pairsOf(window)),
    contextWords: cover([...wordsOf(prefix), ...wordsOf(suffix)], around(CONTEXT_REACH)),
    nearContextWords: cover(
      [...wordsOf(prefix.slice(-NEAR)), ...wordsOf(suffix.slice(0, NEAR))],
      around(NEAR_REACH),
    ),
    splitEnds: (cutsWord(text, a) ? 1 : 0) + (cutsWord(text, b) ? 1 : 0),
    contextsMeet: Math.max(
      suffix.length > 0 ? contextSimilarity(text, a, suffix, 1) : 0,
      prefix.length > 0 ? contextSimilarity(text, b, prefix, -1) : 0,
    ),
  };
}
