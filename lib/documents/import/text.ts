import { parsePlainText } from '../parse-plain-text';
import { unsupported } from './errors';
import type { RawDocument } from './normalize';

/** Share of characters that must be decoding errors or control codes to call a file binary. */
const BINARY_RATIO = 0.1;

function binaryShare(text: string): number {
  if (text.length === 0) return 0;
  // eslint-disable-next-line no-control-regex
  const bad = text.match(/[\ufffd\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  return bad / text.length;
}

/**
 * UTF-8 (BOM stripped). A UTF-16 BOM is honoured because Windows tools still write it. Invalid
 * UTF-8 that is still mostly text keeps U+FFFD for the bad bytes; mostly-binary input is refused.
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes);
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('utf-8').decode(bytes);
    }
  }
  // Sample: a 20 MB text file needs no full scan to tell it from a binary one.
  const sample = text.length > 200_000 ? text.slice(0, 100_000) + text.slice(-100_000) : text;
  if (binaryShare(sample) > BINARY_RATIO) {
    throw unsupported(name, 'it does not look like a text file.');
  }
  return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
}

export function parseText(text: string, opts: { firstLineIsTitle?: boolean } = {}): RawDocument {
  const doc = parsePlainText(text, { fallbackTitle: '', firstLineIsTitle: opts.firstLineIsTitle });
  return { title: doc.title || undefined, blocks: doc.blocks };
}
