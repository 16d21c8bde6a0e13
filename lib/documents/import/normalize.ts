import { LIMITS, type InlineMark, type ParsedBlock, type ParsedDocument } from '../blocks';
import { noText, tooManyBlocks } from './errors';

/** What a format parser produces: text may still contain raw whitespace, marks may overlap. */
export type RawDocument = {
  title?: string;
  source?: string;
  publishedOn?: string | Date;
  blocks: ParsedBlock[];
};

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

export function safeHref(href: string | undefined | null): string | undefined {
  const trimmed = href?.trim();
  if (!trimmed || !SAFE_HREF.test(trimmed) || trimmed.length > 2048) return undefined;
  return trimmed;
}

/** Collapses whitespace runs to one space and trims; pos[i] is where source index i landed. */
function collapseProse(text: string): { text: string; pos: Int32Array } {
  const pos = new Int32Array(text.length + 1);
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    pos[i] = out.length;
    if (/\s/.test(ch)) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    pos[i] = out.length;
    out += ch;
  }
  pos[text.length] = out.length;
  return { text: out, pos };
}

/**
 * Code keeps its line structure and relative indentation (collapsing it would make it
 * unreadable); line endings, the common indentation, trailing spaces and surrounding blank lines
 * are normalised, so the text is still trimmed.
 */
function collapseCode(text: string): { text: string; pos: Int32Array } {
  let indent = Infinity;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (/\S/.test(line)) indent = Math.min(indent, /^[ \t\u00a0]*/.exec(line)?.[0].length ?? 0);
  }
  if (!Number.isFinite(indent)) indent = 0;
  const pos = new Int32Array(text.length + 1);
  let out = '';
  let pendingBlank = '';
  let skipped = 0;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    let ch = text.charAt(i);
    pos[i] = out.length;
    if (ch === '\r') {
      if (text.charAt(i + 1) === '\n') continue;
      ch = '\n';
    }
    if (ch === ' ' || ch === '\t' || ch === '\u00a0') {
      if (atLineStart && skipped < indent) skipped++;
      else if (out.length > 0) pendingBlank += ch === '\u00a0' ? ' ' : ch;
      continue;
    }
    if (ch === '\n') {
      pendingBlank = '';
      skipped = 0;
      atLineStart = true;
      if (out.length > 0) out += '\n';
      continue;
    }
    atLineStart = false;
    out += pendingBlank;
    pendingBlank = '';
    pos[i] = out.length;
    out += ch;
  }
  const trimmed = out.replace(/\n+$/, '');
  pos[text.length] = trimmed.length;
  for (let i = 0; i < pos.length; i++) pos[i] = Math.min(pos[i] ?? 0, trimmed.length);
  return { text: trimmed, pos };
}

function markKey(m: InlineMark): string {
  return `${m.type}\u0000${m.href ?? ''}`;
}

/** Clamps, trims to non-space characters, drops empty marks and merges touching duplicates. */
export function cleanMarks(text: string, marks: InlineMark[]): InlineMark[] {
  const fixed: InlineMark[] = [];
  for (const m of marks) {
    let start = Math.max(0, Math.min(m.start, text.length));
    let end = Math.max(0, Math.min(m.end, text.length));
    while (start < end && /\s/.test(text.charAt(start))) start++;
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    if (start >= end) continue;
    if (m.type === 'link') {
      const href = safeHref(m.href);
      if (!href) continue;
      fixed.push({ type: 'link', start, end, href });
    } else {
      fixed.push({ type: m.type, start, end });
    }
  }
  fixed.sort((a, b) => a.start - b.start || b.end - a.end || a.type.localeCompare(b.type));
  const merged: InlineMark[] = [];
  const lastByKey = new Map<string, InlineMark>();
  for (const m of fixed) {
    const key = markKey(m);
    const last = lastByKey.get(key);
    // Touching runs (e.g. "<b>a</b><b>b</b>" or a mark split by a collapsed space) are one mark.
    if (last && m.start <= last.end + (/^\s$/.test(text.charAt(last.end)) ? 1 : 0)) {
      last.end = Math.max(last.end, m.end);
      continue;
    }
    merged.push(m);
    lastByKey.set(key, m);
  }
  return merged;
}

export function normaliseBlock(block: ParsedBlock): ParsedBlock | null {
  // Most prose blocks (every block of plain text) carry no marks, so no offsets need mapping:
  // the same collapse as collapseProse, without building the position map character by character.
  if (block.type !== 'code' && block.marks.length === 0) {
    const text = block.text.replace(/\s+/g, ' ').trim();
    return text.length === 0 ? null : { type: block.type, text, marks: [] };
  }
  const { text, pos } =
    block.type === 'code' ? collapseCode(block.text) : collapseProse(block.text);
  if (text.length === 0) return null;
  const at = (i: number) => pos[Math.max(0, Math.min(i, block.text.length))] ?? text.length;
  const marks = cleanMarks(
    text,
    block.marks.map((m) => ({ ...m, start: at(m.start), end: at(m.end) })),
  );
  return { type: block.type, text, marks };
}

