import { displayName, passwordProtected, unreadable, unsupported } from './errors';

export type ImportFormat = 'text' | 'markdown' | 'html' | 'docx' | 'pdf';

const EXTENSIONS: Record<string, ImportFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  mkd: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  pdf: 'pdf',
};

const MIME_TYPES: Record<string, ImportFormat> = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/** Formats people commonly try, with advice that is more useful than "unsupported". */
const KNOWN_UNSUPPORTED: Record<string, string> = {
  doc: 'old Word (.doc) files are not supported; save it as .docx first.',
  rtf: 'RTF files are not supported; save it as .docx or plain text first.',
  odt: 'OpenDocument files are not supported; save it as .docx first.',
  pages: 'Pages files are not supported; export it as .docx or PDF first.',
  epub: 'e-books are not supported.',
};

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

function indexOfAscii(bytes: Uint8Array, needle: string, from = 0, to = bytes.length): number {
  const first = needle.charCodeAt(0);
  const end = Math.min(to, bytes.length) - needle.length;
  outer: for (let i = from; i <= end; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) {
      if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    }
    return i;
  }
  return -1;
}

function utf16le(s: string): string {
  return [...s].map((c) => `${c}\u0000`).join('');
}

export const sniff = {
  // The spec allows junk before the header; readers look in the first KB.
  isPdf: (b: Uint8Array) => indexOfAscii(b, '%PDF-', 0, 1024) >= 0,
  isZip: (b: Uint8Array) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]),
  isOle: (b: Uint8Array) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  // Zip entry names are stored uncompressed, in the local headers and the central directory.
  hasWordDocument: (b: Uint8Array) => indexOfAscii(b, 'word/document.xml') >= 0,
  // Encrypted OOXML is an OLE container holding an "EncryptionInfo" stream (names are UTF-16).
  isEncryptedOoxml: (b: Uint8Array) => indexOfAscii(b, utf16le('EncryptionInfo')) >= 0,
  endsWithEof: (b: Uint8Array) => indexOfAscii(b, '%%EOF', Math.max(0, b.length - 2048)) >= 0,
};

const BINARY_SIGNATURES: Array<{ sig: number[]; what: string }> = [
  { sig: [0x89, 0x50, 0x4e, 0x47], what: 'images are not supported.' },
  { sig: [0xff, 0xd8, 0xff], what: 'images are not supported.' },
  { sig: [0x47, 0x49, 0x46, 0x38], what: 'images are not supported.' },
  { sig: [0x4d, 0x5a], what: 'programs are not supported.' },
  { sig: [0x7f, 0x45, 0x4c, 0x46], what: 'programs are not supported.' },
  { sig: [0x1f, 0x8b], what: 'compressed archives are not supported.' },
  { sig: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: KNOWN_UNSUPPORTED.rtf ?? '' },
];

export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * Content wins over the name for the binary formats (a PDF called "notes.txt" is still a PDF);
 * the extension, then the declared MIME type, decide between the text formats.
 */
export function detectFormat(file: {
  name: string;
  type?: string;
  bytes: Uint8Array;
}): ImportFormat {
  const { name, bytes } = file;
  const ext = extensionOf(name);
  const mime = (file.type ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const claimed = EXTENSIONS[ext] ?? (ext ? undefined : MIME_TYPES[mime]);

  if (sniff.isPdf(bytes)) return 'pdf';
  if (sniff.isZip(bytes)) {
    if (sniff.hasWordDocument(bytes) || claimed === 'docx') return 'docx';
    return unsupportedFor(name, ext, 'it is a zip archive, not a Word document.');
  }
  if (sniff.isOle(bytes)) {
    if (sniff.isEncryptedOoxml(bytes)) throw passwordProtected(name);
    throw unsupported(name, KNOWN_UNSUPPORTED.doc ?? '');
  }
  for (const { sig, what } of BINARY_SIGNATURES) {
    if (startsWith(bytes, sig)) throw unsupported(name, what);
  }
  if (claimed === 'pdf') throw unreadable(name, undefined, 'it is not a valid PDF');
  if (claimed === 'docx') throw unreadable(name, undefined, 'it is not a valid Word document');
  if (claimed) return claimed;
  return unsupportedFor(name, ext, `"${displayName(ext)}" files are not supported.`);
}

function unsupportedFor(name: string, ext: string, fallback: string): never {
  throw unsupported(name, KNOWN_UNSUPPORTED[ext] ?? (ext ? fallback : 'its type is not known.'));
}
