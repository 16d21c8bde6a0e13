import {
  anchor,
  AnchoringError,
  CONTEXT_LENGTH,
  describe as describeSpan,
  reanchor,
  type TextSelector,
} from '@/lib/anchoring';

const TEXT =
  'Close reading lives or dies on anchors. A comment must stay on the words it was written ' +
  'about when the document is revised, and must say honestly when those words are gone. ' +
  'The words matter; the words are the point.';

describe('describe()', () => {
  it('returns the quote, up to CONTEXT_LENGTH of context and the position', () => {
    const start = TEXT.indexOf('A comment');
    const sel = describeSpan(TEXT, start, start + 9);
    expect(sel.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'A comment',
      prefix: TEXT.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: TEXT.slice(start + 9, start + 9 + CONTEXT_LENGTH),
    });
    expect(sel.position).toEqual({ type: 'TextPositionSelector', start, end: start + 9 });
  });

  it('clips context at the document edges', () => {
    const sel = describeSpan(TEXT, 0, 5);
    expect(sel.quote.prefix).toBe('');
    const end = describeSpan(TEXT, TEXT.length - 6, TEXT.length);
    expect(end.quote.suffix).toBe('');
  });
});

describe('anchor()', () => {
  it("uses the position when the text is unchanged (method 'position', confidence 1)", () => {
    const s = TEXT.indexOf('revised');
    expect(anchor(TEXT, describeSpan(TEXT, s, s + 7))).toEqual({
      start: s,
      end: s + 7,
      confidence: 1,
      method: 'position',
    });
  });

  it('finds a quote that moved because text was inserted before it', () => {
    const s = TEXT.indexOf('say honestly');
    const sel = describeSpan(TEXT, s, s + 12);
    const revised = 'A new first sentence was added here. ' + TEXT;
    const a = anchor(revised, sel);
    expect(a).toMatchObject({ start: s + 37, end: s + 49, method: 'exact' });
    expect(a!.confidence).toBeGreaterThan(0.9);
  });

  it('picks the right one of repeated quotes by context', () => {
    const first = TEXT.indexOf('words');
    const second = TEXT.indexOf('words', first + 1);
    const third = TEXT.indexOf('words', second + 1);
    const sel = describeSpan(TEXT, third, third + 5);
    const revised = TEXT.replace('Close reading', 'Careful close reading');
    expect(anchor(revised, sel)).toMatchObject({ start: third + 8, end: third + 13 });
    const selSecond = describeSpan(TEXT, second, second + 5);
    expect(anchor(revised, selSecond)).toMatchObject({ start: second + 8, end: second + 13 });
  });

  it("re-finds an edited quote approximately (method 'fuzzy') and overlaps the surviving text", () => {
    const s = TEXT.indexOf('must say honestly when those words are gone');
    const sel = describeSpan(TEXT, s, s + 43);
    const revised = TEXT.replace(
      'must say honestly when those words are gone',
      'must say plainly when those words are gone',
    );
    const a = anchor(revised, sel);
    expect(a).not.toBeNull();
    expect(a!.method).toBe('fuzzy');
    const t = revised.indexOf('must say plainly');
    expect(a!.start).toBeLessThan(t + 42);
    expect(a!.end).toBeGreaterThan(t);
    expect(a!.confidence).toBeLessThan(1);
  });

  it('returns null (orphan) when the quoted text is gone', () => {
    const s = TEXT.indexOf('A comment must stay');
    const e = TEXT.indexOf('revised,') + 8;
    const sel = describeSpan(TEXT, s, e);
    const revised = TEXT.slice(0, s) + TEXT.slice(e);
    expect(anchor(revised, sel)).toBeNull();
  });

  it('does not attach a deleted short quote to another occurrence with different context', () => {
    const text =
      'Alpha beta gamma. The cat sat on the mat. Delta epsilon zeta eta theta iota kappa.';
    const s = text.indexOf('cat');
    const sel = describeSpan(text, s, s + 3);
    const revised =
      'Alpha beta gamma. Delta epsilon zeta eta theta iota kappa. A cat appears elsewhere entirely.';
    expect(anchor(revised, sel)).toBeNull();
  });

  it('works without a position (imported W3C annotations often carry only a quote)', () => {
    const s = TEXT.indexOf('the point');
    const { quote } = describeSpan(TEXT, s, s + 9);
    const a = anchor(TEXT, { quote } as unknown as TextSelector);
    expect(a).toMatchObject({ start: s, end: s + 9 });
  });

  it('respects an explicit threshold', () => {
    const s = TEXT.indexOf('say honestly');
    const sel = describeSpan(TEXT, s, s + 12);
    const revised = TEXT.replace('say honestly', 'say frankly');
    expect(anchor(revised, sel, { threshold: 1.01 })).toBeNull();
  });
});

describe('typed errors', () => {
  const code = (fn: () => unknown): string | undefined => {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(AnchoringError);
      return (err as AnchoringError).code;
    }
    return undefined;
  };

  it('rejects empty, reversed, out-of-range and non-integer spans', () => {
    expect(code(() => describeSpan(TEXT, 3, 3))).toBe('EMPTY_SPAN');
    expect(code(() => describeSpan(TEXT, 5, 3))).toBe('INVALID_SPAN');
    expect(code(() => describeSpan(TEXT, -1, 3))).toBe('OUT_OF_RANGE');
    expect(code(() => describeSpan(TEXT, 0, TEXT.length + 1))).toBe('OUT_OF_RANGE');
    expect(code(() => describeSpan(TEXT, 0.5, 3))).toBe('INVALID_SPAN');
    expect(code(() => describeSpan(42 as unknown as string, 0, 1))).toBe('INVALID_TEXT');
  });

  it('rejects malformed selectors', () => {
    const bad: unknown[] = [
      null,
      'quote',
      {},
      { quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' } },
      { quote: { type: 'Other', exact: 'x', prefix: '', suffix: '' } },
      { quote: { type: 'TextQuoteSelector', exact: 'x', prefix: 3, suffix: '' } },
      {
        quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 5, end: 2 },
      },
      {
        quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 'a', end: 2 },
      },
    ];
    for (const sel of bad)
      expect(code(() => anchor(TEXT, sel as TextSelector))).toBe('INVALID_SELECTOR');
  });

  it('rejects invalid reanchor input', () => {
    expect(code(() => reanchor(TEXT, TEXT, [{ start: 4, end: 2 }]))).toBe('INVALID_SPAN');
    expect(code(() => reanchor(TEXT, TEXT, [{ start: 0, end: 0 }]))).toBe('EMPTY_SPAN');
    expect(code(() => reanchor(TEXT, 'x', [{ start: 0, end: TEXT.length + 5 }]))).toBe(
      'OUT_OF_RANGE',
    );
    expect(code(() => reanchor(TEXT, TEXT, 'nope' as unknown as []))).toBe('INVALID_SPAN');
  });
});
