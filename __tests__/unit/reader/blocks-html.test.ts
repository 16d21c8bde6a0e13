import fc from 'fast-check';
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import {
  blockHtml,
  blocksHtml,
  markClasses,
  threadNumbers,
} from '@/components/reader/reader-blocks-html';
import type { ReaderBlock } from '@/lib/documents/get-reader';
import type { InlineMark } from '@/lib/documents/blocks';
import { segmentText, type HighlightRange } from '@/lib/documents/highlights';

function block(
  text: string,
  ranges: HighlightRange[] = [],
  marks: InlineMark[] = [],
  extra: Partial<ReaderBlock> = {},
): ReaderBlock {
  return {
    key: 'k1',
    number: 3,
    type: 'paragraph',
    segments: segmentText(text, ranges, marks),
    threadIds: [...new Set(ranges.map((r) => r.annotationId))],
    ...extra,
  };
}

const isElement = (n: AnyNode): n is Element => 'attribs' in n;

const elements = (nodes: AnyNode[]): Element[] =>
  nodes.flatMap((n) => (isElement(n) ? [n, ...elements(n.children)] : []));

/** What the reader island reads as the block's text: textContent without [data-skip-offset]. */
function offsetText(node: AnyNode): string {
  if (isElement(node)) {
    if (node.attribs['data-skip-offset'] !== undefined) return '';
    return node.children.map(offsetText).join('');
  }
  return 'data' in node ? String(node.data) : '';
}

function parse(html: string) {
  const doc = parseDocument(html, { decodeEntities: true });
  const all = elements(doc.children);
  const text = all.find((e) => e.attribs['data-block-text'] !== undefined);
  return { all, text };
}

describe('reader blocks as HTML', () => {
  it('numbers and links the block, marks highlights with page-local thread numbers', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `ann${i}`);
    const html = blockHtml(
      block('the quick brown fox', [
        { start: 4, end: 15, annotationId: 'ann11' },
        { start: 10, end: 19, annotationId: 'ann2' },
      ]),
      { threadNumbers: threadNumbers(ids) },
    );
    const { all, text } = parse(html);
    const section = all[0]!;
    expect(section.name).toBe('section');
    expect(section.attribs).toMatchObject({ id: 'p-k1', class: 'block block-paragraph' });
    expect(all.find((e) => e.attribs.class === 'pno')?.attribs.href).toBe('#p-k1');
    const marks = all.filter((e) => e.name === 'mark');
    expect(marks.map((m) => [offsetText(m), m.attribs['data-threads'], m.attribs.class])).toEqual([
      ['quick ', 'b', undefined],
      ['brown', 'b 2', 'overlap'],
      [' fox', '2', undefined],
    ]);
    expect(offsetText(text!)).toBe('the quick brown fox');
    // The paragraph's number for the island, which adds its "comment on paragraph" button.
    expect(all.find((e) => e.attribs.class === 'pno')?.attribs['aria-label']).toBe('Paragraph 3');
    expect(all.some((e) => e.name === 'button')).toBe(false);
    expect(all.find((e) => e.attribs.href === '#thread-ann11')?.attribs['aria-label']).toBe(
      '2 threads on paragraph 3',
    );
  });

  it('colours highlights by state: mine, resolved only when all of its threads are', () => {
    const html = blockHtml(
      block('aaaa bbbb cccc dddd', [
        { start: 0, end: 4, annotationId: 'mine' },
        { start: 5, end: 9, annotationId: 'theirs-resolved' },
        { start: 10, end: 14, annotationId: 'theirs' },
        { start: 12, end: 19, annotationId: 'theirs-resolved' },
      ]),
      {
        states: { mine: new Set(['mine']), resolved: new Set(['theirs-resolved']) },
      },
    );
    const marks = parse(html).all.filter((e) => e.name === 'mark');
    expect(marks.map((m) => [offsetText(m), m.attribs.class])).toEqual([
      ['aaaa', 'mine'],
      ['bbbb', 'resolved'],
      ['cc', undefined],
      ['cc', 'overlap'],
      [' dddd', 'resolved'],
    ]);
    expect(
      markClasses(['a', 'b'], { mine: new Set(['b']), resolved: new Set(['a', 'b']) }),
    ).toEqual(['mine', 'resolved', 'overlap']);
  });

  it('leaves highlights inert when not asked for', () => {
    const html = blockHtml(block('abc', [{ start: 0, end: 2, annotationId: 'x' }]));
    const { all } = parse(html);
    expect(all.find((e) => e.name === 'mark')?.attribs['data-threads']).toBeUndefined();
  });

  it('escapes text, keys and link targets: a payload stays text', () => {
    const payload = `<img src=x onerror=alert(1)>"'&<script>alert(2)</script>`;
    const html = blockHtml(
      block(
        `${payload} link`,
        [{ start: 0, end: 5, annotationId: 'a' }],
        [
          {
            type: 'link',
            start: payload.length + 1,
            end: payload.length + 5,
            href: 'https://e.x/?q="><script>',
          },
        ],
        { key: `k"><script>`, type: 'heading' },
      ),
      { threadNumbers: threadNumbers(['a']) },
    );
    const { all, text } = parse(html);
    expect(all.map((e) => e.name).sort()).toEqual(
      ['a', 'a', 'a', 'h2', 'mark', 'section', 'span'].sort(),
    );
    expect(offsetText(text!)).toBe(`${payload} link`);
    expect(text!.attribs['data-block-text']).toBe(`k"><script>`);
    expect(all.find((e) => e.attribs.rel)?.attribs.href).toBe('https://e.x/?q="><script>');
  });

  it('renders list items with an offset-free bullet and code blocks as <pre>', () => {
    const { text: li } = parse(blockHtml(block('item', [], [], { type: 'list-item' })));
    expect(offsetText(li!)).toBe('item');
    expect(li!.children.length).toBe(2);
    const { text: pre } = parse(blockHtml(block('a\n  b', [], [], { type: 'code' })));
    expect(pre!.name).toBe('pre');
    expect(offsetText(pre!)).toBe('a\n  b');
  });

  it('keeps every block text intact under any highlights and marks (property)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    fc.assert(
      fc.property(
        text,
        fc.array(fc.tuple(fc.nat(40), fc.nat(40), fc.constantFrom('a', 'b', 'c')), {
          maxLength: 5,
        }),
        fc.array(fc.tuple(fc.nat(40), fc.nat(40), fc.constantFrom('em', 'strong', 'code')), {
          maxLength: 3,
        }),
        (t, rs, ms) => {
          const ranges = rs.map(([s, e, id]) => ({
            start: Math.min(s, e),
            end: Math.max(s, e),
            annotationId: id,
          }));
          const marks = ms.map(
            ([s, e, type]) => ({ type, start: Math.min(s, e), end: Math.max(s, e) }) as InlineMark,
          );
          const html = blocksHtml([block(t, ranges, marks)], {
            threadNumbers: threadNumbers(['a', 'b', 'c']),
          });
          const { all, text: el } = parse(html);
          expect(offsetText(el!)).toBe(t);
          for (const e of all)
            expect(['section', 'a', 'p', 'span', 'mark', 'em', 'strong', 'code']).toContain(e.name);
        },
      ),
    );
  });
});
