/**
 * CSV export: one row per visible comment, one row with empty comment fields for a highlight
 * without comments. RFC 4180 (CRLF line ends, fields quoted when they hold a comma, quote, CR or
 * LF, inner quotes doubled), UTF-8, optional BOM so Excel detects the encoding.
 *
 * Spreadsheet apps run cells that start with = + - @ (and tab / CR, which some of them strip
 * first) as formulas; such cells get a leading single quote (OWASP "CSV injection").
 */
import {
  indexBlocks,
  isVisible,
  locate,
  paragraphLabel,
  visibleParents,
  type Located,
} from './common';
import type { ExportAnnotation, ExportInput } from './types';

export type CsvOptions = { bom?: boolean };

export const CSV_COLUMNS = [
  'document',
  'revision',
  'paragraph',
  'quote',
  'thread_id',
  'comment_id',
  'parent_id',
  'author',
  'created',
  'edited',
  'status',
  'visibility',
  'tags',
  'text',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

function paragraphCell(loc: Located | null): string {
  if (!loc) return '';
  return loc.start === loc.end ? String(loc.start.number) : `${loc.start.number}–${loc.end.number}`;
}

export function annotationRows(doc: string, rev: string, a: ExportAnnotation, loc: Located | null) {
  const common = {
    paragraph: paragraphCell(loc) || paragraphLabel(loc),
    quote: a.anchor.exact,
    status: a.status === 'RESOLVED' ? 'resolved' : 'open',
    visibility: a.visibility === 'PRIVATE' ? 'private' : 'workspace',
    tags: a.tags.join('; '),
  };
  const row = (c: {
    id: string;
    parent: string;
    author: string;
    created: Date;
    edited: Date | null;
    text: string;
  }) =>
    csvRow([
      doc,
      rev,
      common.paragraph,
      common.quote,
      a.id,
      c.id,
      c.parent,
      c.author,
      c.created.toISOString(),
      c.edited ? c.edited.toISOString() : '',
      common.status,
      common.visibility,
      common.tags,
      c.text,
    ]);
  const visible = a.comments.filter(isVisible);
  if (visible.length === 0) {
    return [
      row({
        id: '',
        parent: '',
        author: a.authorName,
        created: a.createdAt,
        edited: null,
        text: '',
      }),
    ];
  }
  const parents = visibleParents(a.comments);
  return visible.map((c) =>
    row({
      id: c.id,
      parent: parents.get(c.id) ?? '',
      author: c.authorName,
      created: c.createdAt,
      edited: c.editedAt,
      text: c.text,
    }),
  );
}

export async function* exportCsv(
  input: ExportInput,
  opts: CsvOptions = {},
): AsyncGenerator<string> {
  const { document: doc } = input;
  const blocks = indexBlocks(doc);
  yield (opts.bom ? '\uFEFF' : '') + csvRow(CSV_COLUMNS);
  const rev = String(doc.revision.number);
  for await (const a of input.annotations) {
    yield annotationRows(doc.title, rev, a, locate(a, blocks)).join('');
  }
}
