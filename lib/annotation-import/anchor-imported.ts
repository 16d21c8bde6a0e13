/**
 * Places imported threads on the latest revision's blocks. Pure. Only the selector is known (the
 * text it was made on is not), so this is `anchor()` — first inside the paragraph a
 * FragmentSelector names (its position is relative to that paragraph, and a repeated quote there
 * wins over the same words elsewhere), then on the whole text. Nothing is dropped: a thread that
 * cannot be placed becomes an ORPHANED anchor that keeps its quote.
 */
import { anchor, describe, fromCodePointOffset, type TextSelector } from '../anchoring';
import type { ImportedQuote, ImportedThread } from './types';

/** The separator the reader and the export put between paragraphs. */
const SEPARATOR = '\n\n';

export type Block = { key: string; text: string };

export type Placement =
  | {
      status: 'CREATED';
      blockKey: string;
      endBlockKey: string;
      /** UTF-16 offsets in the first and last block; null = the whole paragraph. */
      start: number | null;
      end: number | null;
      /** The selector described afresh on this revision's text (what createAnnotation stores). */
      quote: ImportedQuote;
      confidence: number;
    }
  | { status: 'ORPHANED'; quote: ImportedQuote; confidence: number };

export type Layout = {
  blocks: Block[];
  starts: number[];
  whole: string;
  index: Map<string, number>;
};

export function layoutOf(blocks: Block[]): Layout {
  const starts: number[] = [];
  let at = 0;
  for (const b of blocks) {
    starts.push(at);
    at += b.text.length + SEPARATOR.length;
  }
  return {
    blocks,
    starts,
    whole: blocks.map((b) => b.text).join(SEPARATOR),
    index: new Map(blocks.map((b, i) => [b.key, i])),
  };
}

type Range = { start: number; end: number };

function tryAnchor(text: string, quote: ImportedQuote, position: Range | null) {
  const selector = {
    quote: { type: 'TextQuoteSelector', ...quote },
    ...(position ? { position: { type: 'TextPositionSelector', ...position } } : {}),
  } as TextSelector;
  try {
    return anchor(text, selector);
  } catch {
    // A malformed selector (e.g. an empty quote) is an orphan, not a failed import.
    return null;
  }
}

/** Code-point range → UTF-16 range in `text`; null when it does not fit. */
function utf16Range(text: string, cp: { start: number; end: number }): Range | null {
  try {
    return { start: fromCodePointOffset(text, cp.start), end: fromCodePointOffset(text, cp.end) };
  } catch {
    return null;
  }
}

const codePoints = (s: string) => [...s].length;

/** Offset in the joined text → (block, offset in block), stepping off the separators. */
function toBlock(layout: Layout, offset: number, side: 'start' | 'end') {
  let i = layout.starts.length - 1;
  while (i > 0 && layout.starts[i]! > offset) i--;
  const length = layout.blocks[i]?.text.length ?? 0;
  const local = offset - (layout.starts[i] ?? 0);
  if (side === 'start' && local >= length && i < layout.blocks.length - 1)
    return { i: i + 1, at: 0 };
  if (side === 'end' && local > length) return { i, at: length };
  if (side === 'end' && local === 0 && i > 0) {
    return { i: i - 1, at: layout.blocks[i - 1]!.text.length };
  }
  return { i, at: Math.min(local, length) };
}

function placed(layout: Layout, start: number, end: number, confidence: number): Placement | null {
  const from = toBlock(layout, start, 'start');
  const to = toBlock(layout, end, 'end');
  if (to.i < from.i || (to.i === from.i && to.at <= from.at)) return null;
  const first = layout.starts[from.i]! + from.at;
  const last = layout.starts[to.i]! + to.at;
  const { quote } = describe(layout.whole, first, last);
  return {
    status: 'CREATED',
    blockKey: layout.blocks[from.i]!.key,
    endBlockKey: layout.blocks[to.i]!.key,
    start: from.at,
    end: to.at,
    quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    confidence,
  };
}

/** Inside the hinted paragraph (and the ones the quote or position runs into). */
function inBlock(layout: Layout, t: ImportedThread, quote: ImportedQuote, b: number) {
  const relative = t.position?.blockKey === layout.blocks[b]!.key ? t.position : null;
  let last = Math.min(layout.blocks.length - 1, b + quote.exact.split(SEPARATOR).length - 1);
  const windowText = () =>
    layout.blocks
      .slice(b, last + 1)
      .map((x) => x.text)
      .join(SEPARATOR);
  while (relative && last < layout.blocks.length - 1 && codePoints(windowText()) < relative.end) {
    last++;
  }
  const text = windowText();
  const found = tryAnchor(text, quote, relative ? utf16Range(text, relative) : null);
  if (!found) return null;
  const offset = layout.starts[b]!;
  return placed(layout, offset + found.start, offset + found.end, found.confidence);
}

function inWhole(layout: Layout, t: ImportedThread, quote: ImportedQuote) {
  let position: Range | null = null;
  const p = t.position;
  const b = p?.blockKey ? layout.index.get(p.blockKey) : undefined;
  if (p && p.blockKey === null) {
    position = utf16Range(layout.whole, p);
  } else if (p && b !== undefined) {
    // Relative to a paragraph that exists: shift it onto the whole text.
    const local = utf16Range(layout.whole.slice(layout.starts[b]!), p);
    if (local) {
      position = { start: layout.starts[b]! + local.start, end: layout.starts[b]! + local.end };
    }
  }
  // A position relative to a paragraph that is gone means nothing here: quote only.
  const found = tryAnchor(layout.whole, quote, position);
  return found ? placed(layout, found.start, found.end, found.confidence) : null;
}

export function placeThread(layout: Layout, t: ImportedThread): Placement {
  const quote = t.quote ?? { exact: '', prefix: '', suffix: '' };
  const hinted = t.blockKeyHint === null ? undefined : layout.index.get(t.blockKeyHint);
  if (quote.exact.trim() === '') {
    // A paragraph fragment without a quote is a thread on the whole paragraph.
    if (hinted !== undefined && !t.position) {
      const key = layout.blocks[hinted]!.key;
      return {
        status: 'CREATED',
        blockKey: key,
        endBlockKey: key,
        start: null,
        end: null,
        quote: { exact: '', prefix: '', suffix: '' },
        confidence: 1,
      };
    }
    return { status: 'ORPHANED', quote, confidence: 0 };
  }
  const found =
    (hinted !== undefined ? inBlock(layout, t, quote, hinted) : null) ?? inWhole(layout, t, quote);
  return found ?? { status: 'ORPHANED', quote, confidence: 0 };
}

export function placeThreads(blocks: Block[], threads: ImportedThread[]): Placement[] {
  const layout = layoutOf(blocks);
  return threads.map((t) => placeThread(layout, t));
}
