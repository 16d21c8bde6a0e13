import { importFixture, markedText } from './helpers';

const shape = (doc: { blocks: Array<{ type: string; text: string }> }) =>
  doc.blocks.map((b) => [b.type, b.text]);

describe('plain text', () => {
  it('splits paragraphs, strips the BOM and CRLF, collapses whitespace, titles by file name', async () => {
    const doc = await importFixture('sample.txt');
    expect(doc.title).toBe('sample');
    expect(doc.source).toBeUndefined();
    expect(shape(doc)).toEqual([
      ['paragraph', 'The Art of Slow Reading'],
      ['paragraph', 'Reading slowly is a practice. It rewards patience.'],
      ['paragraph', 'A second paragraph, with a tab and trailing spaces.'],
    ]);
  });
});

describe('markdown', () => {
  it('reads front matter and maps block types', async () => {
    const doc = await importFixture('sample.md');
    expect(doc).toMatchObject({
      title: 'Notes on Close Reading',
      source: 'Ada Lovelace',
      publishedOn: '2024-02-29',
    });
    // The "# Notes on Close Reading" heading repeats the title and is not kept as a block.
    expect(shape(doc)).toEqual([
      [
        'paragraph',
        'Close reading is careful, sustained interpretation of a short passage. ' +
          'See the guide and the reference. Never run this.',
      ],
      ['heading', 'A list'],
      ['list-item', 'First item with emphasis'],
      ['list-item', 'Second item continued on a new line'],
      ['quote', 'A quoted line that continues.'],
      ['code', 'const x = 1;\n  indented();'],
      ['paragraph', 'Contact us.'],
    ]);
  });

  it('keeps emphasis, code and http(s)/mailto links as marks, drops javascript: links', async () => {
    const doc = await importFixture('sample.md');
    expect(markedText(doc)).toEqual([
      [0, 'em', 'careful'],
      [0, 'strong', 'sustained'],
      [0, 'code', 'short'],
      [0, 'link', 'the guide', 'https://example.com/guide'],
      [0, 'link', 'the reference', 'https://example.com/ref'],
      [2, 'em', 'emphasis'],
      [6, 'link', 'us', 'mailto:team@example.com'],
    ]);
    expect(doc.blocks[0]?.marks[0]).toEqual({ type: 'em', start: 17, end: 24 });
    expect(JSON.stringify(doc)).not.toContain('javascript');
  });
});

describe('html', () => {
  it('takes <title> and <meta> and maps block types', async () => {
    const doc = await importFixture('sample.html');
    expect(doc).toMatchObject({
      title: 'The Sanitised Page',
      source: 'Grace Hopper',
      publishedOn: '2022-11-05',
    });
    expect(shape(doc)).toEqual([
      ['paragraph', 'Some emphasised and strong text with a safe link and a bad link.'],
      ['heading', 'Details'],
      ['list-item', 'One & only'],
      ['list-item', 'Two inline()'],
      ['quote', 'Quoted wisdom.'],
      ['code', 'line 1\n  line 2'],
      ['paragraph', 'Loose text in a div'],
    ]);
    expect(markedText(doc)).toEqual([
      [0, 'em', 'emphasised'],
      [0, 'strong', 'strong'],
      [0, 'link', 'safe link', 'https://example.org/x'],
      [3, 'code', 'inline()'],
    ]);
  });

  it('removes scripts, styles, frames, navigation, buttons and event handlers', async () => {
    const json = JSON.stringify(await importFixture('sample.html'));
    for (const banned of [
      'alert(',
      'onclick',
      'onload',
      'onerror',
      'steal',
      'javascript',
      'color: red',
      'iframe fallback',
      'evil.example',
      'Home',
      'Click me',
    ]) {
      expect(json).not.toContain(banned);
    }
  });

  it('falls back to the first h1 when there is no <title>', async () => {
    const { parseImport } = await import('@/lib/documents/import');
    const html = '<h1>Only <em>Heading</em></h1><p>Body text.</p>';
    const doc = await parseImport({ name: 'page.htm', bytes: new TextEncoder().encode(html) });
    expect(doc.title).toBe('Only Heading');
    expect(shape(doc)).toEqual([['paragraph', 'Body text.']]);
  });
});

describe('docx', () => {
  it('reads core properties and converts through mammoth and the HTML path', async () => {
    const doc = await importFixture('sample.docx');
    expect(doc).toMatchObject({
      title: 'Reading Group Handout',
      source: 'Ada Lovelace',
      publishedOn: '2023-05-17',
    });
    expect(shape(doc)).toEqual([
      ['heading', 'Introduction'],
      ['paragraph', 'This handout is bold and italic, with a link.'],
      ['list-item', 'First point'],
      ['list-item', 'Second point'],
      ['quote', 'To read is to question.'],
      ['heading', 'Method'],
      ['paragraph', 'Read twice, then discuss.'],
    ]);
    expect(markedText(doc)).toEqual([
      [1, 'strong', 'bold'],
      [1, 'em', 'italic'],
      [1, 'link', 'link', 'https://example.com/handout'],
    ]);
  });
});

describe('pdf', () => {
  it('reads the info dictionary, one block per paragraph, without header and page numbers', async () => {
    const doc = await importFixture('sample.pdf');
    expect(doc).toMatchObject({
      title: 'A Sample PDF',
      source: 'Grace Hopper',
      publishedOn: '2023-05-17',
    });
    expect(shape(doc)).toEqual([
      ['heading', 'Reading Slowly'],
      // "docu-/ment" is joined; "well-/known" and "Jean-/Paul" keep their hyphens.
      ['paragraph', 'The first paragraph explains why a document is read slowly and with care.'],
      ['paragraph', 'The second paragraph is on the first page and ends here.'],
      ['paragraph', 'Page two starts with a well-known idea that keeps its hyphen.'],
      // Continues across the page break because the sentence had not ended.
      [
        'paragraph',
        'This paragraph continues on the next page because it has not finished yet when the page ends.',
      ],
      ['paragraph', 'The last paragraph mentions Jean-Paul and closes the document.'],
    ]);
    expect(JSON.stringify(doc)).not.toContain('Closeread Fixture Report');
    expect(doc.blocks.every((b) => b.marks.length === 0)).toBe(true);
  });

  it('detects a PDF by its bytes whatever the file is called', async () => {
    const { parseImport } = await import('@/lib/documents/import');
    const { fixture } = await import('./helpers');
    const doc = await parseImport({ name: 'download', bytes: fixture('sample.pdf') });
    expect(doc.title).toBe('A Sample PDF');
  });
});
