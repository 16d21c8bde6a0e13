import { escapeMarkdown, exportMarkdown } from '@/lib/export/markdown';
import { ANNOTATIONS, collect, makeInput } from '../../fixtures/export/bundle';

describe('Markdown export', () => {
  let md = '';
  beforeAll(async () => {
    md = await collect(exportMarkdown(makeInput()));
  });

  it('starts with the title and source', () => {
    const lines = md.split('\n');
    // "#" only starts a heading at the start of a line, so mid-line it is left alone.
    expect(lines[0]).toBe('# On Close Reading: a #test, with "quotes"');
    expect(md).toContain('Source: https://example.org/essay?x=1&amp;y=2');
    expect(md).toContain('revision 3');
  });

  it('groups passages by paragraph in reading order with orphans last', () => {
    const p1 = md.indexOf('## ¶ 1');
    const p2 = md.indexOf('## ¶ 2');
    const orphans = md.indexOf('## Orphaned annotations');
    expect(p1).toBeGreaterThan(0);
    expect(p2).toBeGreaterThan(p1);
    expect(orphans).toBeGreaterThan(p2);
    expect(md.indexOf('> a sentence that was removed')).toBeGreaterThan(orphans);
    expect(md).toContain('> slow reading');
    expect(md).toContain('> 学而时习之');
    // The cross-paragraph quote keeps its lines inside the block quote.
    expect(md).toContain('> The Analects open with learning.\n> Third paragraph');
    expect(md).toContain('¶ 2–3');
  });

  it('renders nested threads with authors, dates, status and tags', () => {
    expect(md).toContain('- **Alice Adams** (2024-03-02 03:00 UTC): Why \\*love\\*?');
    expect(md).toContain(
      '  - **Bob "Bobby" Brown** (2024-03-02 04:00 UTC · edited 2024-03-02 05:00 UTC): Because, "love" is',
    );
    expect(md).toContain('    - **Alice Adams** (2024-03-02 05:00 UTC): \\=HYPERLINK');
    // c4 was deleted but has a visible reply: kept as a placeholder so nesting stays right.
    expect(md).toContain(
      '  - *comment deleted*\n    - **Bob "Bobby" Brown** (2024-03-02 07:00 UTC): \\+1',
    );
    expect(md).toContain('- **Carol 陈** (2024-03-02 08:00 UTC): \\-2 &lt;b&gt;not bold&lt;/b&gt;');
    expect(md).not.toContain('spam');
    expect(md).not.toContain('this was removed');
    expect(md).toContain('resolved by Bob "Bobby" Brown on 2024-03-02 09:00 UTC');
    expect(md).toContain('tags: emotion, q&amp;a');
    expect(md).toContain('private');
  });

  it('escapes user text so it cannot add structure', () => {
    // Second line of c1 would be a heading; it stays a continuation line of the list item.
    expect(md).toContain('  \\# not a heading');
    expect(md).not.toMatch(/^#+ not a heading/m);
    expect(md).not.toContain('<script>');
    expect(md).toContain('&gt; quoted? &lt;b&gt;bold&lt;/b&gt;');
    expect(escapeMarkdown('1. item')).toBe('1\\. item');
    expect(escapeMarkdown('> quote')).toBe('&gt; quote');
    expect(escapeMarkdown('    code')).toBe('code');
    expect(escapeMarkdown('[link](http://x)')).toBe('\\[link\\](http://x)');
    expect(escapeMarkdown('---')).toBe('\\---');
  });

  it('says so when there is nothing to export', async () => {
    expect(await collect(exportMarkdown(makeInput([])))).toContain('*No annotations.*');
    expect(ANNOTATIONS).toHaveLength(5);
  });
});