const SENTENCE_END = /[.!?\u2026]["'\u201d\u2019)\]]*\s+/g;

/** Where to cut a too-long block: last sentence end, else last space/newline, else hard. */
function cutPoint(text: string, from: number, max: number, code: boolean): [number, number] {
  const limit = from + max;
  const window = text.slice(from, limit + 1);
  if (!code) {
    let best = -1;
    let bestNext = -1;
    for (const m of window.matchAll(SENTENCE_END)) {
      const endOfPunct = from + m.index + m[0].trimEnd().length;
      if (endOfPunct <= limit) {
        best = endOfPunct;
        bestNext = from + m.index + m[0].length;
      }
    }
    if (best > from) return [best, bestNext];
  }
  const sep = code ? '\n' : ' ';
  const lastSep = window.lastIndexOf(sep, max);
  if (lastSep > 0) return [from + lastSep, from + lastSep + 1];
  let hard = limit;
  // Never separate a surrogate pair.
  if (/[\ud800-\udbff]/.test(text.charAt(hard - 1))) hard--;
  return [hard, hard];
}

export function splitLongBlock(
  block: ParsedBlock,
  max: number = LIMITS.maxBlockChars,
): ParsedBlock[] {
  if (block.text.length <= max) return [block];
  const pieces: ParsedBlock[] = [];
  let from = 0;
  while (from < block.text.length) {
    let end: number;
    let next: number;
    if (block.text.length - from <= max) {
      end = block.text.length;
      next = end;
    } else {
      [end, next] = cutPoint(block.text, from, max, block.type === 'code');
    }
    const marks = block.marks
      .filter((m) => m.start < end && m.end > from)
      .map((m) => ({
        ...m,
        start: Math.max(m.start, from) - from,
        end: Math.min(m.end, end) - from,
      }));
    const piece = normaliseBlock({ type: block.type, text: block.text.slice(from, end), marks });
    if (piece) pieces.push(piece);
    from = next;
  }
  return pieces;
}

export function cleanTitle(title: string | undefined | null): string | undefined {
  const t = collapseProse(title ?? '').text;
  if (!t) return undefined;
  return t.length > LIMITS.maxTitleChars ? `${t.slice(0, LIMITS.maxTitleChars - 1)}\u2026` : t;
}

/** Stored as a short string; ISO dates where the source gives something parseable. */
export function normaliseDate(value: string | Date | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    const d = value as Date;
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
  }
  const s = collapseProse(String(value)).text;
  if (!s) return undefined;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(s);
  if (iso) return iso[1];
  if (/\b\d{4}\b/.test(s)) {
    const parsed = new Date(s);
    if (!Number.isNaN(parsed.getTime())) return parsed.toISOString().slice(0, 10);
  }
  return s.slice(0, 40);
}

function sameText(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

/** Applies every rule that is the same for all formats, and the limits. */
export function finaliseDocument(
  raw: RawDocument,
  opts: { name: string; fallbackTitle: string },
): ParsedDocument {
  const blocks: ParsedBlock[] = [];
  for (const b of raw.blocks) {
    const normal = normaliseBlock(b);
    if (!normal) continue;
    blocks.push(...splitLongBlock(normal));
    if (blocks.length > LIMITS.maxBlocks) {
      throw tooManyBlocks(opts.name, blocks.length, LIMITS.maxBlocks);
    }
  }
  const title = cleanTitle(raw.title) ?? cleanTitle(opts.fallbackTitle) ?? 'Untitled';
  // A leading heading that repeats the title would be shown twice.
  const first = blocks[0];
  if (first && first.type === 'heading' && sameText(first.text, title) && blocks.length > 1) {
    blocks.shift();
  }
  if (blocks.length === 0) throw noText(opts.name);
  const source = cleanTitle(raw.source)?.slice(0, 500);
  const publishedOn = normaliseDate(raw.publishedOn);
  return {
    title,
    ...(source ? { source } : {}),
    ...(publishedOn ? { publishedOn } : {}),
    blocks,
  };
}

/** "report.final.pdf" → "report.final". */
export function titleFromFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).replace(/[_]+/g, ' ').trim();
}

/** Long lists of tag names read better as words. */
export function words(list: string): string[] {
  return list.trim().split(/\s+/);
}
