import type { ParsedBlock } from '../blocks';
import { noText, passwordProtected, unreadable } from './errors';
import { sniff } from './detect';
import { words, type RawDocument } from './normalize';

/** A visual line of text: pdf.js gives text runs; we group them by baseline. */
export type PdfLine = {
  text: string;
  x: number;
  right: number;
  /** Baseline, in PDF units (grows upwards). */
  y: number;
  size: number;
  page: number;
};

type TextRun = { str: string; transform: number[]; width: number; height: number };

/**
 * pdf.js normally runs its parser in a worker; on the server it falls back to a "fake worker"
 * that it loads with its own dynamic import, which bundlers cannot see. Handing it the worker
 * module up front makes that lookup unnecessary in Next.js as well as in plain Node.
 */
async function loadPdfjs() {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const g = globalThis as { pdfjsWorker?: unknown };
  // @ts-expect-error -- pdf.js ships no type declarations for its worker entry point.
  g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  return pdfjs;
}

function linesOfPage(runs: TextRun[], page: number): PdfLine[] {
  const lines: PdfLine[] = [];
  let line: PdfLine | null = null;
  for (const run of runs) {
    if (!run.str) continue;
    const [, , c = 0, d = 0, x = 0, y = 0] = run.transform;
    const size = Math.hypot(c, d) || run.height || 1;
    const right = x + run.width;
    const sameLine =
      line && Math.abs(line.y - y) < Math.max(line.size, size) * 0.5 && x > line.right - size;
    if (!line || !sameLine) {
      if (!run.str.trim()) continue;
      line = { text: run.str, x, right, y, size, page };
      lines.push(line);
      continue;
    }
    const gap = x - line.right;
    const needsSpace = gap > size * 0.15 && !/\s$/.test(line.text) && !/^\s/.test(run.str);
    line.text += (needsSpace ? ' ' : '') + run.str;
    line.right = Math.max(line.right, right);
    line.size = Math.max(line.size, size);
  }
  for (const l of lines) l.text = l.text.replace(/\s+/g, ' ').trim();
  return lines.filter((l) => l.text.length > 0);
}

const PAGE_NUMBER =
  /^(?:page\s*)?[-\u2013\u2014([]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-\u2013\u2014)\]]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/**
 * Running headers and footers repeat at the same height on most pages, often with a changing
 * page number, so they are compared with digits masked. Lone numbers at the very top or bottom
 * of a page are page numbers even when they do not repeat.
 */
export function dropRunningLines(pages: PdfLine[][]): PdfLine[][] {
  const EDGE = 3;
  const edges = (lines: PdfLine[]) => {
    const byY = [...lines].sort((a, b) => b.y - a.y);
    return new Set([...byY.slice(0, EDGE), ...byY.slice(-EDGE)]);
  };
  const edgeSets = pages.map(edges);
  const key = (l: PdfLine) => l.text.toLowerCase().replace(/\d+/g, '#');
  const occurrences = new Map<string, PdfLine[]>();
  for (const set of edgeSets) {
    for (const l of set) {
      const list = occurrences.get(key(l)) ?? [];
      list.push(l);
      occurrences.set(key(l), list);
    }
  }
  const threshold = Math.max(2, Math.ceil(pages.length * 0.5));
  const running = new Set<PdfLine>();
  if (pages.length >= 2) {
    for (const list of occurrences.values()) {
      for (const l of list) {
        const pagesAtSameHeight = new Set(
          list.filter((o) => Math.abs(o.y - l.y) <= 4).map((o) => o.page),
        );
        if (pagesAtSameHeight.size >= threshold) running.add(l);
      }
    }
  }
  return pages.map((lines, i) => {
    const edge = edgeSets[i] ?? new Set<PdfLine>();
    const byY = [...lines].sort((a, b) => b.y - a.y);
    const outermost = new Set([byY[0], byY[byY.length - 1]]);
    return lines.filter(
      (l) => !running.has(l) && !(edge.has(l) && outermost.has(l) && PAGE_NUMBER.test(l.text)),
    );
  });
}

const KEEP_HYPHEN_BEFORE = new Set(['well', 'self', 'ill', 'half', 'all', 'ex', 'cross', 'quasi']);
const KEEP_HYPHEN_AFTER = new Set(
  words(`
  known based like free wide related friendly term called made level scale specific oriented
  driven aware old class quality
`),
);

/** Joins two lines of one paragraph, undoing end-of-line hyphenation where it is safe. */
export function joinLines(a: string, b: string): string {
  if (a.endsWith('\u00ad')) return a.slice(0, -1) + b;
  if (!/\p{L}[-\u2010]$/u.test(a) || !/^\p{L}/u.test(b)) return `${a} ${b}`;
  const before = (/(\S+)[-\u2010]$/u.exec(a)?.[1] ?? '').toLowerCase();
  const after = (/^[\p{L}]+/u.exec(b)?.[0] ?? '').toLowerCase();
  const keep =
    /^\p{Lu}/u.test(b) ||
    /[-\u2010]/.test(before) ||
    KEEP_HYPHEN_BEFORE.has(before.replace(/^\P{L}+/u, '')) ||
    KEEP_HYPHEN_AFTER.has(after);
  return keep ? a + b : a.slice(0, -1) + b;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [v, n] of counts)
    if (n > bestCount || (n === bestCount && v < best)) [best, bestCount] = [v, n];
  return best;
}

