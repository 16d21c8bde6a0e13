/** Prints what the importer makes of files: npx tsx scripts/import-fixtures/inspect.ts <file>... */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseImport } from '../../lib/documents/import';

async function main(): Promise<void> {
  for (const file of process.argv.slice(2)) {
    try {
      const doc = await parseImport({ name: path.basename(file), bytes: readFileSync(file) });
      console.log(JSON.stringify(doc, null, 1));
    } catch (err) {
      const e = err as { code?: string; message?: string; cause?: unknown };
      console.log(file, '->', e.code, e.message, e.cause ? `(cause: ${String(e.cause)})` : '');
    }
  }
}

void main();
