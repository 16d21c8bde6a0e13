/**
 * Hashed q-gram index over a folded document, built once per document and reused by every
 * fuzzy lookup: seeds from the quote and its context vote for where the quote starts, so the
 * expensive alignment only runs on a handful of small windows instead of the whole 400 KB.
 */
import type { Normalised } from './normalise';

export const Q = 5;

export type QGramIndex = {
  readonly mask: number;
  /** positions of bucket h are positions[bucketStart[h] .. bucketStart[h + 1]) */
  readonly bucketStart: Int32Array;
  readonly positions: Int32Array;
};

export function qgramHash(s: string, i: number, mask: number): number {
  let h = 0;
  for (let k = 0; k < Q; k++) h = (Math.imul(h, 0x01000193) ^ s.charCodeAt(i + k)) >>> 0;
  return (h ^ (h >>> 15)) & mask;
}

export function buildQGramIndex(s: string): QGramIndex {
  const n = Math.max(0, s.length - Q + 1);
  const bits = Math.min(20, Math.max(8, Math.ceil(Math.log2(n + 1))));
  const mask = (1 << bits) - 1;
  const hashes = new Int32Array(n);
  const bucketStart = new Int32Array(mask + 2);
  for (let i = 0; i < n; i++) {
    const h = qgramHash(s, i, mask);
    hashes[i] = h;
    bucketStart[h + 1]!++;
  }
  for (let h = 0; h <= mask; h++) bucketStart[h + 1]! += bucketStart[h]!;
  const fill = bucketStart.slice(0, mask + 1);
  const positions = new Int32Array(n);
  for (let i = 0; i < n; i++) positions[fill[hashes[i]!]!++] = i;
  return { mask, bucketStart, positions };
}

const indexCache = new WeakMap<Normalised, QGramIndex>();

export function qgramIndexOf(n: Normalised): QGramIndex {
  let idx = indexCache.get(n);
  if (!idx) {
    idx = buildQGramIndex(n.norm);
    indexCache.set(n, idx);
  }
  return idx;
}

/** The document's index if some search already built it (building one costs ~50 ms / 400 KB). */
export function existingIndexOf(n: Normalised): QGramIndex | undefined {
  return indexCache.get(n);
}

/**
 * Every start of `quote` in `text`, ascending, like repeated indexOf. With an index and a quote
 * of at least Q characters, only the smallest bucket among the quote's q-grams is checked
 * instead of scanning the whole document.
 */
export function occurrencesOf(text: string, quote: string, idx?: QGramIndex): number[] {
  const occ: number[] = [];
  if (!idx || quote.length < Q) {
    for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) occ.push(i);
    return occ;
  }
  let at = 0;
  let size = Infinity;
  for (let i = 0; i + Q <= quote.length && size > 0; i++) {
    const h = qgramHash(quote, i, idx.mask);
    const n = idx.bucketStart[h + 1]! - idx.bucketStart[h]!;
    if (n < size) {
      size = n;
      at = i;
    }
  }
  const h = qgramHash(quote, at, idx.mask);
  for (let k = idx.bucketStart[h]!; k < idx.bucketStart[h + 1]!; k++) {
    const start = idx.positions[k]! - at;
    if (start >= 0 && text.startsWith(quote, start)) occ.push(start);
  }
  return occ;
}

/**
 * Calls visit(pos) for each occurrence in `text` of pattern[at, at+Q). Buckets larger than
 * maxHits are skipped: a q-gram that common carries no location information.
 */
export function forEachHit(
  idx: QGramIndex,
  text: string,
  pattern: string,
  at: number,
  maxHits: number,
  visit: (pos: number) => void,
): void {
  const h = qgramHash(pattern, at, idx.mask);
  const from = idx.bucketStart[h]!;
  const to = idx.bucketStart[h + 1]!;
  if (to - from > maxHits) return;
  outer: for (let k = from; k < to; k++) {
    const pos = idx.positions[k]!;
    for (let j = 0; j < Q; j++)
      if (text.charCodeAt(pos + j) !== pattern.charCodeAt(at + j)) continue outer;
    visit(pos);
  }
}
