import { unreadable, unsupported } from './errors';
import { htmlToBlocks, sanitise } from './html';
import type { RawDocument } from './normalize';

/** Word's built-in styles that have a block equivalent mammoth does not map by default. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Code'] => pre:separator('\\n')",
  "p[style-name='HTML Preformatted'] => pre:separator('\\n')",
  "r[style-name='Code'] => code",
  "r[style-name='HTML Code'] => code",
];

type CoreProperties = { title?: string; creator?: string; created?: string };

/** docProps/core.xml holds the document's own title/author/date; mammoth ignores it. */
async function readCoreProperties(xml: string): Promise<CoreProperties> {
  const { Parser } = await import('htmlparser2');
  const wanted: Record<string, keyof CoreProperties> = {
    'dc:title': 'title',
    'dc:creator': 'creator',
    'dcterms:created': 'created',
  };
  const props: CoreProperties = {};
  let field: keyof CoreProperties | null = null;
  let value = '';
  const parser = new Parser(
    {
      onopentag(name) {
        field = wanted[name] ?? null;
        value = '';
      },
      ontext(text) {
        if (field) value += text;
      },
      onclosetag() {
        if (field && value.trim()) props[field] ??= value.trim();
        field = null;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return props;
}

export async function parseDocx(bytes: Uint8Array, name: string): Promise<RawDocument> {
  const { default: JSZip } = await import('jszip');
  let zip: Awaited<ReturnType<typeof JSZip.loadAsync>>;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    throw unreadable(name, err);
  }
  const main = zip.file('word/document.xml');
  if (!main) throw unsupported(name, 'it is a zip archive, not a Word document.');
  let core: CoreProperties = {};
  const coreFile = zip.file('docProps/core.xml');
  if (coreFile) {
    // Metadata is a nice-to-have; a damaged core.xml must not stop the import.
    core = await coreFile
      .async('string')
      .then(readCoreProperties)
      .catch(() => ({}));
  }

  const { default: mammoth } = await import('mammoth');
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    {
      styleMap: STYLE_MAP,
      externalFileAccess: false,
      // Images are dropped anyway; not reading them keeps big documents cheap.
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    },
  );
  const { blocks, firstH1 } = await htmlToBlocks(await sanitise(result.value));
  return {
    title: core.title ?? firstH1,
    source: core.creator,
    publishedOn: core.created,
    blocks,
  };
}
