/**
 * The Myers step budget (lib/anchoring/diff.ts): a revision that replaced everything must cost
 * a bounded amount, and spending the budget must degrade to "replaced", never to wrong pairs.
 */
import { diffSequences } from '@/lib/anchoring/diff';

const seq = (seed: number, n: number): Int32Array => {
  let x = seed;
  return Int32Array.from({ length: n }, () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x % 50; // small alphabet: many coincidental equal tokens, as in rewritten prose
  });
};

describe('diffSequences() with a step budget', () => {
  const a = seq(1, 3000);
  const b = seq(2, 3000);

  it('spends the budget it is given and no more than a small overrun', () => {
    const budget = { steps: 50_000 };
    diffSequences(a, b, budget);
    expect(budget.steps).toBeLessThan(50_000);
    expect(budget.steps).toBeGreaterThan(-10_000);
  });

  it('returns only true equalities, fewer of them, when the budget runs out', () => {
    const full = diffSequences(a, b);
    const cut = diffSequences(a, b, { steps: 1_000 });
    const matched = (bs: { len: number }[]): number => bs.reduce((s, bl) => s + bl.len, 0);
    expect(matched(cut)).toBeLessThan(matched(full));
    for (const bl of cut) for (let k = 0; k < bl.len; k++) expect(a[bl.a + k]).toBe(b[bl.b + k]);
  });

  it('shares one budget between calls, and leaves diffs without one unbounded', () => {
    const budget = { steps: 20_000 };
    diffSequences(a, b, budget);
    const left = budget.steps;
    diffSequences(a, b, budget);
    expect(budget.steps).toBeLessThanOrEqual(left);
    expect(diffSequences(Int32Array.of(1, 2, 3), Int32Array.of(1, 9, 3))).toEqual([
      { a: 0, b: 0, len: 1 },
      { a: 2, b: 2, len: 1 },
    ]);
  });
});
