import type { ParsedDocument } from '../blocks';
import { detectFormat, type ImportFormat } from './detect';
import { parseDocx } from './docx';
import { tooLarge, wrapParserErrors } from './errors';
import { parseHtml } from './html';
import { parseMarkdown } from './markdown';
import { finaliseDocument, titleFromFileName, type RawDocument } from './normalize';
import { parsePdf } from './pdf';
import { decodeText, parseText } from './text';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ImportFile = { name: string; type?: string; bytes: Uint8Array };
export type { ImportFormat };
export { detectFormat };

async function parseByFormat(format: ImportFormat, file: ImportFile): Promise<RawDocument> {
  switch (format) {
    case 'pdf':
      return parsePdf(file.bytes, file.name);
    case 'docx':
      return parseDocx(file.bytes, file.name);
    case 'html':
      return parseHtml(decodeText(file.bytes, file.name));
    case 'markdown':
      return parseMarkdown(decodeText(file.bytes, file.name));
    case 'text':
      return parseText(decodeText(file.bytes, file.name));
  }
}

/**
 * Turns an uploaded file into blocks. Every failure is an AppError with a message that can be
 * shown as is: PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, or BAD_REQUEST (unreadable, password,
 * no text, too many blocks).
 */
export async function parseImport(file: ImportFile): Promise<ParsedDocument> {
  if (file.bytes.byteLength > MAX_IMPORT_BYTES) {
    throw tooLarge(file.name, file.bytes.byteLength, MAX_IMPORT_BYTES);
  }
  return wrapParserErrors(file.name, async () => {
    const format = detectFormat(file);
    const raw = await parseByFormat(format, file);
    return finaliseDocument(raw, { name: file.name, fallbackTitle: titleFromFileName(file.name) });
  });
}

const PASTED = 'The pasted text';

/**
 * Pasted text. Without an explicit title, a short first line standing on its own is taken as the
 * title (that is how people paste articles); Markdown uses its front matter or first heading.
 * Plain text is parsed synchronously; Markdown needs the (lazily loaded) remark parser.
 */
export function parsePastedText(
  text: string,
  opts: { title?: string; format?: 'text' | 'markdown' } = {},
): Promise<ParsedDocument> | ParsedDocument {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_IMPORT_BYTES) throw tooLarge(PASTED, bytes, MAX_IMPORT_BYTES);
  const finish = (raw: RawDocument) =>
    finaliseDocument(
      { ...raw, title: opts.title?.trim() ? opts.title : raw.title },
      { name: PASTED, fallbackTitle: 'Untitled' },
    );
  if (opts.format === 'markdown') {
    return wrapParserErrors(PASTED, async () => finish(await parseMarkdown(text)));
  }
  const clean = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const firstLine = /^\s*([^\n]*)\n[ \t]*\n/.exec(clean)?.[1]?.trim() ?? '';
  const firstLineIsTitle =
    !opts.title?.trim() &&
    firstLine.length > 0 &&
    firstLine.length <= 150 &&
    !/[.!?,;:]$/.test(firstLine);
  return finish(parseText(clean, { firstLineIsTitle }));
}
