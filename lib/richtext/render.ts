// Stored comment JSON → HTML, on the server, with Tiptap's static string renderer and the shared
// extensions. Client HTML is never stored or echoed. The output is safe on its own, even for JSON
// that skipped parseCommentDoc: text and attribute values are escaped by the renderer, unknown
// attributes are dropped by the schema, event-handler attributes are never serialised, and links
// are re-checked here.
import { getAttributesFromExtensions, resolveExtensions, splitExtensions } from '@tiptap/core';
import type { Mark as PMMark, Node as PMNode } from '@tiptap/pm/model';
import {
  escapeHTML,
  renderJSONContentToString,
  serializeAttrsToHTMLString,
} from '@tiptap/static-renderer/json/html-string';
import {
  domOutputSpecToHTMLString,
  mapMarkExtensionToReactNode,
  mapNodeExtensionToReactNode,
  serializeChildrenToHTMLString,
} from '@tiptap/static-renderer/pm/html-string';
import { LINK_REL, LINK_TARGET } from './extensions';
import { isSafeHref } from './href';
import { commentSchema } from './schema';
import type { CommentDoc } from './types';

type Children = string | string[] | undefined;
type Render = (ctx: { content: PMNode }) => string;

let renderer: Render | null = null;

// The same assembly as renderToHTMLString, done once: that helper re-resolves the extensions and
// rebuilds its mappings (and, for JSON input, the schema) on every call.
function getRenderer(): Render {
  if (renderer) return renderer;
  const extensions = resolveExtensions(commentSchema().extensions);
  const attributes = getAttributesFromExtensions(extensions);
  const { nodeExtensions, markExtensions } = splitExtensions(extensions);

  const nodeMapping = Object.fromEntries(
    nodeExtensions
      .filter((e) => e.name !== 'doc' && e.name !== 'text')
      .map((e) => mapNodeExtensionToReactNode(domOutputSpecToHTMLString, e, attributes)),
  );
  const markMapping = Object.fromEntries(
    markExtensions.map((e) =>
      mapMarkExtensionToReactNode(domOutputSpecToHTMLString, e, attributes),
    ),
  );

  renderer = renderJSONContentToString<PMMark, PMNode>({
    nodeMapping: {
      ...nodeMapping,
      doc: ({ children }) => serializeChildrenToHTMLString(children as Children),
      text: ({ node }) => escapeHTML(node.text ?? ''),
    },
    markMapping: {
      ...markMapping,
      // Our own link output: re-check the href (a bad one keeps its text, loses the link), and
      // always emit our target/rel whatever the stored attributes say.
      link: ({ mark, children }) => {
        const inner = serializeChildrenToHTMLString(children as Children);
        const href: unknown = mark.attrs.href;
        if (!isSafeHref(href)) return inner;
        const title = typeof mark.attrs.title === 'string' ? mark.attrs.title : null;
        const attrs = serializeAttrsToHTMLString({
          href: href.trim(),
          title,
          target: LINK_TARGET,
          rel: LINK_REL,
        });
        return `<a${attrs}>${inner}</a>`;
      },
    },
  }) as Render;
  return renderer;
}

/** Every string value in a JSON tree, depth-first: the fallback when a doc does not build. */
function looseText(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 200 || !value || typeof value !== 'object') return out;
  const node = value as { text?: unknown; content?: unknown };
  if (typeof node.text === 'string') out.push(node.text);
  if (Array.isArray(node.content)) for (const c of node.content) looseText(c, out, depth + 1);
  return out;
}

const isEmptyAttrs = (attrs: unknown) =>
  attrs === undefined ||
  (attrs !== null && typeof attrs === 'object' && !Object.keys(attrs).length);

/**
 * The common case, rendered without building a ProseMirror node: paragraphs of unmarked text and
 * hard breaks. Returns null for anything else (the schema path renders it). The output is the
 * schema path's, byte for byte (a property test holds them equal); it exists because building
 * the node is most of the cost of rendering, and exports render tens of thousands of comments.
 */
function renderPlainParagraphs(doc: CommentDoc): string | null {
  if (!Array.isArray(doc.content)) return null;
  let html = '';
  for (const para of doc.content) {
    if (para.type !== 'paragraph' || !isEmptyAttrs(para.attrs) || para.marks || para.text)
      return null;
    html += '<p>';
    for (const child of para.content ?? []) {
      if (child.content || !isEmptyAttrs(child.attrs) || (child.marks && child.marks.length))
        return null;
      if (child.type === 'text' && typeof child.text === 'string' && child.text !== '')
        html += escapeHTML(child.text);
      else if (child.type === 'hardBreak' && child.text === undefined) html += '<br/>';
      else return null;
    }
    html += '</p>';
  }
  return html;
}

/** HTML for a stored comment. Never throws: a doc the schema cannot build renders as plain text. */
export function renderCommentHtml(doc: CommentDoc): string {
  return (doc?.type === 'doc' ? renderPlainParagraphs(doc) : null) ?? renderWithSchema(doc);
}

/** The general path: build and check the node with the comment schema, then serialise it. */
export function renderWithSchema(doc: CommentDoc): string {
  let node: PMNode;
  try {
    node = commentSchema().schema.nodeFromJSON(doc);
    node.check();
  } catch {
    const text = looseText(doc).join(' ').trim();
    return text ? `<p>${escapeHTML(text)}</p>` : '';
  }
  return getRenderer()({ content: node });
}
