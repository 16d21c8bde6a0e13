/**
 * Generates the import fixtures under __tests__/fixtures/import/. The outputs are committed so
 * tests never depend on this script; rerun it (npx tsx scripts/import-fixtures/build.ts) only to
 * change them. Dates are fixed so that reruns produce the same metadata.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

const OUT = path.join(__dirname, '..', '..', '__tests__', 'fixtures', 'import');
const FIXED_DATE = new Date('2023-05-17T12:00:00Z');

function write(name: string, data: string | Uint8Array): void {
  writeFileSync(path.join(OUT, name), data);
  console.log(
    `wrote ${name} (${typeof data === 'string' ? Buffer.byteLength(data) : data.length} bytes)`,
  );
}

function text(): string {
  // CRLF line endings and a BOM on purpose: both must be normalised away.
  return (
    '\ufeffThe Art of Slow Reading\r\n\r\n' +
    'Reading slowly is a practice.\r\nIt rewards   patience.\r\n\r\n\r\n' +
    '\tA second paragraph, with a tab and trailing spaces.   \r\n'
  );
}

function markdown(): string {
  return `---
title: "Notes on Close Reading"
author: Ada Lovelace
date: 2024-02-29
tags: [reading, notes]
---

# Notes on Close Reading

Close reading is *careful*, **sustained** interpretation of a \`short\` passage.
See [the guide](https://example.com/guide) and [the reference][ref].
Never [run this](javascript:alert(1)).

## A list

- First item with _emphasis_
- Second item
  continued on a new line

> A quoted line
> that continues.

\`\`\`ts
const x = 1;
  indented();
\`\`\`

Contact [us](mailto:team@example.com).

[ref]: https://example.com/ref
`;
}

function html(): string {
  return `<!doctype html>
<html>
<head>
  <title>The Sanitised Page</title>
  <meta name="author" content="Grace Hopper">
  <meta name="date" content="2022-11-05">
  <style>body { color: red } .x::after { content: "alert(style)" }</style>
  <script>alert("head")</script>
</head>
<body onload="alert('body')">
  <nav><a href="/home">Home</a> | <a href="/about">About</a></nav>
  <h1>The Sanitised Page</h1>
  <p onclick="alert('p')">Some <em>emphasised</em> and <strong>strong</strong> text with a
     <a href="https://example.org/x" onclick="steal()">safe link</a> and a
     <a href="javascript:alert('x')">bad link</a>.</p>
  <script>document.write('alert(inline)')</script>
  <iframe src="https://evil.example"><p>iframe fallback</p></iframe>
  <h2>Details</h2>
  <ul>
    <li>One &amp; only</li>
    <li>Two <code>inline()</code></li>
  </ul>
  <blockquote><p>Quoted wisdom.</p></blockquote>
  <pre><code>line 1
  line 2</code></pre>
  <div>Loose text in a div<img src="x" onerror="alert('img')"></div>
  <button onclick="alert('btn')">Click me</button>
</body>
</html>
`;
}

async function docx(): Promise<Uint8Array> {
  const doc = new Document({
    title: 'Reading Group Handout',
    creator: 'Ada Lovelace',
    styles: {
      paragraphStyles: [{ id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { italics: true } }],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Introduction', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('This handout is '),
              new TextRun({ text: 'bold', bold: true }),
              new TextRun(' and '),
              new TextRun({ text: 'italic', italics: true }),
              new TextRun(', with a '),
              new ExternalHyperlink({
                link: 'https://example.com/handout',
                children: [new TextRun({ text: 'link', style: 'Hyperlink' })],
              }),
              new TextRun('.'),
            ],
          }),
          new Paragraph({ text: 'First point', bullet: { level: 0 } }),
          new Paragraph({ text: 'Second point', bullet: { level: 0 } }),
          new Paragraph({ text: 'To read is to question.', style: 'Quote' }),
          new Paragraph({ text: 'Method', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('Read twice, then discuss.'),
        ],
      },
    ],
  });
  const generated = await Packer.toBuffer(doc);
  // The docx package stamps "now" into core.xml; a fixed date keeps the fixture reproducible.
  const zip = await JSZip.loadAsync(generated);
  const core = await zip.file('docProps/core.xml')?.async('string');
  if (core) {
    zip.file(
      'docProps/core.xml',
      core.replace(
        /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms)/g,
        `$1${FIXED_DATE.toISOString().replace('.000', '')}$2`,
      ),
    );
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Draws paragraphs line by line; returns the y below the last line. */
function drawLines(page: PDFPage, font: PDFFont, lines: string[], y: number, x = 72): number {
  for (const line of lines) {
    page.drawText(line, { x, y, size: 12, font });
    y -= 15;
  }
  return y - 12;
}

