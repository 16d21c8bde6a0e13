/**
 * Imported comment bodies → validated Tiptap docs. Whatever the source says, the result goes
 * through parseCommentDoc like any comment a user posts; when the rich conversion does not fit the
 * schema, the plain text is kept instead (an import never fails on formatting).
 */
import { isSafeHref, parseCommentDoc, plainTextToDoc, type CommentDoc } from '../richtext';
import type { CommentMark, CommentNode } from '../richtext';
import { commentSchema } from '../richtext/schema';
import { htmlTree, markdownTree, type El } from './sources';
import type { ImportedBody } from './types';

export type ConvertOptions = {
  /** A first paragraph (in italics) naming an author who is not in the workspace. */
  attribution?: string | null;
  /** Mentions of anyone else become plain "@name" text. */
  isMember: (userId: string) => boolean;
};

export type ConvertedComment = { doc: CommentDoc; text: string };

/** Fallback text is cut here so it fits MAX_COMMENT_BYTES even as multi-byte UTF-8 in JSON. */
const MAX_FALLBACK_CHARS = 20_000;

/** Anything that could make Markdown differ from its plain text (conservative). */
const MARKDOWN_SYNTAX =
  /[*_`[\]<>#~|\\&]|^ {0,3}(?:[-+=]|\d+[.)])(?:\s|$)|^ {4}|\t|https?:|www\.|@/m;

const MARK_OF: Record<string, CommentMark> = {
  strong: { type: 'bold' },
  b: { type: 'bold' },
  em: { type: 'italic' },
  i: { type: 'italic' },
  s: { type: 'strike' },
  del: { type: 'strike' },
  strike: { type: 'strike' },
  code: { type: 'code' },
};
const CONTAINERS = new Set(['#root', 'div', 'section', 'article', 'body', 'html', 'main', 'table']);
const CONTAINERS_ALSO = ['thead', 'tbody', 'tfoot', 'tr', 'li', 'figure', 'header', 'footer'];
for (const t of CONTAINERS_ALSO) CONTAINERS.add(t);
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'dt', 'dd']);

let markRank: Map<string, number> | null = null;

/** ProseMirror wants marks in schema order; `code` excludes every other mark. */
function withMark(marks: CommentMark[], mark: CommentMark): CommentMark[] {
  markRank ??= new Map(Object.keys(commentSchema().schema.marks).map((name, i) => [name, i]));
  if (marks.some((m) => m.type === 'code' || m.type === mark.type)) return marks;
  if (mark.type === 'code') return [mark];
  const rank = (m: CommentMark) => markRank!.get(m.type) ?? 99;
  return [...marks, mark].sort((a, b) => rank(a) - rank(b));
}

function textOf(node: El | string): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

function inline(node: El | string, marks: CommentMark[], out: CommentNode[], o: ConvertOptions) {
  if (typeof node === 'string') {
    const text = node.replace(/\s+/g, ' ');
    if (text) out.push({ type: 'text', text, ...(marks.length ? { marks } : {}) });
    return;
  }
  const mentionId =
    node.attrs['data-mention-id'] ??
    (node.attrs['data-type'] === 'mention' ? node.attrs['data-id'] : undefined);
  if (node.tag === 'span' && mentionId) {
    const label = textOf(node).trim().replace(/^@/, '');
    if (o.isMember(mentionId)) out.push({ type: 'mention', attrs: { id: mentionId, label } });
    else inline(`@${label}`, marks, out, o);
    return;
  }
  if (node.tag === 'br') return void out.push({ type: 'hardBreak' });
  if (node.tag === 'img') return inline(node.attrs.alt ?? '', marks, out, o);
  let next = marks;
  const href = node.attrs.href?.trim();
  if (node.tag === 'a' && href && isSafeHref(href))
    next = withMark(marks, { type: 'link', attrs: { href } });
  const mark = MARK_OF[node.tag];
  if (mark) next = withMark(next, mark);
  for (const child of node.children) inline(child, next, out, o);
}

/** Drops edge whitespace of a paragraph (HTML source indentation, Markdown line ends). */
function trimmed(content: CommentNode[]): CommentNode[] {
  const out = content.map((n) => ({ ...n }));
  const first = out[0];
  if (first?.type === 'text') first.text = first.text!.replace(/^\s+/, '');
  const last = out[out.length - 1];
  if (last?.type === 'text') last.text = last.text!.replace(/\s+$/, '');
  return out.filter((n) => n.type !== 'text' || n.text);
}

function paragraph(content: CommentNode[]): CommentNode | null {
  const c = trimmed(content);
  return c.some((n) => n.type !== 'hardBreak') ? { type: 'paragraph', content: c } : null;
}

function blocks(children: Array<El | string>, o: ConvertOptions): CommentNode[] {
  const out: CommentNode[] = [];
  let buffer: CommentNode[] = [];
  const flush = () => {
    const p = paragraph(buffer);
    if (p) out.push(p);
    buffer = [];
  };
  for (const child of children) {
    if (typeof child === 'string') {
      inline(child, [], buffer, o);
      continue;
    }
    if (PARAGRAPHS.has(child.tag)) {
      flush();
      child.children.forEach((c) => inline(c, [], buffer, o));
      flush();
    } else if (child.tag === 'ul' || child.tag === 'ol') {
      flush();
      const items = child.children
        .filter((c): c is El => typeof c !== 'string' && c.tag === 'li')
        .map((li) => {
          const content = blocks(li.children, o);
          // A list item must open with a paragraph.
          if (content[0]?.type !== 'paragraph') content.unshift({ type: 'paragraph' });
          return { type: 'listItem', content };
        });
      const start = Number.parseInt(child.attrs.start ?? '1', 10);
      const attrs = child.tag === 'ol' && start >= 0 && start !== 1 ? { attrs: { start } } : {};
      if (items.length) {
        out.push({
          type: child.tag === 'ol' ? 'orderedList' : 'bulletList',
          ...attrs,
          content: items,
        });
      }
    } else if (child.tag === 'blockquote') {
      flush();
      const content = blocks(child.children, o);
      if (content.length) out.push({ type: 'blockquote', content });
    } else if (child.tag === 'pre') {
      flush();
      const text = textOf(child).replace(/\n$/, '');
      if (text) out.push({ type: 'codeBlock', content: [{ type: 'text', text }] });
    } else if (child.tag === 'hr') {
      flush();
    } else if (CONTAINERS.has(child.tag)) {
      flush();
      out.push(...blocks(child.children, o));
    } else {
      inline(child, [], buffer, o);
    }
  }
  flush();
  return out;
}

function attributionParagraph(text: string): CommentNode {
  return { type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'italic' }] }] };
}

function validated(content: CommentNode[]): ConvertedComment | null {
  const parsed = parseCommentDoc({ type: 'doc', content });
  return parsed.ok ? { doc: parsed.doc, text: parsed.text } : null;
}

export async function toCommentDoc(
  body: ImportedBody,
  o: ConvertOptions,
): Promise<ConvertedComment> {
  const head = o.attribution ? [attributionParagraph(o.attribution)] : [];
  let plain = body.value;
  if (body.format === 'markdown' && !MARKDOWN_SYNTAX.test(plain)) {
    // Most notes are plain prose; the Markdown parser costs milliseconds a comment.
    plain = plain.replace(/([^\n]) *\n(?=[^\n])/g, '$1 ');
  } else if (body.format !== 'text') {
    const tree =
      body.format === 'html' ? await htmlTree(body.value) : await markdownTree(body.value);
    plain = blocksText(tree);
    const rich = validated([...head, ...blocks(tree.children, o)]);
    if (rich) return rich;
  }
  if (plain.length > MAX_FALLBACK_CHARS) plain = `${plain.slice(0, MAX_FALLBACK_CHARS)}…`;
  const content = plainTextToDoc(plain.trim() ? plain : '(no text)').content;
  const simple = validated([...head, ...content]);
  if (simple) return simple;
  // Only reachable for text the schema cannot hold at all; keep the attribution at least.
  return validated([...head, ...plainTextToDoc('(the text could not be imported)').content])!;
}

/** Paragraph-separated text of a tree, for the plain fallback. */
function blocksText(tree: El): string {
  const parts: string[] = [];
  const walk = (n: El | string) => {
    if (typeof n === 'string') {
      parts.push(n);
      return;
    }
    if (n.tag === 'br') parts.push('\n');
    for (const c of n.children) walk(c);
    if (PARAGRAPHS.has(n.tag) || n.tag === 'li' || n.tag === 'pre') parts.push('\n\n');
  };
  walk(tree);
  return parts.join('');
}
