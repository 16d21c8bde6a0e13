/**
 * The reading text as HTML, built as one string per page. A long document is thousands of blocks
 * and highlights: as React elements each one is rendered twice (React's payload, then the HTML
 * from it), which was most of the big reader page's time (bench figure 1). The markup is the same
 * the reader island and the stylesheet expect; every piece of text and every attribute value is
 * escaped here, and links keep only http(s)/mailto targets (checked by `segmentText`).
 *
 * The text element's textContent, minus `[data-skip-offset]`, is the block's stored text: the
 * reader island turns selections into offsets with it.
 */
import type { ReaderBlock } from '@/lib/documents/get-reader';
import type { Segment } from '@/lib/documents/highlights';
import { escapeHtml as esc } from '@/lib/html/escape';

/**
 * Short page-local numbers for the threads on a page (base 36, in the order the page lists them).
 * Highlights name their threads with these instead of ids (`data-threads`): a busy paragraph has
 * a dozen overlapping highlights, and the page is sent twice. The reader island maps them back.
 */
export type ThreadNumbers = ReadonlyMap<string, number>;

export function threadNumbers(ids: readonly string[]): ThreadNumbers {
  return new Map(ids.map((id, i) => [id, i]));
}

const TEXT_TAGS: Record<string, string> = {
  heading: 'h2',
  paragraph: 'p',
  'list-item': 'p',
  quote: 'blockquote',
  code: 'pre',
};

function inlineMarks(s: Segment): string {
  let html = esc(s.text);
  for (const mark of s.marks) {
    if (mark.type === 'em') html = `<em>${html}</em>`;
    else if (mark.type === 'strong') html = `<strong>${html}</strong>`;
    else if (mark.type === 'code') html = `<code>${html}</code>`;
    else if (mark.type === 'link')
      html = `<a href="${esc(mark.href ?? '')}" rel="noopener noreferrer nofollow ugc" target="_blank">${html}</a>`;
  }
  return html;
}

/** Which threads are the reader's own and which are resolved: highlights are coloured by it. */
export type HighlightStates = { mine: ReadonlySet<string>; resolved: ReadonlySet<string> };

/**
 * A highlight's classes: `mine` when one of its threads is the reader's, `resolved` when all of
 * them are resolved, `overlap` when threads overlap there. (The open thread's highlights get
 * `data-selected` from the reader island.)
 */
export function markClasses(ids: readonly string[], states: HighlightStates | undefined): string[] {
  const classes: string[] = [];
  if (states) {
    if (ids.some((id) => states.mine.has(id))) classes.push('mine');
    if (ids.every((id) => states.resolved.has(id))) classes.push('resolved');
  }
  if (ids.length > 1) classes.push('overlap');
  return classes;
}

function segmentHtml(s: Segment, options: BlocksHtmlOptions): string {
  if (s.annotationIds.length === 0) return inlineMarks(s);
  const refs: string[] = [];
  const numbers = options.threadNumbers;
  if (numbers)
    for (const id of s.annotationIds) {
      const n = numbers.get(id);
      if (n !== undefined) refs.push(n.toString(36));
    }
  const classes = markClasses(s.annotationIds, options.states);
  const cls = classes.length > 0 ? ` class="${classes.join(' ')}"` : '';
  const data = refs.length > 0 ? ` data-threads="${refs.join(' ')}"` : '';
  return `<mark${cls}${data}>${inlineMarks(s)}</mark>`;
}

export type BlocksHtmlOptions = {
  /** Makes highlights clickable: which threads each one belongs to. */
  threadNumbers?: ThreadNumbers;
  /** Colours highlights by whose they are and whether they are resolved. */
  states?: HighlightStates;
};

/** One numbered, linkable block with its highlights as <mark>s. */
export function blockHtml(block: ReaderBlock, options: BlocksHtmlOptions = {}): string {
  const key = esc(block.key);
  const n = block.number;
  const tag = TEXT_TAGS[block.type] ?? 'p';
  const bullet =
    block.type === 'list-item' ? '<span aria-hidden="true" data-skip-offset="">• </span>' : '';
  let text = '';
  for (const s of block.segments) text += segmentHtml(s, options);
  const count = block.threadIds.length;
  const threads =
    count > 0
      ? `<a href="#thread-${esc(block.threadIds[0]!)}" aria-label="${count} ${count === 1 ? 'thread' : 'threads'} on paragraph ${n}" class="thread-count">${count}</a>`
      : '';
  return (
    `<section class="block block-${esc(block.type)}" id="p-${key}" tabindex="-1">` +
    `<a class="pno" href="#p-${key}" aria-label="Paragraph ${n}">¶\u00a0${n}</a>` +
    `<${tag} class="text" data-block-text="${key}">${bullet}${text}</${tag}>` +
    `<span class="threads">${threads}</span></section>`
  );
}

export function blocksHtml(
  blocks: readonly ReaderBlock[],
  options: BlocksHtmlOptions = {},
): string {
  let html = '';
  for (const b of blocks) html += blockHtml(b, options);
  return html;
}
