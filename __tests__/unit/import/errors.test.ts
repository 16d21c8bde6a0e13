import JSZip from 'jszip';
import { LIMITS } from '@/lib/documents/blocks';
import { MAX_IMPORT_BYTES, parseImport, parsePastedText } from '@/lib/documents/import';
import { appErrorOf, fixture } from './helpers';

const utf8 = (s: string) => new TextEncoder().encode(s);
const importBytes = (name: string, bytes: Uint8Array, type?: string) =>
  appErrorOf(() => parseImport({ name, type, bytes }));

describe('size and block limits', () => {
  it('refuses files over 20 MB before parsing them', async () => {
    const err = await importBytes('huge.txt', new Uint8Array(MAX_IMPORT_BYTES + 1));
    expect(err.code).toBe('PAYLOAD_TOO_LARGE');
    expect(err.message).toBe(
      '"huge.txt" is 20 MB; the largest file that can be imported is 20 MB.',
    );
  });

  it('refuses pasted text over 20 MB', async () => {
    const err = await appErrorOf(() => parsePastedText('x'.repeat(MAX_IMPORT_BYTES + 1)));
    expect(err.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses more than 20,000 blocks, and accepts exactly 20,000', async () => {
    const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `P${i}`).join('\n\n');
    const err = await importBytes('many.txt', utf8(paragraphs(LIMITS.maxBlocks + 1)));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toMatch(/more than 20,000 paragraphs/);
    const ok = await parseImport({ name: 'ok.txt', bytes: utf8(paragraphs(LIMITS.maxBlocks)) });
    expect(ok.blocks).toHaveLength(LIMITS.maxBlocks);
  });
});

describe('unsupported types', () => {
  it.each([
    ['setup.exe', [0x4d, 0x5a, 0x90, 0x00, 0x03], /programs are not supported/],
    ['photo.png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], /images are not supported/],
    ['photo.jpg', [0xff, 0xd8, 0xff, 0xe0], /images are not supported/],
    ['old.doc', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0], /save it as \.docx/],
    ['notes.rtf', [...utf8('{\\rtf1 hello}')], /RTF files are not supported/],
    ['data.xlsx', [...utf8('hello')], /"xlsx" files are not supported/],
    ['README', [...utf8('no extension, no type')], /its type is not known/],
  ])('%s', async (name, bytes, message) => {
    const err = await importBytes(name, new Uint8Array(bytes));
    expect(err.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(err.message).toMatch(message);
    expect(err.message).toContain('Supported formats are');
  });

  it('refuses a zip that is not a Word document', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect((await importBytes('sheet.zip', bytes)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const renamed = await importBytes('sheet.docx', bytes);
    expect(renamed.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(renamed.message).toMatch(/not a Word document/);
  });

  it('refuses binary content in a .txt file', async () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    const err = await importBytes('binary.txt', bytes);
    expect(err.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(err.message).toMatch(/does not look like a text file/);
  });

  it('uses the MIME type when there is no extension', async () => {
    const doc = await parseImport({
      name: 'clip',
      type: 'text/markdown',
      bytes: utf8('*hi* there'),
    });
    expect(doc.blocks[0]?.marks).toEqual([{ type: 'em', start: 0, end: 2 }]);
  });
});

describe('damaged, protected and empty files', () => {
  it.each([
    ['truncated.pdf', /"truncated.pdf" could not be read \(it appears to be truncated\)/],
    ['truncated.docx', /"truncated.docx" could not be read\. The file may be damaged/],
  ])('%s could not be read', async (name, message) => {
    const err = await importBytes(name, fixture(name));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toMatch(message);
  });

  it('wraps pdf.js errors for a PDF that is damaged inside', async () => {
    const err = await importBytes('broken.pdf', utf8('%PDF-1.7\n1 0 obj << garbage\n%%EOF\n'));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toMatch(/could not be read/);
  });

  it('refuses a .pdf or .docx whose bytes are something else', async () => {
    expect((await importBytes('fake.pdf', utf8('hello'))).message).toMatch(/not a valid PDF/);
    expect((await importBytes('fake.docx', utf8('hello'))).message).toMatch(
      /not a valid Word document/,
    );
  });

  it.each(['encrypted.pdf', 'encrypted.docx'])('%s is password-protected', async (name) => {
    const err = await importBytes(name, fixture(name));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toBe(
      `"${name}" is password-protected. Remove the password and upload it again.`,
    );
  });

  it('reports a PDF without a text layer as having no text', async () => {
    const err = await importBytes('scanned.pdf', fixture('scanned.pdf'));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toMatch(/"scanned.pdf" contains no text .* \(OCR\)/);
  });

  it.each([
    ['empty.txt', ''],
    ['blank.md', '---\ntitle: Only metadata\n---\n\n   \n'],
    ['blank.html', '<html><head><title>T</title><script>alert(1)</script></head><body> </body>'],
  ])('%s has no text', async (name, content) => {
    const err = await importBytes(name, utf8(content));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toMatch(/contains no text/);
  });

  it('never lets a raw exception through, even for a zip whose document is garbage', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<<<not xml');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const err = await importBytes('garbage.docx', bytes);
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toMatch(/could not be read/);
  });
});