async function pdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  doc.setTitle('A Sample PDF');
  doc.setAuthor('Grace Hopper');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  doc.setProducer('closeread fixtures');
  doc.setCreator('closeread fixtures');
  const pages: string[][][] = [
    [
      ['The first paragraph explains why a docu-', 'ment is read slowly and with care.'],
      ['The second paragraph is on the first page', 'and ends here.'],
    ],
    [
      ['Page two starts with a well-', 'known idea that keeps its hyphen.'],
      ['This paragraph continues on the next page', 'because it has not'],
    ],
    [
      ['finished yet when the page ends.'],
      ['The last paragraph mentions Jean-', 'Paul and closes the document.'],
    ],
  ];
  pages.forEach((paragraphs, i) => {
    const page = doc.addPage([612, 792]);
    page.drawText('Closeread Fixture Report', { x: 72, y: 750, size: 9, font });
    page.drawText(String(i + 1), { x: 300, y: 40, size: 9, font });
    let y = 700;
    if (i === 0) {
      page.drawText('Reading Slowly', { x: 72, y, size: 20, font: bold });
      y -= 40;
    }
    for (const lines of paragraphs) y = drawLines(page, font, lines, y);
  });
  return doc.save({ useObjectStreams: false });
}

async function scannedPdf(): Promise<Uint8Array> {
  // Stands in for a scan: a page with graphics and no text layer.
  const doc = await PDFDocument.create();
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  const page = doc.addPage([300, 300]);
  page.drawRectangle({ x: 20, y: 20, width: 200, height: 100, color: rgb(0.2, 0.2, 0.2) });
  return doc.save({ useObjectStreams: false });
}

/**
 * pdf-lib cannot encrypt, so this is written by hand: a one-page PDF whose /Encrypt dictionary
 * (Standard handler, RC4 40-bit) has a /U entry that does not match the empty user password, which
 * is exactly what a reader sees for a password-protected file. The content was never encrypted
 * with a real password; only the "needs a password" path is exercised.
 */
function encryptedPdf(): Uint8Array {
  const hex = (seed: number) =>
    Array.from({ length: 32 }, (_, i) =>
      ((seed * 31 + i * 17) % 256).toString(16).padStart(2, '0'),
    ).join('');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(7)}> /U <${hex(11)}> /P -44 >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  const id = hex(3).slice(0, 32);
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${id}> <${id}>] >>\n`;
  out += `startxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** An encrypted Office file is an OLE container with an EncryptionInfo stream; only the markers. */
function encryptedDocx(): Uint8Array {
  const bytes = new Uint8Array(1024);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const name = [...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0]);
  bytes.set(name, 512);
  return bytes;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  write('sample.txt', text());
  write('sample.md', markdown());
  write('sample.html', html());
  const docxBytes = await docx();
  write('sample.docx', docxBytes);
  write('truncated.docx', docxBytes.slice(0, Math.floor(docxBytes.length / 2)));
  write('encrypted.docx', encryptedDocx());
  const pdfBytes = await pdf();
  write('sample.pdf', pdfBytes);
  write('truncated.pdf', pdfBytes.slice(0, Math.floor(pdfBytes.length * 0.6)));
  write('scanned.pdf', await scannedPdf());
  write('encrypted.pdf', encryptedPdf());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
