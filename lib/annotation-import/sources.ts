/**
 * Comment bodies from other tools (HTML from W3C TextualBodies, Markdown from Hypothesis) → a
 * small element tree that comment-doc.ts turns into a Tiptap doc. The parsers are ESM-only and
 * loaded lazily, like the document importers do.
 */
import type { Nodes } from 'mdast';

export type El = { tag: string; attrs: Record<string, string>; children: Array<El | string> };

const VOID = new Set(['br', 'img', 'hr', 'input', 'meta', 'link', 'wbr', 'source', 'col']);
const SKIP = new Set(['script', 'style', 'template', 'head', 'title', 'noscript']);

const el = (
  tag: string,
  children: Array<El | string> = [],
  attrs: Record<string, string> = {},
) => ({
  tag,
  attrs,
  children,
});

export async function htmlTree(html: string): Promise<El> {
  const { Parser } = await import('htmlparser2');
  const root = el('#root');
  const stack: El[] = [root];
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skipping || SKIP.has(name)) {
          if (!VOID.has(name)) skipping++;
          return;
        }
        const node = el(name, [], attrs);
        stack[stack.length - 1]!.children.push(node);
        if (!VOID.has(name)) stack.push(node);
      },
      ontext(text) {
        if (!skipping) stack[stack.length - 1]!.children.push(text);
      },
      onclosetag(name) {
        if (skipping) {
          if (!VOID.has(name)) skipping--;
          return;
        }
        // Pop to the matching element; a stray closing tag changes nothing.
        for (let i = stack.length - 1; i > 0; i--) {
          if (stack[i]!.tag === name) {
            stack.length = i;
            break;
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return root;
}

function fromMdast(node: Nodes): Array<El | string> {
  const kids = (): Array<El | string> =>
    'children' in node ? (node.children as Nodes[]).flatMap(fromMdast) : [];
  switch (node.type) {
    case 'root':
      return [el('#root', kids())];
    case 'paragraph':
    case 'heading':
      return [el('p', kids())];
    case 'text':
      return [node.value];
    case 'emphasis':
      return [el('em', kids())];
    case 'strong':
      return [el('strong', kids())];
    case 'delete':
      return [el('s', kids())];
    case 'inlineCode':
      return [el('code', [node.value])];
    case 'code':
      return [el('pre', [node.value])];
    case 'break':
      return [el('br')];
    case 'link':
      return [el('a', kids(), { href: node.url })];
    case 'image':
      return [node.alt ?? ''];
    case 'blockquote':
      return [el('blockquote', kids())];
    case 'list':
      return [
        el(
          node.ordered ? 'ol' : 'ul',
          kids(),
          node.start != null ? { start: String(node.start) } : {},
        ),
      ];
    case 'listItem':
      return [el('li', kids())];
    case 'table':
      return kids();
    case 'tableRow':
      return [
        el(
          'p',
          node.children.flatMap((c, i) => [...(i ? [' | '] : []), ...fromMdast(c)]),
        ),
      ];
    case 'tableCell':
      return kids();
    // Raw HTML inside Markdown is shown as typed, not interpreted.
    case 'html':
      return [node.value];
    case 'thematicBreak':
    case 'definition':
    case 'footnoteDefinition':
      return [];
    default:
      return kids();
  }
}

type MarkdownParser = { parse: (text: string) => unknown };
let markdown: Promise<MarkdownParser> | null = null;

/** One frozen processor for the whole import: building it costs more than parsing a comment. */
function markdownParser(): Promise<MarkdownParser> {
  markdown ??= Promise.all([import('unified'), import('remark-parse'), import('remark-gfm')]).then(
    ([{ unified }, { default: remarkParse }, { default: remarkGfm }]) =>
      unified().use(remarkParse).use(remarkGfm).freeze(),
  );
  return markdown;
}

export async function markdownTree(text: string): Promise<El> {
  const tree = (await markdownParser()).parse(text) as Nodes;
  return fromMdast(tree)[0] as El;
}
