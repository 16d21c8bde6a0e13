import fc from 'fast-check';
import type { ParsedBlock, ParsedDocument } from '@/lib/documents/blocks';
import { parseImport, parsePastedText } from '@/lib/documents/import';
import { normaliseBlock, splitLongBlock } from '@/lib/documents/import/normalize';
import { AppError } from '@/lib/errors/app-error';

function expectWellFormed(blocks: ParsedBlock[]): void {
  for (const b of blocks) {
    expect(b.text.length).toBeGreaterThan(0);
    expect(b.text).toBe(b.text.trim());
    if (b.type !== 'code') expect(b.text).not.toMatch(/\s{2}|[\t\n\r]/);
    for (const m of b.marks) {
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(b.text.length);
      expect(m.start).toBeLessThan(m.end);
      if (m.type === 'link') expect(m.href).toMatch(/^(https?:\/\/|mailto:)/);
      else expect(m.href).toBeUndefined();
    }
  }
}

/** Parses, treating only a clean "no text" refusal as an acceptable failure. */
async function parsedOrEmpty(run: () => Promise<ParsedDocument> | ParsedDocument) {
  try {
    return await run();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/contains no text/);
    return null;
  }
}

const messy = fc.string({
  unit: fc.constantFrom(
    'a',
    'b',
    'Z',
    '\u00e9',
    '\ud83d\ude00',
    ' ',
    '  ',
    '\t',
    '\n',
    '\r\n',
    '\u00a0',
    '.',
  ),
  maxLength: 60,
});

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('properties', () => {
  it('normaliseBlock: text is collapsed, and a mark still covers the same words', () => {
    fc.assert(
      fc.property(messy, fc.nat(), fc.nat(), (text, a, b) => {
        const [start, end] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
        const block = normaliseBlock({
          type: 'paragraph',
          text,
          marks: [{ type: 'em', start: start ?? 0, end: end ?? 0 }],
        });
        if (!block) {
          expect(collapse(text)).toBe('');
          return;
        }
        expect(block.text).toBe(collapse(text));
        expectWellFormed([block]);
        const covered = collapse(text.slice(start, end));
        if (covered) {
          expect(block.marks).toHaveLength(1);
          const m = block.marks[0];
          expect(block.text.slice(m?.start, m?.end)).toBe(covered);
        } else {
          expect(block.marks).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('splitLongBlock: pieces are within the limit, keep all words, and keep marks in range', () => {
    fc.assert(
      fc.property(messy, fc.integer({ min: 2, max: 20 }), fc.nat(), fc.nat(), (raw, max, a, b) => {
        const block = normaliseBlock({ type: 'paragraph', text: raw, marks: [] });
        if (!block) return;
        const [start, end] = [a % block.text.length, b % block.text.length].sort((x, y) => x - y);
        block.marks =
          (start ?? 0) < (end ?? 0) ? [{ type: 'strong', start: start ?? 0, end: end ?? 0 }] : [];
        const pieces = splitLongBlock(block, max);
        expectWellFormed(pieces);
        for (const p of pieces) expect(p.text.length).toBeLessThanOrEqual(max);
        expect(
          pieces
            .map((p) => p.text)
            .join('')
            .replace(/\s/g, ''),
        ).toBe(block.text.replace(/\s/g, ''));
      }),
      { numRuns: 500 },
    );
  });

  const mdFragment = fc.constantFrom(
    'word', 'two words', ' ', '\n', '\n\n', '*', '**', '_', '`', '# ', '## ', '- ', '> ', '1. ',
    '[link](https://x.org/a)', '[bad](javascript:alert(1))', '<b>', '</b>', '<script>', '\\', '```\n', 'é',
  ); // prettier-ignore

  it('markdown: any input gives non-empty blocks with marks inside their text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mdFragment, { maxLength: 25 }), async (parts) => {
        const doc = await parsedOrEmpty(() =>
          parsePastedText(parts.join(''), { format: 'markdown' }),
        );
        if (doc) expectWellFormed(doc.blocks);
      }),
      { numRuns: 150 },
    );
  });

  const htmlFragment = fc.constantFrom(
    'text', ' more ', '<p>', '</p>', '<em>', '</em>', '<strong>', '</strong>', '<li>', '<ul>', '</ul>',
    '<blockquote>', '</blockquote>', '<pre>', '</pre>', '<code>', '</code>', '<a href="https://x.org">', '</a>',
    '<a href="javascript:alert(1)">', '<script>alert(1)</script>', '<div onclick="alert(2)">', '</div>',
    '<h2>', '</h2>', '<br>', '&amp;', '\n', '<iframe>', '</iframe>',
  ); // prettier-ignore

  it('html: any input gives well-formed blocks and nothing executable', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(htmlFragment, { maxLength: 30 }), async (parts) => {
        const bytes = new TextEncoder().encode(parts.join(''));
        const doc = await parsedOrEmpty(() => parseImport({ name: 'x.html', bytes }));
        if (!doc) return;
        expectWellFormed(doc.blocks);
        expect(JSON.stringify(doc)).not.toMatch(/alert\(|onclick|javascript/);
      }),
      { numRuns: 150 },
    );
  });
});
