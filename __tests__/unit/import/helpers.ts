import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ParsedDocument } from '@/lib/documents/blocks';
import { parseImport } from '@/lib/documents/import';
import { AppError } from '@/lib/errors/app-error';

export const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'import');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, name)));
}

export function importFixture(name: string, type?: string): Promise<ParsedDocument> {
  return parseImport({ name, type, bytes: fixture(name) });
}

/** Resolves to the AppError a call failed with (fails the test if it did not fail that way). */
export async function appErrorOf(run: () => unknown): Promise<AppError> {
  try {
    await run();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw new Error(`expected an AppError, got ${String(err)}`);
  }
  throw new Error('expected an AppError, but the call succeeded');
}

/** The text each mark covers, which reads better in assertions than offsets alone. */
export function markedText(doc: ParsedDocument): Array<[number, string, string, string?]> {
  return doc.blocks.flatMap((b, i) =>
    b.marks.map((m): [number, string, string, string?] =>
      m.href
        ? [i, m.type, b.text.slice(m.start, m.end), m.href]
        : [i, m.type, b.text.slice(m.start, m.end)],
    ),
  );
}
