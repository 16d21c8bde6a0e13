import { exportHtml } from '@/lib/export/html';
import { ANNOTATIONS, collect, makeInput } from '../../fixtures/export/bundle';

describe('printable HTML export', () => {
  let html = '';
  beforeAll(async () => {
    html = await collect(exportHtml(makeInput()));
  });

  it('is a complete, self-contained page with print CSS', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@media print');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/<link|src=/);
    expect(html).toContain('<h1>On Close Reading: a #test, with &quot;quotes&quot;</h1>');
    expect(html).toContain('Source: https://example.org/essay?x=1&amp;y=2');
  });

  it('shows every paragraph with marks and numbered markers', () => {
    for (const n of [1, 2, 3, 4]) expect(html).toContain(`<span class="pn">${n}</span>`);
    expect(html).toContain('<mark class="hl">slow reading</mark>');
    expect(html).toContain('<mark class="hl">love</mark><sup class="marker" id="m2">');
    expect(html).toContain('<mark class="hl">学而时习之</mark>');
    // The cross-paragraph span is marked in both paragraphs; its marker follows the end.
    expect(html).toContain('<mark class="hl">The Analects open with learning.</mark></p>');
    expect(html).toContain('<mark class="hl">Third paragraph</mark><sup class="marker" id="m4">');
    expect(html.match(/<sup class="marker"/g)).toHaveLength(4);
    expect(html.match(/<div class="note" id="n\d">/g)).toHaveLength(4);
  });

  it('renders threads with nested replies, status and tags; orphans last', () => {
    expect(html).toContain('<strong>Bob &quot;Bobby&quot; Brown</strong>');
    expect(html).toMatch(/<ul class="thread"><li>.*<ul class="thread"><li>.*Because, "love"/s);
    expect(html).toContain('Comment deleted');
    expect(html).not.toContain('spam');
    expect(html).toContain('<span class="badge resolved">resolved</span>');
    expect(html).toContain('<span class="badge private">private</span>');
    expect(html).toContain('<span class="tag">#q&amp;a</span>');
    expect(html.indexOf('Orphaned annotations')).toBeGreaterThan(html.indexOf('Final words here.'));
    expect(html).toContain('a sentence that was removed');
  });

  it('lets no user text inject markup', async () => {
    expect(html).not.toMatch(/<script/i);
    const evil = structuredClone(ANNOTATIONS[0]!);
    evil.tags = ['<script>x</script>'];
    evil.authorName = '<img src=x onerror=alert(1)>';
    evil.anchor.exact = '<script>alert(1)</script>';
    const out = await collect(exportHtml(makeInput([evil])));
    expect(out).not.toMatch(/<script|<img/i);
  });

  it('still lists annotations that arrive out of reading order', async () => {
    const reversed = [...ANNOTATIONS].reverse();
    const out = await collect(exportHtml(makeInput(reversed)));
    for (const a of ANNOTATIONS) expect(out).toContain(a.anchor.exact.split('\n')[0]);
    expect(out).toContain('on ¶ 1');
  });
});
