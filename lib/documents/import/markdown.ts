import type { Definition, Nodes, Root } from 'mdast';
import type { BlockType } from '../blocks';
import { BlockBuilder } from './builder';
import { safeHref, type RawDocument } from './normalize';

type FrontMatter = { title?: string; author?: string; date?: string };

/**
 * Only the three scalar keys we use are read, so a YAML library is not needed; anything more
 * complex (lists, nested maps) is ignored rather than misread.
 */
export function splitFrontMatter(text: string): { meta: FrontMatter; body: string } {
  const match = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { meta: {}, body: text };
  const meta: FrontMatter = {};
  for (const line of (match[1] ?? '').split('\n')) {
    const kv = /^(title|author|authors|creator|date|published|publishedOn)\s*:\s*(.*)$/i.exec(line);
    if (!kv) continue;
    const key = (kv[1] ?? '').toLowerCase();
    let value = (kv[2] ?? '').trim();
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1);
    if (/^\[.*\]$/.test(value)) value = value.slice(1, -1).split(',')[0]?.trim() ?? '';
    value = value.replace(/^(['"])(.*)\1$/, '$2').trim();
    if (!value || value === '|' || value === '>') continue;
    if (key === 'title') meta.title ??= value;
    else if (key === 'date' || key === 'published' || key === 'publishedon') meta.date ??= value;
    else meta.author ??= value;
  }
  return { meta, body: text.slice(match[0].length) };
}

function collectDefinitions(node: Nodes, out: Map<string, string>): void {
  if (node.type === 'definition') {
    const def = node as Definition;
    if (!out.has(def.identifier.toLowerCase())) out.set(def.identifier.toLowerCase(), def.url);
  }
  if ('children' in node) for (const child of node.children) collectDefinitions(child, out);
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return node.children.map((c) => plainText(c as Nodes)).join('');
  return '';
}

export async function parseMarkdown(text: string): Promise<RawDocument> {
  const [{ unified }, { default: remarkParse }, { default: remarkGfm }] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('remark-gfm'),
  ]);
  const { meta, body } = splitFrontMatter(text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n'));
  const tree = unified().use(remarkParse).use(remarkGfm).parse(body) as Root;
  const definitions = new Map<string, string>();
  collectDefinitions(tree, definitions);

  const b = new BlockBuilder();
  let firstH1: string | undefined;

  const children = (node: Nodes, ctx: BlockType | null) => {
    if ('children' in node) for (const child of node.children) walk(child as Nodes, ctx);
  };

  const walk = (node: Nodes, ctx: BlockType | null): void => {
    switch (node.type) {
      case 'heading':
        if (node.depth === 1 && firstH1 === undefined) firstH1 = plainText(node);
        b.start('heading');
        children(node, ctx);
        b.end();
        return;
      case 'paragraph':
        b.start(ctx ?? 'paragraph');
        children(node, ctx);
        b.end();
        return;
      case 'blockquote':
        return children(node, 'quote');
      case 'listItem':
        return children(node, ctx === 'quote' ? 'quote' : 'list-item');
      case 'code':
        b.start('code');
        b.text(node.value);
        b.end();
        return;
      case 'tableRow':
        b.start(ctx ?? 'paragraph');
        node.children.forEach((cell, i) => {
          if (i > 0) b.text(' | ');
          children(cell, ctx);
        });
        b.end();
        return;
      case 'text':
        return b.text(node.value, ctx ?? 'paragraph');
      case 'inlineCode':
        return b.withMark({ type: 'code' }, () => b.text(node.value, ctx ?? 'paragraph'));
      case 'emphasis':
        return b.withMark({ type: 'em' }, () => children(node, ctx));
      case 'strong':
        return b.withMark({ type: 'strong' }, () => children(node, ctx));
      case 'link': {
        const href = safeHref(node.url);
        return b.withMark(href ? { type: 'link', href } : null, () => children(node, ctx));
      }
      case 'linkReference': {
        const href = safeHref(definitions.get(node.identifier.toLowerCase()));
        return b.withMark(href ? { type: 'link', href } : null, () => children(node, ctx));
      }
      case 'break':
        return b.text('\n', ctx ?? 'paragraph');
      // Raw HTML, images, definitions and rules carry no readable text of their own.
      case 'html':
      case 'image':
      case 'imageReference':
      case 'definition':
      case 'thematicBreak':
      case 'footnoteReference':
        return;
      default:
        return children(node, ctx);
    }
  };
  walk(tree, null);

  return {
    title: meta.title ?? firstH1,
    source: meta.author,
    publishedOn: meta.date,
    blocks: b.blocks,
  };
}
