/**
 * alignDP (lib/anchoring/quote-align.ts) finds the end bit-parallel and traces back in a band;
 * it must give exactly what the full semi-global dynamic programme gives (the programme below is
 * the engine's earlier implementation, kept here as the reference).
 */
import fc from 'fast-check';
import { alignDP, DP_MAX_QUOTE } from '@/lib/anchoring/quote-align';

function referenceAlign(
  text: string,
  w0: number,
  w1: number,
  quote: string,
): { a: number; b: number; sim: number } | null {
  const m = quote.length;
  const w = w1 - w0;
  if (m === 0 || w <= 0) return null;
  const W = w + 1;
  const d = new Uint16Array((m + 1) * W);
  for (let i = 1; i <= m; i++) {
    d[i * W] = i;
    const qc = quote.charCodeAt(i - 1);
    for (let j = 1; j <= w; j++) {
      const sub = d[(i - 1) * W + j - 1]! + (qc === text.charCodeAt(w0 + j - 1) ? 0 : 1);
      d[i * W + j] = Math.min(sub, d[(i - 1) * W + j]! + 1, d[i * W + j - 1]! + 1);
    }
  }
  let end = 0;
  for (let j = 1; j <= w; j++) if (d[m * W + j]! < d[m * W + end]!) end = j;
  const dist = d[m * W + end]!;
  if (dist >= m) return null;
  let i = m;
  let j = end;
  let firstMatch = -1;
  let lastMatch = -1;
  while (i > 0) {
    const here = d[i * W + j]!;
    const same = j > 0 && quote.charCodeAt(i - 1) === text.charCodeAt(w0 + j - 1);
    if (j > 0 && here === d[(i - 1) * W + j - 1]! + (same ? 0 : 1)) {
      if (same) {
        if (lastMatch === -1) lastMatch = j;
        firstMatch = j - 1;
      }
      i--;
      j--;
    } else if (here === d[(i - 1) * W + j]! + 1) i--;
    else j--;
  }
  if (firstMatch === -1) return null;
  return { a: w0 + firstMatch, b: w0 + lastMatch, sim: 1 - dist / m };
}

const unit = fc.constantFrom('a', 'b', 'c', ' ', 'é');

describe('alignDP()', () => {
  it('equals the full dynamic programme on random quotes and windows (small alphabet)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 200 }),
        fc.string({ unit, minLength: 1, maxLength: 100 }),
        fc.nat(),
        fc.nat(),
        (text, quote, x, y) => {
          const w0 = text.length === 0 ? 0 : x % (text.length + 1);
          const w1 = w0 + (y % (text.length - w0 + 1));
          expect(alignDP(text, w0, w1, quote)).toEqual(referenceAlign(text, w0, w1, quote));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('equals it for quotes that are edited copies of the window, at every block boundary', () => {
    fc.assert(
      fc.property(
        fc.string({ unit, minLength: 1, maxLength: DP_MAX_QUOTE }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('del', 'ins', 'sub')), { maxLength: 30 }),
        fc.string({ unit, maxLength: 60 }),
        fc.string({ unit, maxLength: 60 }),
        (quote, edits, before, after) => {
          let copy = quote;
          for (const [at, op] of edits) {
            const k = at % (copy.length + 1);
            if (op === 'del') copy = copy.slice(0, k) + copy.slice(k + 1);
            else if (op === 'ins') copy = `${copy.slice(0, k)}x${copy.slice(k)}`;
            else copy = `${copy.slice(0, k)}y${copy.slice(k + 1)}`;
          }
          const text = before + copy + after;
          expect(alignDP(text, 0, text.length, quote)).toEqual(
            referenceAlign(text, 0, text.length, quote),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('equals it for every quote length around the block boundaries, up to 400', () => {
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pick = (): string => 'abc é'[rand(5)]!;
    const lengths = [1, 31, 32, 33, 63, 64, 65, 95, 96, 97, 128, 200, 399, 400];
    for (const len of lengths) {
      for (let round = 0; round < 20; round++) {
        let quote = '';
        for (let k = 0; k < len; k++) quote += pick();
        let copy = quote;
        for (let e = rand(len / 4 + 2); e > 0; e--) {
          const k = rand(copy.length + 1);
          copy = copy.slice(0, k) + (rand(2) ? pick() : '') + copy.slice(k + rand(2));
        }
        let text = '';
        for (let k = rand(80); k > 0; k--) text += pick();
        text += copy;
        for (let k = rand(80); k > 0; k--) text += pick();
        const w0 = rand(20);
        expect(alignDP(text, w0, text.length, quote)).toEqual(
          referenceAlign(text, w0, text.length, quote),
        );
      }
    }
  });

  it('finds a verbatim copy of 32, 64, 33 and 400 characters exactly', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/';
    for (const len of [32, 33, 64, 400]) {
      const quote = letters.repeat(7).slice(0, len);
      const text = `~~~~~${quote}~~~~~`;
      expect(alignDP(text, 0, text.length, quote)).toEqual({ a: 5, b: 5 + len, sim: 1 });
    }
  });

  it('returns null when nothing of the quote is in the window', () => {
    expect(alignDP('zzzzzzzz', 0, 8, 'abc')).toBeNull();
    expect(alignDP('abc', 1, 1, 'abc')).toBeNull();
  });
});
