/**
 * contextSimilarity (lib/anchoring/score.ts) computes edit distance bit-parallel (two words up to
 * 64 characters, one word per 32 up to 256); it must agree exactly with the plain dynamic programme.
 */
import fc from 'fast-check';
import { contextSimilarity, leastDistanceDP } from '@/lib/anchoring/score';

const reference = (text: string, at: number, ctx: string, dir: -1 | 1): number => {
  const m = ctx.length;
  const w = Math.min(dir < 0 ? at : text.length - at, m + 8);
  return w === 0 ? 0 : 1 - leastDistanceDP(text, at, ctx, dir, w) / m;
};

describe('contextSimilarity()', () => {
  it.each([
    ['up to 64 (two words)', 1, 64, 160, 3000],
    ['of 65 to 256 (one word per 32)', 65, 256, 320, 1500],
  ])(
    'equals the dynamic programme for contexts %s characters, both directions',
    (_label, minCtx, maxCtx, maxText, numRuns) => {
      fc.assert(
        fc.property(
          fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é', '😀'), maxLength: maxText }),
          fc.string({
            unit: fc.constantFrom('a', 'b', 'c', ' ', '😀'),
            minLength: minCtx,
            maxLength: maxCtx,
          }),
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
        { numRuns },
      );
    },
  );

  it.each([
    ['up to 64', 1, 64],
    ['of 65 to 256', 65, 256],
  ])(
    'equals it where the text holds the context (edited) next to the quote, contexts %s characters',
    (_label, minCtx, maxCtx) => {
      const unit = fc.constantFrom('a', 'b', ' ', 'é', '😀');
      fc.assert(
        fc.property(
          fc.string({ unit, minLength: minCtx, maxLength: maxCtx }),
          fc.string({ unit, maxLength: 12 }),
          fc.nat(),
          fc.string({ unit, maxLength: 12 }),
          fc.boolean(),
          (ctx, edit, cut, outside, before) => {
            // The context with one stretch replaced, on the quote's side of `at`.
            const k = cut % (ctx.length + 1);
            const near = ctx.slice(0, k) + edit + ctx.slice(Math.min(ctx.length, k + edit.length));
            const text = before ? outside + near + 'Q' : 'Q' + near + outside;
            const at = before ? outside.length + near.length : 1;
            const dir = before ? -1 : 1;
            expect(contextSimilarity(text, at, ctx, dir)).toBeCloseTo(
              reference(text, at, ctx, dir),
              12,
            );
          },
        ),
        { numRuns: 1500 },
      );
    },
  );

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

  it('handles 96, 128 and 256 characters, where the blocks meet and end', () => {
    const ctx256 = Array.from({ length: 256 }, (_, i) =>
      String.fromCharCode(0x4e00 + ((i * 37) % 97)),
    ).join('');
    for (const n of [65, 96, 128, 129, 256]) {
      const ctx = ctx256.slice(0, n);
      const text = `${ctx.slice(0, 70)}X${ctx.slice(70)}tail`;
      expect(contextSimilarity(text, 0, ctx, 1)).toBeCloseTo(reference(text, 0, ctx, 1), 12);
      const end = text.indexOf('tail');
      expect(contextSimilarity(text, end, ctx, -1)).toBeCloseTo(reference(text, end, ctx, -1), 12);
    }
  });
});
