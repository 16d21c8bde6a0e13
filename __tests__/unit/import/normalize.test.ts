import fc from 'fast-check';
import { LIMITS } from '@/lib/documents/blocks';
import { parsePastedText } from '@/lib/documents/import';
import { normaliseBlock, normaliseDate, splitLongBlock } from '@/lib/documents/import/normalize';
import {
  dropRunningLines,
  joinLines,
  linesToBlocks,
  type PdfLine,
} from '@/lib/documents/import/pdf';

describe('normaliseBlock', () => {
  it('collapses whitespace and moves marks with the text', () => {
    const text = '  \r\n Hello   \t wide\r\n  world  ';
    const world = text.indexOf('world');
    const block = normaliseBlock({
      type: 'paragraph',
      text,
      marks: [
        { type: 'strong', start: text.indexOf('wide'), end: world + 5 },
        { type: 'em', start: 0, end: text.indexOf('Hello') + 5 },
      ],
    });
    expect(block).toEqual({
      type: 'paragraph',
      text: 'Hello wide world',
      marks: [
        { type: 'em', start: 0, end: 5 },
        { type: 'strong', start: 6, end: 16 },
      ],
    });
  });

  it('trims marks to their visible text, drops empty ones and unsafe links, merges touching runs', () => {
    const block = normaliseBlock({
      type: 'paragraph',
      text: 'a  bold  b',
      marks: [
        { type: 'strong', start: 1, end: 4 },
        { type: 'strong', start: 4, end: 8 },
        { type: 'em', start: 1, end: 3 },
        { type: 'link', start: 0, end: 1, href: 'javascript:alert(1)' },
        { type: 'link', start: 9, end: 10, href: 'ftp://x' },
      ],
    });
    expect(block?.text).toBe('a bold b');
    expect(block?.marks).toEqual([{ type: 'strong', start: 2, end: 6 }]);
  });

  it('keeps the lines and relative indentation of code, removing the common indent', () => {
    const block = normaliseBlock({
      type: 'code',
      text: '\r\n\r\n    if (x) {  \r\n    \treturn;\r\n\r\n    }\n\n',
      marks: [],
    });
    expect(block?.text).toBe('if (x) {\n\treturn;\n\n}');
  });

  it('drops blocks that are only whitespace', () => {
    expect(normaliseBlock({ type: 'paragraph', text: ' \n\t\u00a0 ', marks: [] })).toBeNull();
  });
});

describe('splitLongBlock', () => {
  it('splits at sentence boundaries and carries marks into the pieces', () => {
    const sentence = `${'Abcd '.repeat(9)}end.`; // 49 characters
    const text = Array(5).fill(sentence).join(' ');
    const pieces = splitLongBlock(
      { type: 'paragraph', text, marks: [{ type: 'em', start: 95, end: 110 }] },
      120,
    );
    expect(pieces.map((p) => p.text)).toEqual([
      `${sentence} ${sentence}`,
      `${sentence} ${sentence}`,
      sentence,
    ]);
    expect(pieces[0]?.marks).toEqual([{ type: 'em', start: 95, end: 99 }]);
    expect(pieces[1]?.marks).toEqual([{ type: 'em', start: 0, end: 9 }]);
  });

  it('splits real documents whose paragraph exceeds the limit', async () => {
    const long = 'This sentence is exactly forty-four chars. '.repeat(5000);
    const doc = await parsePastedText(long, { title: 'Long' });
    expect(doc.blocks.length).toBe(3);
    expect(doc.blocks.every((b) => b.text.length <= LIMITS.maxBlockChars)).toBe(true);
    expect(doc.blocks.every((b) => b.text.endsWith('.'))).toBe(true);
    expect(doc.blocks.map((b) => b.text).join(' ')).toBe(long.trim());
  });

  it('falls back to spaces, then a hard cut, for text without sentences', () => {
    expect(
      splitLongBlock({ type: 'paragraph', text: 'aaaa bbbb cccc', marks: [] }, 10).map(
        (p) => p.text,
      ),
    ).toEqual(['aaaa bbbb', 'cccc']);
    expect(
      splitLongBlock({ type: 'paragraph', text: 'x'.repeat(25), marks: [] }, 10).map(
        (p) => p.text.length,
      ),
    ).toEqual([10, 10, 5]);
  });
});

describe('joinLines (PDF hyphenation)', () => {
  it.each([
    ['a docu-', 'ment here', 'a document here'],
    ['a well-', 'known fact', 'a well-known fact'],
    ['see Jean-', 'Paul', 'see Jean-Paul'],
    ['evidence-', 'based claims', 'evidence-based claims'],
    ['state-of-the-', 'art work', 'state-of-the-art work'],
    ['soft\u00ad', 'ware', 'software'],
    ['ends here.', 'Next line', 'ends here. Next line'],
    ['pages 10-', '12', 'pages 10- 12'],
  ])('%j + %j', (a, b, joined) => {
    expect(joinLines(a, b)).toBe(joined);
  });
});

