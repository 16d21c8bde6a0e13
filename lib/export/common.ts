/** Helpers shared by the export formats: block lookup, anchor location, comment threading. */
import { toCodePointOffset } from '@/lib/anchoring';
import type { ExportAnnotation, ExportComment, ExportDocument } from './types';

export type BlockInfo = { key: string; number: number; text: string; index: number };

/** Where an annotation sits in the exported revision; null = orphaned (no usable anchor). */
export type Located = {
  start: BlockInfo;
  end: BlockInfo;
  /** UTF-16 offsets, clamped into their blocks. */
  startOffset: number;
  endOffset: number;
};

export function indexBlocks(doc: ExportDocument): Map<string, BlockInfo> {
  const map = new Map<string, BlockInfo>();
  doc.blocks.forEach((b, index) => map.set(b.key, { ...b, index }));
  return map;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), hi);
}

/**
 * Resolves an anchor against the exported revision. ORPHANED anchors, anchors whose blocks are
 * not in this revision, and inverted ranges all count as orphans: exports must never point at
 * text that is not there.
 */
export function locate(a: ExportAnnotation, blocks: Map<string, BlockInfo>): Located | null {
  const { anchor } = a;
  if (anchor.status === 'ORPHANED' || anchor.blockKey === null) return null;
  if (anchor.start === null || anchor.end === null) return null;
  const start = blocks.get(anchor.blockKey);
  const end = blocks.get(anchor.endBlockKey ?? anchor.blockKey);
  if (!start || !end || end.index < start.index) return null;
  const startOffset = clamp(anchor.start, 0, start.text.length);
  const endOffset = clamp(anchor.end, 0, end.text.length);
  if (start === end && endOffset < startOffset) return null;
  return { start, end, startOffset, endOffset };
}

/** "¶ 3" or "¶ 3–5" for cross-paragraph spans. */
export function paragraphLabel(loc: Located | null): string {
  if (!loc) return 'orphaned';
  return loc.start === loc.end
    ? `¶ ${loc.start.number}`
    : `¶ ${loc.start.number}–${loc.end.number}`;
}

/**
 * W3C TextPositionSelector offsets, in Unicode code points. `start` is inside the first block;
 * for spans crossing paragraphs `end` is measured over the blocks from the first to the last,
 * joined by "\n\n" (the separator the document view uses between paragraphs).
 */
export function codePointRange(loc: Located, doc: ExportDocument): { start: number; end: number } {
  const start = toCodePointOffset(loc.start.text, loc.startOffset);
  if (loc.start === loc.end) return { start, end: toCodePointOffset(loc.end.text, loc.endOffset) };
  let end = 0;
  for (let i = loc.start.index; i < loc.end.index; i++) {
    end += [...(doc.blocks[i]?.text ?? '')].length + 2;
  }
  end += toCodePointOffset(loc.end.text, loc.endOffset);
  return { start, end };
}

export function isVisible(c: ExportComment): boolean {
  return !c.deleted && !c.hidden;
}

/**
 * Nearest visible ancestor of every visible comment (null = top level). Deleted and hidden
 * comments are dropped from flat formats, so their replies are re-attached to what remains
 * instead of pointing at an id that is not in the file.
 */
export function visibleParents(comments: ExportComment[]): Map<string, string | null> {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const out = new Map<string, string | null>();
  for (const c of comments) {
    if (!isVisible(c)) continue;
    let parent = c.parentId ? byId.get(c.parentId) : undefined;
    const seen = new Set<string>([c.id]);
    while (parent && !isVisible(parent) && !seen.has(parent.id)) {
      seen.add(parent.id);
      parent = parent.parentId ? byId.get(parent.parentId) : undefined;
    }
    out.set(c.id, parent && isVisible(parent) ? parent.id : null);
  }
  return out;
}

/** A thread node; `comment.deleted/hidden` nodes are kept only as placeholders for replies. */
export type ThreadNode = { comment: ExportComment; children: ThreadNode[] };

/**
 * Builds the reply tree for nested formats (Markdown, HTML). Invisible comments without visible
 * descendants are pruned; those with visible replies stay as "[deleted]" placeholders so the
 * nesting still reads right.
 */
export function buildThread(comments: ExportComment[]): ThreadNode[] {
  const nodes = new Map<string, ThreadNode>();
  for (const c of comments) nodes.set(c.id, { comment: c, children: [] });
  const roots: ThreadNode[] = [];
  for (const c of comments) {
    const node = nodes.get(c.id)!;
    const parent = c.parentId && c.parentId !== c.id ? nodes.get(c.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const prune = (list: ThreadNode[]): ThreadNode[] =>
    list
      .map((n) => ({ comment: n.comment, children: prune(n.children) }))
      .filter((n) => isVisible(n.comment) || n.children.length > 0);
  return prune(roots);
}

export function hasVisibleComments(a: ExportAnnotation): boolean {
  return a.comments.some(isVisible);
}

/** "2024-03-05 14:07 UTC": human formats use UTC so the output does not depend on the server. */
export function humanDate(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function originOf(iri: string): string {
  return new URL(iri).origin;
}

export { escapeHtml } from '../html/escape';
