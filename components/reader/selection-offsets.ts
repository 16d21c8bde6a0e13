// Turning a DOM selection in the server-rendered reading text into block offsets.
//
// Each block's text element carries `data-block-text={key}`. Its textContent, minus anything
// inside `[data-skip-offset]` (the list bullet), is exactly the block's stored text, so an offset
// is the number of UTF-16 code units in the text nodes before the selection point. Points that
// fall outside any block text (the ¶ gutter, the thread-count column, between blocks) are clamped to the
// start of the first block text the selection touches, or the end of the last one.
import type { TextSpan } from './reader-store';

const BLOCK_TEXT = '[data-block-text]';
const SKIP = '[data-skip-offset]';

function skipped(node: Node, root: Element): boolean {
  const parent = node.parentElement;
  const skip = parent?.closest(SKIP);
  return !!skip && root.contains(skip);
}

function textNodes(root: Element): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!skipped(n, root)) out.push(n as Text);
  }
  return out;
}

/** Length of the block's text as offsets count it. */
export function blockTextLength(root: Element): number {
  return textNodes(root).reduce((sum, t) => sum + t.length, 0);
}

/** UTF-16 offset of the point (node, offset) within the block text element `root`. */
export function offsetWithin(root: Element, node: Node, offset: number): number {
  const point = document.createRange();
  point.setStart(node, offset);
  point.collapse(true);
  let count = 0;
  for (const t of textNodes(root)) {
    if (t === node) return count + Math.min(offset, t.length);
    // A text node has no children: if it starts before the point and does not hold it, it
    // lies wholly before it.
    if (point.comparePoint(t, 0) < 0) count += t.length;
    else break;
  }
  return count;
}

function blockKeyOf(el: Element): string {
  return el.getAttribute('data-block-text') ?? '';
}

/**
 * The selection's span within `container`'s block texts, or null when it is collapsed, outside
 * the reading text, or covers no characters.
 */
export function spanFromSelection(
  container: Element,
  selection: Selection | null,
): TextSpan | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const blocks = [...container.querySelectorAll(BLOCK_TEXT)].filter((el) =>
    range.intersectsNode(el),
  );
  let first = blocks[0];
  let last = blocks[blocks.length - 1];
  if (!first || !last) return null;
  let start = first.contains(range.startContainer)
    ? offsetWithin(first, range.startContainer, range.startOffset)
    : 0;
  let end = last.contains(range.endContainer)
    ? offsetWithin(last, range.endContainer, range.endOffset)
    : blockTextLength(last);
  // A triple-click selects a paragraph and ends at offset 0 of the next one; a drag can start at
  // the very end of a block. Neither edge block holds a selected character: drop it.
  if (blocks.length > 1 && end === 0) {
    last = blocks[blocks.length - 2]!;
    end = blockTextLength(last);
  }
  if (first !== last && start >= blockTextLength(first)) {
    first = blocks[1]!;
    start = 0;
  }
  if (first === last && end <= start) return null;
  const quote = selection.toString().replace(/\s+/g, ' ').trim();
  if (!quote) return null;
  return { blockKey: blockKeyOf(first), endBlockKey: blockKeyOf(last), start, end, quote };
}