describe('PDF layout heuristics', () => {
  const line = (page: number, y: number, text: string, x = 72, size = 12): PdfLine => ({
    text,
    x,
    right: x + text.length * 6,
    y,
    size,
    page,
  });

  it('drops repeated headers and footers (numbers masked) and lone page numbers', () => {
    const pages = [1, 2, 3, 4].map((p) => [
      line(p, 760, 'Journal of Reading'),
      line(p, 700, `Body text ${'abcd'.slice(0, p)}.`),
      line(p, 40, `Page ${p} of 4`),
    ]);
    pages[0]?.push(line(1, 20, 'iii'));
    const kept = dropRunningLines(pages).map((lines) => lines.map((l) => l.text));
    expect(kept).toEqual([1, 2, 3, 4].map((p) => [`Body text ${'abcd'.slice(0, p)}.`]));
  });

  it('keeps a single page intact apart from a lone page number', () => {
    const kept = dropRunningLines([
      [line(1, 700, 'Title line'), line(1, 680, 'Body.'), line(1, 30, '7')],
    ]);
    expect(kept[0]?.map((l) => l.text)).toEqual(['Title line', 'Body.']);
  });

  it('starts paragraphs at vertical gaps, first-line indents and bullets', () => {
    const blocks = linesToBlocks([
      line(1, 700, 'First paragraph line one'),
      line(1, 685, 'and line two.'),
      line(1, 670, 'Indented start of the second', 96),
      line(1, 655, 'paragraph continues'),
      line(1, 620, 'After a gap.'),
      line(1, 605, '\u2022 A bullet'),
    ]);
    expect(blocks.map((b) => [b.type, b.text])).toEqual([
      ['paragraph', 'First paragraph line one and line two.'],
      ['paragraph', 'Indented start of the second paragraph continues'],
      ['paragraph', 'After a gap.'],
      ['list-item', 'A bullet'],
    ]);
  });
});

describe('parsePastedText', () => {
  it('uses a short first line as the title when none is given', () => {
    const doc = parsePastedText('My Essay\n\nFirst paragraph.\n\nSecond.');
    expect(doc).toEqual({
      title: 'My Essay',
      blocks: [
        { type: 'paragraph', text: 'First paragraph.', marks: [] },
        { type: 'paragraph', text: 'Second.', marks: [] },
      ],
    });
  });

  it('keeps the first line as text when it reads like a sentence or a title is given', () => {
    expect(parsePastedText('It began.\n\nThen more.')).toMatchObject({ title: 'Untitled' });
    const doc = parsePastedText('Heading\n\nBody.', { title: '  Given  ' });
    expect(doc).toMatchObject({ title: 'Given', blocks: [{ text: 'Heading' }, { text: 'Body.' }] });
  });

  it('parses markdown asynchronously', async () => {
    const result = parsePastedText('# Title\n\nSome **bold** text.', { format: 'markdown' });
    expect(result).toBeInstanceOf(Promise);
    await expect(result).resolves.toEqual({
      title: 'Title',
      blocks: [
        {
          type: 'paragraph',
          text: 'Some bold text.',
          marks: [{ type: 'strong', start: 5, end: 9 }],
        },
      ],
    });
  });

  it('caps long titles', () => {
    const doc = parsePastedText('Body.', { title: 'T'.repeat(400) });
    expect(doc).toMatchObject({ title: `${'T'.repeat(LIMITS.maxTitleChars - 1)}\u2026` });
  });
});

describe('normaliseDate', () => {
  it.each([
    ['2024-02-29', '2024-02-29'],
    ['2024-02-29T23:00:00+02:00', '2024-02-29'],
    ['5 November 2022', '2022-11-05'],
    ['sometime', 'sometime'],
    ['', undefined],
  ])('%j', (input, expected) => {
    expect(normaliseDate(input)).toBe(expected);
  });
});

describe('the unmarked-prose fast path of normaliseBlock', () => {
  it('collapses whitespace exactly as the position-mapping path does', () => {
    const spacey = fc.string({
      unit: fc.constantFrom(
        'a',
        'é',
        ' ',
        '\t',
        '\n',
        '\r',
        '\u00a0',
        '\u2003',
        '\u3000',
        'x',
        '.',
      ),
      maxLength: 40,
    });
    fc.assert(
      fc.property(
        spacey,
        fc.constantFrom('paragraph', 'heading', 'quote' as const),
        (text, type) => {
          const fast = normaliseBlock({ type, text, marks: [] });
          // An empty mark forces the general path; it is dropped there.
          const general = normaliseBlock({ type, text, marks: [{ type: 'em', start: 0, end: 0 }] });
          expect(fast?.text ?? null).toBe(general?.text ?? null);
        },
      ),
    );
  });
});
