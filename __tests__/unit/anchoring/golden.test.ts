import * as fs from 'node:fs';
import * as path from 'node:path';
import { anchor, describe as describeSpan, reanchor, type Anchor } from '@/lib/anchoring';

type GoldenCase = {
  quote: string;
  occurrence?: number;
  expect: 'intact' | 'edited' | 'deleted';
  newQuote?: string;
  newOccurrence?: number;
};
type Golden = { source: string; old: string; new: string; cases: GoldenCase[] };

const DIR = path.join(__dirname, '../../fixtures/anchoring/golden');
const goldens = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as Golden] as const);

function nth(text: string, quote: string, n = 1): number {
  let at = -1;
  for (let k = 0; k < n; k++) {
    at = text.indexOf(quote, at + 1);
    if (at === -1) throw new Error(`fixture error: occurrence ${n} of "${quote}" not found`);
  }
  return at;
}

function check(g: Golden, c: GoldenCase, result: Anchor | null): void {
  if (c.expect === 'deleted') {
    expect(result).toBeNull();
    return;
  }
  const q = c.newQuote ?? c.quote;
  const at = nth(g.new, q, c.newOccurrence ?? 1);
  expect(result).not.toBeNull();
  if (c.expect === 'intact') {
    expect(g.new.slice(result!.start, result!.end)).toBe(c.quote);
    expect([result!.start, result!.end]).toEqual([at, at + q.length]);
  } else {
    // Edited: must overlap the surviving text.
    expect(result!.start).toBeLessThan(at + q.length);
    expect(result!.end).toBeGreaterThan(at);
  }
}

describe.each(goldens)('golden revision %s', (_name, g) => {
  const spans = g.cases.map((c) => {
    const start = nth(g.old, c.quote, c.occurrence ?? 1);
    return { start, end: start + c.quote.length };
  });

  it('reanchor() follows every span through the real revision', () => {
    const results = reanchor(g.old, g.new, spans);
    g.cases.forEach((c, i) => check(g, c, results[i] ?? null));
  });

  it('anchor() with selectors only: orphans deleted spans, re-finds most intact ones, never misplaces', () => {
    let intact = 0;
    let found = 0;
    g.cases.forEach((c, i) => {
      if (c.expect === 'edited') return;
      const sp = spans[i]!;
      const a = anchor(g.new, describeSpan(g.old, sp.start, sp.end));
      if (c.expect === 'intact') {
        intact++;
        // Without the old text a low-confidence intact span may be orphaned, but never misplaced.
        if (a === null) return;
        found++;
      }
      check(g, c, a);
    });
    expect(found / intact).toBeGreaterThanOrEqual(0.6);
  });

  it('anchor() overlaps edited spans or honestly orphans them, never elsewhere', () => {
    g.cases.forEach((c, i) => {
      if (c.expect !== 'edited') return;
      const sp = spans[i]!;
      const a = anchor(g.new, describeSpan(g.old, sp.start, sp.end));
      if (a) check(g, c, a);
    });
  });
});
