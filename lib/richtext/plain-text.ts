// Plain-text copy of a comment for search and export: readable, Markdown-ish, no markup.
import type { Node as PMNode } from '@tiptap/pm/model';
import { mentionText } from './extensions';
import type { CommentDoc, CommentNode } from './types';

function inlineText(node: PMNode): string {
  let out = '';
  node.forEach((child) => {
    if (child.isText) out += child.text ?? '';
    else if (child.type.name === 'hardBreak') out += '\n';
    else if (child.type.name === 'mention') out += mentionText(child.attrs);
    else out += child.textContent;
  });
  return out;
}

function children(node: PMNode): PMNode[] {
  const out: PMNode[] = [];
  node.forEach((child) => out.push(child));
  return out;
}

function indentRest(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? first + line : line ? rest + line : line))
    .join('\n');
}

function blockText(node: PMNode): string {
  switch (node.type.name) {
    case 'paragraph':
      return inlineText(node);
    case 'codeBlock':
      return node.textContent;
    case 'blockquote':
      return blocksText(node)
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n');
    case 'bulletList':
    case 'orderedList': {
      const ordered = node.type.name === 'orderedList';
      const start = typeof node.attrs.start === 'number' ? node.attrs.start : 1;
      return children(node)
        .map((item, i) => {
          const marker = ordered ? `${start + i}. ` : '- ';
          // Blocks inside one item sit on consecutive lines, indented under the marker.
          const body = children(item).map(blockText).join('\n');
          return indentRest(body, marker, ' '.repeat(marker.length));
        })
        .join('\n');
    }
    default:
      return node.isTextblock ? inlineText(node) : blocksText(node);
  }
}

function blocksText(node: PMNode): string {
  return children(node).map(blockText).join('\n\n');
}

/** Paragraphs separated by blank lines, "- " / "1. " list markers, "> " quotes, @label mentions. */
export function plainTextOf(doc: PMNode): string {
  return blocksText(doc).replace(/\s+$/, '');
}

// Removes characters PostgreSQL cannot store and control characters other than tab/newline;
// unpaired surrogates become U+FFFD.
function storable(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
  );
}

/** Plain text → comment doc (seeds, imports): blank lines split paragraphs, newlines are breaks. */
export function plainTextToDoc(text: string): CommentDoc {
  const paragraphs = storable(text)
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '');
  const content: CommentNode[] = paragraphs.map((paragraph) => {
    const inline: CommentNode[] = [];
    paragraph.split('\n').forEach((line, i) => {
      if (i > 0) inline.push({ type: 'hardBreak' });
      if (line) inline.push({ type: 'text', text: line });
    });
    return { type: 'paragraph', content: inline };
  });
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}