const ENDS_SENTENCE = /[.!?:\u2026]["'\u201d\u2019)\]]*$/;
const BULLET = /^[\u2022\u25e6\u25aa\u2023\u2043\u2219*]\s+/;

/**
 * Lines become paragraphs by geometry: a larger vertical gap than the usual line spacing, a
 * first-line indent, a change of font size, or a short line that ends a sentence. Across a page
 * break a paragraph continues only if it visibly had not ended.
 */
export function linesToBlocks(lines: PdfLine[]): ParsedBlock[] {
  const bodySize = mostCommon(lines.map((l) => Math.round(l.size)));
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [p, c] = [lines[i - 1], lines[i]];
    if (p && c && p.page === c.page && p.y > c.y && p.y - c.y < c.size * 3) gaps.push(p.y - c.y);
  }
  const lineGap = median(gaps) || bodySize * 1.2;
  const margins = new Map<number, number>();
  const rights = new Map<number, number>();
  for (const page of new Set(lines.map((l) => l.page))) {
    const onPage = lines.filter((l) => l.page === page);
    margins.set(page, Math.min(...onPage.map((l) => l.x)));
    rights.set(page, Math.max(...onPage.map((l) => l.right)));
  }
  const isHeading = (l: PdfLine) => l.size >= bodySize * 1.15 && l.text.length < 200;

  const blocks: ParsedBlock[] = [];
  let current: ParsedBlock | null = null;
  let prev: PdfLine | null = null;
  for (const line of lines) {
    const heading = isHeading(line);
    let breakBefore = !current || !prev;
    if (current && prev) {
      const margin = margins.get(line.page) ?? 0;
      const width = (rights.get(line.page) ?? line.right) - margin;
      if (prev.page !== line.page) {
        breakBefore =
          current.type === 'heading' ||
          heading ||
          !(
            /\p{L}[-\u2010\u00ad]$/u.test(prev.text) ||
            (!ENDS_SENTENCE.test(prev.text) && /^\p{Ll}/u.test(line.text))
          );
      } else {
        const gap = prev.y - line.y;
        breakBefore =
          gap < 0 ||
          gap > lineGap * 1.35 ||
          Math.abs(line.size - prev.size) > 1 ||
          (line.x - margin > line.size * 0.8 && prev.x - margin < line.size * 0.5) ||
          (prev.right < margin + width * 0.8 && ENDS_SENTENCE.test(prev.text)) ||
          BULLET.test(line.text);
      }
      if ((current.type === 'heading') !== heading) breakBefore = true;
    }
    if (breakBefore || !current) {
      const bullet = BULLET.test(line.text);
      current = {
        type: heading ? 'heading' : bullet ? 'list-item' : 'paragraph',
        text: bullet ? line.text.replace(BULLET, '') : line.text,
        marks: [],
      };
      blocks.push(current);
    } else {
      current.text = joinLines(current.text, line.text);
    }
    prev = line;
  }
  return blocks;
}

function isPasswordError(err: unknown): boolean {
  return (err as { name?: string } | null)?.name === 'PasswordException';
}

export async function parsePdf(bytes: Uint8Array, name: string): Promise<RawDocument> {
  // pdf.js happily reads what it can of a cut-off file; silently missing pages are worse than
  // an error, so a file without its end-of-file marker is refused.
  if (!sniff.endsWithEof(bytes)) throw unreadable(name, undefined, 'it appears to be truncated');
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    // pdf.js may transfer (detach) the buffer it is given; the caller's bytes stay intact.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (err) {
      throw isPasswordError(err) ? passwordProtected(name, err) : unreadable(name, err);
    }
    const pages: PdfLine[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const runs = content.items.filter((item): item is TextRun & typeof item => 'str' in item);
      pages.push(linesOfPage(runs, n));
      page.cleanup();
    }
    const lines = dropRunningLines(pages).flat();
    if (lines.length === 0) throw noText(name);

    const { info, metadata } = await doc.getMetadata().catch(() => ({ info: {}, metadata: null }));
    const dict = (info ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
    const created = str(dict.CreationDate);
    return {
      title: str(dict.Title) ?? str(metadata?.get('dc:title')),
      source: str(dict.Author) ?? str(metadata?.get('dc:creator')),
      publishedOn: created ? (pdfjs.PDFDateString.toDateObject(created) ?? undefined) : undefined,
      blocks: linesToBlocks(lines),
    };
  } finally {
    await task.destroy();
  }
}
