/**
 * Choosing between verbatim copies of a span the diff kept whole (kept-part.ts betterCopy):
 * nearby copies are always compared; when the diff's copy has lost most of the old surroundings
 * (its passage was rewritten, or the span's section moved), copies anywhere in the document are.
 * Regression class from the corpus audit: a URL fragment or a repeated `Type:` line kept by the
 * diff in a rewritten passage while its own sentence survives unchanged in a moved section.
 */
import fc from 'fast-check';
import {
  betterCopy,
  contextAgreement,
  COPY_CONTEXT,
  COPY_WINDOW,
  GLOBAL_COPY_LIMIT,
} from '@/lib/anchoring/kept-part';

const filler = (words: number): string =>
  Array.from({ length: words }, (_, i) => `filler${i}`).join(' ');

describe('betterCopy()', () => {
  const sentence =
    'Need variable expansion? Try dotenv-expand at https://github.com/motdotla/dotenv-expand';
  const OLD = `## Expansion ${sentence} for that. ## Import See the docs.`;
  const quote = 'com/motdotla';
  const na = OLD.indexOf(quote);
  const nb = na + quote.length;

  it('follows the copy that kept the old surroundings, however far away', () => {
    const rewritten = `## Import import dotenv/config // see https://github.com/motdotla/dotenv#import `;
    const NEW = `${rewritten}${filler(600)} ## Expansion ${sentence} for that.`;
    const diffCopy = NEW.indexOf(quote);
    const farCopy = NEW.lastIndexOf(quote);
    expect(farCopy - diffCopy).toBeGreaterThan(COPY_WINDOW);
    expect(betterCopy(OLD, NEW, na, nb, diffCopy)).toBe(farCopy);
  });

  it("keeps the diff's copy when its surroundings agree", () => {
    const NEW = `${OLD} ${filler(600)} ${OLD}`;
    expect(betterCopy(OLD, NEW, na, nb, na)).toBe(na);
  });

  it('compares a common quote only within the window (bounded work)', () => {
    const word = 'alpha';
    const old = `one two three ${word} four five six`;
    const a = old.indexOf(word);
    // The diff's copy has no context; the only well-placed copy is far away, behind more than
    // GLOBAL_COPY_LIMIT other copies.
    const noise = Array.from({ length: GLOBAL_COPY_LIMIT + 10 }, (_, i) => `x${i} ${word} y${i}`);
    const NEW = `zz ${word} zz ${filler(600)} ${noise.join(' ')} ${old}`;
    const diffCopy = NEW.indexOf(word);
    expect(contextAgreement(old, NEW, a, a + word.length, diffCopy)).toBeLessThan(COPY_CONTEXT);
    expect(betterCopy(old, NEW, a, a + word.length, diffCopy)).toBe(diffCopy);
  });

  it('always returns a verbatim copy of the quote, never a worse-agreeing one', () => {
    const text = fc
      .array(fc.constantFrom('ab', 'cd', 'ab cd', ' ', 'e'), { minLength: 4, maxLength: 60 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, fc.nat(), fc.nat(), (o, n, i, len) => {
        const s = i % o.length;
        const e = Math.min(o.length, s + 1 + (len % 6));
        const quote = o.slice(s, e);
        const copies: number[] = [];
        const hay = `${n}${quote}`;
        for (let k = hay.indexOf(quote); k !== -1; k = hay.indexOf(quote, k + 1)) copies.push(k);
        const ns = copies[i % copies.length]!;
        const got = betterCopy(o, hay, s, e, ns);
        expect(hay.startsWith(quote, got)).toBe(true);
        expect(contextAgreement(o, hay, s, e, got)).toBeGreaterThanOrEqual(
          contextAgreement(o, hay, s, e, ns),
        );
      }),
      { numRuns: 300 },
    );
  });
});
