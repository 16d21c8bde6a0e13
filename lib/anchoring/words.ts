/**
 * Distinctive-word agreement of a fuzzy candidate. Character similarity cannot tell an edited
 * sentence from a *different* sentence built from the same boilerplate (sponsor entries that
 * differ only in name and URL, option blocks of one shape): both share most characters. Words
 * that are rare in the document carry the identity, so each of the quote's words is weighted by
 * how rare it is in the document searched, and the score is the weighted share found in the
 * candidate. A quote word absent from the whole document weighs most: it was edited away, or
 * this is not the span.
 */
import type { Normalised } from './normalise';

// Han, kana and Thai are written without spaces: each character is its own token there.
const WORD = new RegExp(
  '[\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Thai}]|[[\\p{L}\\p{N}_]--[\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Thai}]]+',
  'gv',
);

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

/** Does position i of s (between s[i-1] and s[i]) cut through a word: a letter or digit on both sides? */
export function cutsWord(s: string, i: number): boolean {
  return i > 0 && i < s.length && LETTER_OR_DIGIT.test(s[i - 1]!) && LETTER_OR_DIGIT.test(s[i]!);
}

export function wordsOf(s: string): string[] {
  return s.toLowerCase().match(WORD) ?? [];
}

const countCache = new WeakMap<Normalised, Map<string, number>>();

/** How often each word occurs in the document (built once per folded document). */
export function wordCounts(n: Normalised): Map<string, number> {
  let counts = countCache.get(n);
  if (!counts) {
    counts = new Map();
    for (const w of wordsOf(n.norm)) counts.set(w, (counts.get(w) ?? 0) + 1);
    countCache.set(n, counts);
  }
  return counts;
}

/**
 * Weighted share of the quote's words that occur in text[a, b), each weighing 1 / (1 + its
 * count in the document). 1 when the quote has no words.
 */
export function rareWordRecall(n: Normalised, quote: string, a: number, b: number): number {
  const counts = wordCounts(n);
  const here = new Map<string, number>();
  for (const w of wordsOf(n.norm.slice(a, b))) here.set(w, (here.get(w) ?? 0) + 1);
  let total = 0;
  let found = 0;
  for (const w of wordsOf(quote)) {
    const weight = 1 / (1 + (counts.get(w) ?? 0));
    total += weight;
    const left = here.get(w) ?? 0;
    if (left > 0) {
      found += weight;
      here.set(w, left - 1);
    }
  }
  return total === 0 ? 1 : found / total;
}
