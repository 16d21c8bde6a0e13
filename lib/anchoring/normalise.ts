/**
 * Matching happens on a folded copy of the text so that cosmetic revisions (CRLF -> LF, smart
 * quotes, non-breaking spaces, re-wrapped lines, NFC vs NFD accents) do not look like edits.
 * Every folded character remembers where it came from, so results are reported as offsets in
 * the original string and never split a code point or separate a base letter from its marks.
 */

export type Normalised = {
  /** The original string. */
  readonly text: string;
  /** The folded string used for matching. */
  readonly norm: string;
  /** starts[i]: original index of the code point that produced norm[i]. */
  readonly starts: Int32Array;
  /** ends[i]: original index just after that code point and any marks folded away after it. */
  readonly ends: Int32Array;
  /** origToNorm[j]: first norm index whose source starts at or after original index j. */
  readonly origToNorm: Int32Array;
};

const QUOTE_FOLD: Record<number, string> = {};
for (const c of '\u2018\u2019\u201a\u201b\u2032\u02bc\uff07') QUOTE_FOLD[c.charCodeAt(0)] = "'";
for (const c of '\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02')
  QUOTE_FOLD[c.charCodeAt(0)] = '"';
for (const c of '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d')
  QUOTE_FOLD[c.charCodeAt(0)] = '-';

/** Dropped from the folded text and attached to the preceding character. */
const INVISIBLE = /^[\u00ad\u200b-\u200d\u2060\ufeff]$/;
const MARKS = /\p{M}/gu;
const SPACE = /^\s$/u;

// Folding a code point costs a String.normalize call; documents reuse few distinct ones.
const foldCache = new Map<number, string>();

/** '' = drop and attach to previous char; ' ' = whitespace; otherwise the folded form. */
function foldCodePoint(cp: number, ch: string): string {
  const cached = foldCache.get(cp);
  if (cached !== undefined) return cached;
  let out: string;
  const q = QUOTE_FOLD[cp];
  if (q !== undefined) out = q;
  else if (SPACE.test(ch)) out = ' ';
  else if (INVISIBLE.test(ch)) out = '';
  else {
    out = ch.normalize('NFKD').replace(MARKS, '');
    // A folded form can reintroduce quotes/spaces (e.g. fullwidth forms); fold those too.
    if (out.length > 0 && out !== ch) {
      let refolded = '';
      for (const c of out) refolded += QUOTE_FOLD[c.charCodeAt(0)] ?? (SPACE.test(c) ? ' ' : c);
      out = refolded;
    }
  }
  if (foldCache.size < 50_000) foldCache.set(cp, out);
  return out;
}

export function normalise(text: string): Normalised {
  const n = text.length;
  // Folding rarely expands text (ligatures, ellipsis); grow buffers on demand.
  let cap = n + 16;
  let codes = new Uint16Array(cap);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let len = 0;
  let prevSpace = false;
  const push = (code: number, s: number, e: number): void => {
    if (len === cap) {
      cap *= 2;
      const c2 = new Uint16Array(cap);
      c2.set(codes);
      codes = c2;
      const s2 = new Int32Array(cap);
      s2.set(starts);
      starts = s2;
      const e2 = new Int32Array(cap);
      e2.set(ends);
      ends = e2;
    }
    codes[len] = code;
    starts[len] = s;
    ends[len] = e;
    len++;
  };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11) {
        if (!prevSpace) push(32, i, i + 1);
        prevSpace = true;
      } else {
        push(c, i, i + 1);
        prevSpace = false;
      }
      i++;
      continue;
    }
    let width = 1;
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const ch = text.slice(i, i + width);
    const folded = foldCodePoint(cp, ch);
    if (folded === ' ') {
      if (!prevSpace) push(32, i, i + width);
      prevSpace = true;
    } else if (folded === '') {
      // Marks and joiners belong to the character before them: extend its end.
      if (len > 0 && !prevSpace) ends[len - 1] = i + width;
    } else {
      for (let k = 0; k < folded.length; k++) push(folded.charCodeAt(k), i, i + width);
      prevSpace = false;
    }
    i += width;
  }

  let norm = '';
  const CHUNK = 8192;
  for (let k = 0; k < len; k += CHUNK) {
    norm += String.fromCharCode.apply(
      null,
      Array.from(codes.subarray(k, Math.min(len, k + CHUNK))),
    );
  }
  const origToNorm = new Int32Array(n + 1).fill(-1);
  origToNorm[n] = len;
  for (let k = len - 1; k >= 0; k--) origToNorm[starts[k]!] = k;
  for (let j = n - 1; j >= 0; j--) if (origToNorm[j] === -1) origToNorm[j] = origToNorm[j + 1]!;
  return { text, norm, starts: starts.slice(0, len), ends: ends.slice(0, len), origToNorm };
}

/** Folds a short string (a quote or its context) without keeping the offset map. */
export function foldString(s: string): string {
  return normalise(s).norm;
}

/** Original [start, end) of the folded range [a, b); a < b required. */
export function toOriginal(n: Normalised, a: number, b: number): { start: number; end: number } {
  return { start: n.starts[a]!, end: n.ends[b - 1]! };
}

// Anchoring many spans against one document must not re-fold it per call. A tiny LRU keyed by
// the string itself: identical strings hit even when they are different objects.
const cache = new Map<string, Normalised>();
const CACHE_SIZE = 4;

export function normaliseCached(text: string): Normalised {
  const hit = cache.get(text);
  if (hit) {
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const n = normalise(text);
  cache.set(text, n);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return n;
}
