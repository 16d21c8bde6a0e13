/**
 * Choosing between exact copies of a quote in anchor() (match.ts, score.ts adjacentRun, ADR 23):
 * the copy whose neighbours survive verbatim right next to it wins over one whose wider context
 * is merely similar, and a fuzzy window that lands on another copy does not override the
 * ranking (locate() compares exact and fuzzy candidates by rank). Before ADR 23 the exact copy on
 * the [a1] line won here by its context score; with the bonus for exact copies alone, a fuzzy
 * window on that line still won by its higher heuristic confidence. Regression class from the
 * corpus: reference-link lists where each revision adds a block of near-identical lines.
 */
import { anchor, describe as describeSpan } from '@/lib/anchoring';
import { adjacentRun, ADJACENT_CONTEXT, ADJACENT_WEIGHT, contextRun } from '@/lib/anchoring/score';

const issues = (tag: string, query: string): string =>
  [
    `[n${tag}]: https://github.com/bitinn/node-fetch/issues?${query}`,
    `[a${tag}]: https://github.com/axios/axios/issues?${query}`,
    `[s${tag}]: https://github.com/visionmedia/superagent/issues?${query}`,
  ].join('\n');

const OPEN = 'q=is%3Aissue+is%3Aopen+sort%3Aupdated-desc';

describe('anchor() between exact copies', () => {
  it('prefers the copy whose adjacent context survived verbatim', () => {
    const old = `# Links\n\n${issues('1', OPEN)}\n${issues('6', `${OPEN}+label%3Abug`)}\n`;
    // The new revision edits the [a6] line's label and moves the lists apart.
    const a6 = `[a6]: https://github.com/axios/axios/issues?${OPEN}+label%3A%22type%3Aconfirmed+bug%22`;
    const NEW =
      `# Links\n\nSee the trackers below.\n\n${issues('1', OPEN)}\n\n` +
      `Open bugs, by project:\n\n[n6]: https://github.com/bitinn/node-fetch/issues?${OPEN}+label%3Abug\n` +
      `${a6}\n[s6]: https://github.com/visionmedia/superagent/issues?${OPEN}+label%3Abug\n`;
    const quote = 'q=is%3Aissue+is%3Aopen+sort';
    const lineStart = old.indexOf('[a6]');
    const start = old.indexOf(quote, lineStart);
    // Threshold 0: this is about which copy wins, not about the confidence it gets.
    const found = anchor(NEW, describeSpan(old, start, start + quote.length), { threshold: 0 });
    const expected = NEW.indexOf(quote, NEW.indexOf('[a6]'));
    expect(found).toMatchObject({ start: expected, end: expected + quote.length });
  });

  it('scores the verbatim run next to a copy, capped per side', () => {
    const text = 'left side QUOTE right side';
    const a = text.indexOf('QUOTE');
    const b = a + 'QUOTE'.length;
    expect(adjacentRun(text, a, b, 'left side ', ' right side')).toBeCloseTo(
      (ADJACENT_WEIGHT * ('left side '.length + ' right side'.length)) / (2 * ADJACENT_CONTEXT),
    );
    expect(adjacentRun(text, a, b, 'xxx', 'yyy')).toBe(0);
    const long = 'x'.repeat(100);
    const t2 = `${long}Q${long}`;
    expect(adjacentRun(t2, 100, 101, long, long)).toBe(ADJACENT_WEIGHT);
  });

  it('counts a run up to its limit, read away from the quote on either side', () => {
    const text = 'abcdefQghijkl';
    const q = text.indexOf('Q');
    // The prefix is compared from its end (next to the quote), the suffix from its start.
    expect(contextRun(text, q, 'zzcdef', -1)).toBe(4);
    expect(contextRun(text, q, 'zzcdef', -1, 3)).toBe(3);
    expect(contextRun(text, q, 'zzcdef', -1, 10)).toBe(4);
    expect(contextRun(text, q + 1, 'ghizz', 1, 2)).toBe(2);
    expect(contextRun(text, q + 1, 'ghizz', 1)).toBe(3);
  });
});
