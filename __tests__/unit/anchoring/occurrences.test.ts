/**
 * Exact occurrences through the q-gram index (lib/anchoring/qgram.ts) must be exactly those a
 * repeated indexOf finds, overlapping ones included.
 */
import fc from 'fast-check';
import { buildQGramIndex, occurrencesOf } from '@/lib/anchoring/qgram';

const scan = (text: string, quote: string): number[] => {
  const out: number[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) out.push(i);
  return out;
};

describe('occurrencesOf()', () => {
  it('finds what indexOf finds, with or without the index', () => {
    const unit = fc.constantFrom('a', 'b', ' ', 'ab', 'é');
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 300 }),
        fc.string({ unit, minLength: 1, maxLength: 12 }),
        fc.nat(),
        (text, random, k) => {
          // Half the quotes are cut from the text, so most of them occur (often many times).
          const from = text.length ? k % text.length : 0;
          const quote = k % 2 ? text.slice(from, from + 1 + (k % 9)) || random : random;
          const idx = buildQGramIndex(text);
          expect(occurrencesOf(text, quote, idx)).toEqual(scan(text, quote));
          expect(occurrencesOf(text, quote)).toEqual(scan(text, quote));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds overlapping occurrences of a periodic quote', () => {
    const text = 'aaaaaaaaaa';
    expect(occurrencesOf(text, 'aaaaaa', buildQGramIndex(text))).toEqual([0, 1, 2, 3, 4]);
  });
});
