/**
 * contextSimilarity (lib/anchoring/score.ts) computes edit distance bit-parallel for contexts up
 * to 64 characters; it must agree exactly with the plain dynamic programme.
 */
import fc from 'fast-check';
import { contextSimilarity, leastDistanceDP } from '@/lib/anchoring/score';

const reference = (text: string, at: number, ctx: string, dir: -1 | 1): number => {
  const m = ctx.length;
  const w = Math.min(dir < 0 ? at : text.length - at, m + 8);
  return w === 0 ? 0 : 1 - leastDistanceDP(text, at, ctx, dir, w) / m;
};

describe('contextSimilarity()', () => {
  it('equals the dynamic programme for every context length up to 64, both directions', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é', '😀'), maxLength: 160 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), minLength: 1, maxLength: 64 }),
        fc.nat(),
        fc.boolean(),
        (text, ctx, k, before) => {
          const at = text.length === 0 ? 0 : k % (text.length + 1);
          const dir = before ? -1 : 1;
          expect(contextSimilarity(text, at, ctx, dir)).toBeCloseTo(
            reference(text, at, ctx, dir),
            12,
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('handles exactly 32 and 64 characters, where the two words meet and end', () => {
    const ctx64 = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/';
    const ctx32 = ctx64.slice(0, 32);
    const text = `${ctx64.slice(0, 40)}X${ctx64.slice(40)}tail`;
    for (const ctx of [ctx32, ctx64]) {
      expect(contextSimilarity(text, 0, ctx, 1)).toBeCloseTo(reference(text, 0, ctx, 1), 12);
      const end = text.indexOf('tail');
      expect(contextSimilarity(text, end, ctx, -1)).toBeCloseTo(reference(text, end, ctx, -1), 12);
    }
    expect(contextSimilarity(text, 0, ctx64, 1)).toBeCloseTo(1 - 1 / 64, 12);
  });
});
