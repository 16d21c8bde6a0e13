/**
 * Export formats of issue 7: pure streaming functions over an ExportInput bundle. The route
 * handler picks a format from EXPORT_FORMATS, runs it and wraps it with toReadableStream.
 */
import { exportCsv, type CsvOptions } from './csv';
import { exportDocx, type DocxOptions } from './docx';
import { exportHtml } from './html';
import { exportMarkdown } from './markdown';
import type { CommentContent } from './load-rows';
import type { ExportChunk, ExportInput } from './types';
import { exportW3c, type W3cOptions } from './w3c';

export type * from './types';
export { exportCsv, exportDocx, exportHtml, exportMarkdown, exportW3c };
export type { CsvOptions, DocxOptions, W3cOptions };

export type ExportFormatOptions = CsvOptions & DocxOptions & W3cOptions;

export type ExportFormat = {
  contentType: string;
  extension: string;
  /** What it reads of a comment: only that is loaded (lib/export/load-rows.ts). */
  comments: CommentContent;
  run: (input: ExportInput, opts?: ExportFormatOptions) => AsyncGenerator<ExportChunk>;
};

export const EXPORT_FORMATS = {
  w3c: {
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    extension: 'jsonld',
    comments: 'html',
    run: exportW3c,
  },
  markdown: {
    contentType: 'text/markdown; charset=utf-8',
    extension: 'md',
    comments: 'text',
    run: exportMarkdown,
  },
  csv: {
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    comments: 'text',
    run: exportCsv,
  },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    comments: 'text',
    run: exportDocx,
  },
  html: {
    contentType: 'text/html; charset=utf-8',
    extension: 'html',
    comments: 'html',
    run: exportHtml,
  },
} satisfies Record<string, ExportFormat>;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;

export function isExportFormat(name: string): name is ExportFormatName {
  return Object.prototype.hasOwnProperty.call(EXPORT_FORMATS, name);
}

/** Bytes gathered before a chunk is handed to the response (one write per chunk). */
const STREAM_CHUNK_BYTES = 64 * 1024;

/**
 * Web ReadableStream over a format generator. Pull-based, so the generator (and the database
 * cursor behind it) only advances as fast as the client reads; cancelling the stream (client
 * gone) calls the generator's return() so its finally blocks release resources. Formats yield
 * small pieces (a CSV row, one annotation); they are gathered into ~64 KB chunks, since every
 * chunk costs a trip through the response pipeline.
 */
export function toReadableStream(gen: AsyncGenerator<ExportChunk>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let text: string[] = [];
  let textLength = 0;
  const flushText = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    if (textLength === 0) return;
    controller.enqueue(encoder.encode(text.join('')));
    text = [];
    textLength = 0;
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        for (;;) {
          const { value, done } = await gen.next();
          if (done) {
            flushText(controller);
            controller.close();
            return;
          }
          if (typeof value === 'string') {
            text.push(value);
            // UTF-16 length: a lower bound of the UTF-8 size, good enough for batching.
            textLength += value.length;
            if (textLength < STREAM_CHUNK_BYTES) continue;
            flushText(controller);
            return;
          }
          if (value.byteLength === 0) continue;
          flushText(controller);
          controller.enqueue(value);
          return;
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
