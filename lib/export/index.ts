/**
 * Export formats of issue 7: pure streaming functions over an ExportInput bundle. The route
 * handler picks a format from EXPORT_FORMATS, runs it and wraps it with toReadableStream.
 */
import { exportCsv, type CsvOptions } from './csv';
import { exportDocx, type DocxOptions } from './docx';
import { exportHtml } from './html';
import { exportMarkdown } from './markdown';
import type { ExportChunk, ExportInput } from './types';
import { exportW3c, type W3cOptions } from './w3c';

export type * from './types';
export { exportCsv, exportDocx, exportHtml, exportMarkdown, exportW3c };
export type { CsvOptions, DocxOptions, W3cOptions };

export type ExportFormatOptions = CsvOptions & DocxOptions & W3cOptions;

export type ExportFormat = {
  contentType: string;
  extension: string;
  run: (input: ExportInput, opts?: ExportFormatOptions) => AsyncGenerator<ExportChunk>;
};

export const EXPORT_FORMATS = {
  w3c: {
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    extension: 'jsonld',
    run: exportW3c,
  },
  markdown: { contentType: 'text/markdown; charset=utf-8', extension: 'md', run: exportMarkdown },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv', run: exportCsv },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    run: exportDocx,
  },
  html: { contentType: 'text/html; charset=utf-8', extension: 'html', run: exportHtml },
} satisfies Record<string, ExportFormat>;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;

export function isExportFormat(name: string): name is ExportFormatName {
  return Object.prototype.hasOwnProperty.call(EXPORT_FORMATS, name);
}

/**
 * Web ReadableStream over a format generator. Pull-based, so the generator (and the database
 * cursor behind it) only advances as fast as the client reads; cancelling the stream (client
 * gone) calls the generator's return() so its finally blocks release resources.
 */
export function toReadableStream(gen: AsyncGenerator<ExportChunk>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        // Skip empty chunks: enqueueing nothing would leave pull() waiting forever.
        for (;;) {
          const { value, done } = await gen.next();
          if (done) {
            controller.close();
            return;
          }
          const bytes = typeof value === 'string' ? encoder.encode(value) : value;
          if (bytes.byteLength > 0) {
            controller.enqueue(bytes);
            return;
          }
        }
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await gen.return(undefined);
    },
  });
}
