/**
 * Move detection (lib/anchoring/text-diff.ts): verbatim runs among the tokens the document diff
 * left unmatched, found by hashing token pairs (linear time) rather than by a second diff.
 */
import fc from 'fast-check';
import { commonRuns, heaviestChain } from '@/lib/anchoring/moves';
import { reanchor } from '@/lib/anchoring';

describe('commonRuns()', () => {
  it('finds runs in any order, each grown to its full length', () => {
    // Sections 1-2-3 became 3-1-2; -1 and -2 separate changed regions on each side.
    const a = [1, 2, 3, -1, 4, 5, 6, 7, -2, 8, 9];
    const b = [4, 5, 6, 7, -9, 8, 9, -8, 1, 2, 3];
    expect(commonRuns(a, b)).toEqual([
      { a: 0, b: 8, len: 3 },
      { a: 4, b: 0, len: 4 },
      { a: 9, b: 5, len: 2 },
    ]);
  });

  it('needs a token pair that occurs once on each side to start a run', () => {
    // (1, 2) occurs twice in a: no unique seed, though the run is equal.
    expect(commonRuns([1, 2, -1, 1, 2], [7, 1, 2, 7])).toEqual([]);
    expect(commonRuns([1, 2, 3, -1, 1, 2], [7, 1, 2, 3, 7])).toEqual([{ a: 0, b: 1, len: 3 }]);
  });

  it('never crosses a separator, and lets the longer of two overlapping runs win', () => {
    const a = [1, 2, 3, 4, 5];
    const b = [3, 4, 5, -1, 1, 2, 3, 4];
    expect(commonRuns(a, b)).toEqual([{ a: 0, b: 4, len: 4 }]);
  });
});

describe('heaviestChain()', () => {
  it('keeps the blocks in order on both sides that cover the most', () => {
    const blocks = [
      { a: 0, b: 50, len: 30 },
      { a: 40, b: 0, len: 10 },
      { a: 60, b: 20, len: 10 },
      { a: 80, b: 90, len: 5 },
    ];
    expect(heaviestChain(blocks)).toEqual([blocks[0], blocks[3]]);
  });

  it('finds a chain as heavy as exhaustive search, in order on both sides', () => {
    // Blocks on both sides laid out by shuffling slots of width 10 (never overlapping).
    const arb = fc
      .array(fc.record({ slot: fc.nat(30), len: fc.integer({ min: 1, max: 9 }) }), {
        maxLength: 12,
      })
      .map((xs) => {
        const used = new Set<number>();
        return xs
          .filter((x) => !used.has(x.slot) && used.add(x.slot))
          .map((x, i) => ({ a: i * 10, b: x.slot * 10, len: x.len }));
      });
    const heaviest = (bs: { a: number; b: number; len: number }[]): number => {
      let best = 0;
      for (let mask = 0; mask < 1 << bs.length; mask++) {
        const pick = bs.filter((_, i) => mask & (1 << i));
        if (pick.every((x, i) => i === 0 || pick[i - 1]!.b < x.b))
          best = Math.max(
            best,
            pick.reduce((s, x) => s + x.len, 0),
          );
      }
      return best;
    };
    fc.assert(
      fc.property(arb, (bs) => {
        const chain = heaviestChain(bs);
        chain.forEach((x, i) => i === 0 || expect(chain[i - 1]!.b).toBeLessThan(x.b));
        chain.forEach((x, i) => i === 0 || expect(chain[i - 1]!.a).toBeLessThan(x.a));
        expect(chain.reduce((s, x) => s + x.len, 0)).toBe(heaviest(bs));
      }),
      { numRuns: 300 },
    );
  });
});

describe('reanchor() and sections that swapped places', () => {
  const intro = 'A short introduction that stays where it is, at the top of the page.\n\n';
  const s1 = 'The first section explains installation with npm and the supported runtimes.';
  const s2 = 'The second section lists the options, their defaults, and what each one changes.';
  const s3 = 'The third section covers errors: which are thrown, and how to recover from them.';
  const old = intro + [s1, s2, s3].join('\n\n');
  const neu = intro + [s3, s2, s1].join('\n\n');

  it('follows every section, the ones the diff could not keep in order included', () => {
    const spans = [s1, s2, s3].map((s) => ({
      start: old.indexOf(s),
      end: old.indexOf(s) + s.length,
    }));
    const got = reanchor(old, neu, spans);
    [s1, s2, s3].forEach((s, i) => {
      expect(got[i]).not.toBeNull();
      expect(neu.slice(got[i]!.start, got[i]!.end)).toBe(s);
    });
  });
});
