/**
 * Reads an export back with csv-parse, a real CSV parser, in strict mode: every record must have
 * the same number of fields, quotes must be well formed, and no BOM is stripped silently.
 */
import { parse } from 'csv-parse/sync';

export function parseCsv(text: string): string[][] {
  return parse(text, {
    bom: false,
    relax_column_count: false,
    relax_quotes: false,
    skip_empty_lines: false,
    record_delimiter: ['\r\n', '\n'],
  }) as string[][];
}
