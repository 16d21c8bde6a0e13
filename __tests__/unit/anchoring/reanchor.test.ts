import { describe as describeSpan, reanchor } from '@/lib/anchoring';

const OLD = [
  '# Closeread',
  '',
  'Close reading lives or dies on anchors. A comment must stay on the words it was written about.',
  '',
  'When the document is revised, comments must follow their words, and say honestly when those words are gone.',
  '',
  'This paragraph will be deleted entirely in the next revision of the document.',
  '',
  'Hypothesis re-finds intact quotes almost perfectly, but has no minimum score.',
].join('\n');

const NEW = [
  '# Closeread',
  '',
  'Hypothesis re-finds intact quotes almost perfectly, but has no minimum score.',
  '',
  'Close reading lives or dies on anchors. A comment must stay on the exact words it was written about.',
  '',
  'When the document is revised, comments must follow their words, and say plainly when those words are gone.',
].join('\n');

const span = (quote: string, text = OLD): { start: number; end: number } => {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`missing ${quote}`);
  return { start, end: start + quote.length };
};

describe('reanchor()', () => {
  const quotes = {
    intact: 'Close reading lives or dies on anchors.',
    edited: 'say honestly when those words are gone',
    widened: 'stay on the words it was',
    deleted: 'will be deleted entirely',
    moved: 'Hypothesis re-finds intact quotes',
  };
  const spans = Object.values(quotes).map((q) => span(q));
  const [intact, edited, widened, deleted, moved] = reanchor(OLD, NEW, spans);

  it("maps preserved text through the diff (method 'diff', confidence 1)", () => {
    expect(intact).toMatchObject({ ...span(quotes.intact, NEW), method: 'diff', confidence: 1 });
  });

  it('clips an edited span to the surviving text with a lower confidence', () => {
    expect(edited).not.toBeNull();
    expect(edited!.method).toBe('diff');
    expect(edited!.confidence).toBeLessThan(1);
    expect(edited!.confidence).toBeGreaterThan(0.5);
    const surviving = span('say plainly when those words are gone', NEW);
    expect(edited!.start).toBe(surviving.start);
    expect(edited!.end).toBe(surviving.end);
  });

  it('keeps a span whose inside received an insertion, covering the insertion', () => {
    expect(NEW.slice(widened!.start, widened!.end)).toBe('stay on the exact words it was');
    expect(widened!.confidence).toBeLessThan(1);
  });

  it('orphans deleted text', () => {
    expect(deleted).toBeNull();
  });

  it('follows moved paragraphs (move detection on what the diff left unmatched)', () => {
    expect(moved).toMatchObject(span(quotes.moved, NEW));
    expect(moved!.confidence).toBeGreaterThan(0.9);
  });

  it('follows a moved passage whose text also occurs elsewhere only in kept text', () => {
    const a =
      'Intro line stays here.\n\nMoved passage about anchors and revisions.\n\nMiddle text stays.\n\nEnd.';
    const b =
      'Intro line stays here.\n\nMiddle text stays.\n\nMoved passage about anchors and revisions.\n\nEnd.';
    const [r] = reanchor(a, b, [span('passage about anchors', a)]);
    expect(r).toMatchObject(span('passage about anchors', b));
  });

  it('keeps an intact span whole when the diff aligned an edge character elsewhere', () => {
    const a = 'log(a);\nlog(chalk.rgb(1, 2, 3).underline("x"));\nend';
    const b = 'log(a);\n// comment about log(chalk.\nlog(chalk.rgb(1, 2, 3).underline("x"));\nend';
    const q = 'log(chalk.rgb(1, 2, 3).underline("x"));';
    const [r] = reanchor(a, b, [span(q, a)]);
    expect(r).toMatchObject({ ...span(q, b), confidence: 1 });
  });

  it('handles many spans at once and keeps their order', () => {
    const many = Array.from({ length: 300 }, (_, i) => spans[i % spans.length]!);
    const res = reanchor(OLD, NEW, many);
    expect(res).toHaveLength(300);
    expect(res[5]).toEqual(intact);
    expect(res[8]).toEqual(deleted);
  });

  it('returns an empty list for no spans', () => {
    expect(reanchor(OLD, NEW, [])).toEqual([]);
  });

  it('agrees with describe()/anchor() selectors on spans the diff keeps', () => {
    const sel = describeSpan(OLD, spans[0]!.start, spans[0]!.end);
    expect(NEW.slice(intact!.start, intact!.end)).toBe(sel.quote.exact);
  });
});

describe('edge whitespace', () => {
  it('keeps the spaces at the edges of a span the diff cannot place (found by fast-check)', () => {
    const old = ' a ';
    const r = reanchor(old, `amet lorem${old}`, [{ start: 0, end: 3 }]);
    expect(r).toEqual([{ start: 10, end: 13, confidence: 1, method: 'diff' }]);
  });
});
