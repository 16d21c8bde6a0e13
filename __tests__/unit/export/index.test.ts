import { EXPORT_FORMATS, isExportFormat, toReadableStream } from '@/lib/export';
import { collect, makeInput } from '../../fixtures/export/bundle';

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  return Buffer.concat(parts);
}

describe('export registry', () => {
  it('lists every format with its content type and extension', () => {
    expect(Object.keys(EXPORT_FORMATS).sort()).toEqual(['csv', 'docx', 'html', 'markdown', 'w3c']);
    expect(EXPORT_FORMATS.w3c.contentType).toBe(
      'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    );
    expect(EXPORT_FORMATS.docx.extension).toBe('docx');
    expect(EXPORT_FORMATS.markdown.extension).toBe('md');
    expect(isExportFormat('csv')).toBe(true);
    expect(isExportFormat('toString')).toBe(false);
  });

  it('toReadableStream carries text and binary formats byte for byte', async () => {
    for (const name of ['markdown', 'csv', 'html', 'w3c'] as const) {
      const bytes = await readAll(toReadableStream(EXPORT_FORMATS[name].run(makeInput())));
      expect(new TextDecoder().decode(bytes)).toBe(
        await collect(EXPORT_FORMATS[name].run(makeInput())),
      );
    }
    const docx = await readAll(toReadableStream(EXPORT_FORMATS.docx.run(makeInput())));
    expect(docx[0]).toBe(0x50); // "PK": a zip
    expect(docx[1]).toBe(0x4b);
  });

  it('cancelling the stream closes the generator', async () => {
    let closed = false;
    async function* gen() {
      try {
        for (;;) yield 'x';
      } finally {
        closed = true;
      }
    }
    const reader = toReadableStream(gen()).getReader();
    await reader.read();
    await reader.cancel();
    expect(closed).toBe(true);
  });
});
