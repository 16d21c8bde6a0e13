/**
 * W3C Web Annotation Data Model (JSON-LD) export.
 *
 * Layout: one AnnotationCollection whose `first` is a single embedded AnnotationPage holding
 * every item. The WPT annotation-model schemas only accept a URI for a page's `next`, so a chain
 * of embedded pages would not validate, and separately fetchable pages cannot live in one
 * download. Streaming still works: the page's `items` are written one annotation at a time and
 * `total` (unknown until the end) is written as the collection's last key — JSON key order
 * carries no meaning.
 *
 * Mapping (one Closeread annotation → one or more W3C Annotations):
 * - no visible comment → motivation `highlighting` (tags as `tagging` bodies);
 * - the first visible top-level comment → motivation `commenting`, with the annotation's IRI,
 *   the comment as a `text/html` TextualBody and the tags as `tagging` bodies;
 * - every other visible comment → its own `replying` Annotation (id = comment IRI) whose target
 *   is the IRI of its nearest visible parent's W3C Annotation, or the thread's IRI for further
 *   top-level comments. Deleted and hidden comments are omitted.
 * Target: SpecificResource on the document, `state` = TimeState (sourceDate = revision date,
 * cached = revision IRI) — the model's way to say "as it was then"; HttpRequestState is for
 * request headers, not versions. Selectors: two equivalent alternatives, a FragmentSelector on
 * the paragraph (`p-<blockKey>`) refined by a TextQuoteSelector, and the same refined by a
 * TextPositionSelector (code points). Orphans keep only a TextQuoteSelector and no state.
 * Visibility: `audience` (schema.org, allowed by the anno.jsonld context) — the workspace for
 * WORKSPACE, the author for PRIVATE. Resolution status has no term in the model and is omitted.
 */
import {
  codePointRange,
  indexBlocks,
  isVisible,
  locate,
  originOf,
  visibleParents,
  type Located,
} from './common';
import type { ExportAnnotation, ExportComment, ExportDocument, ExportInput } from './types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export type W3cOptions = {
  /** IRI of the collection; defaults to `${document.iri}/annotations`. */
  collectionIri?: string;
  /** IRI for a user; defaults to `urn:closeread:user:<id>` (users have no public page). */
  userIri?: (userId: string) => string;
  /** Pretty-print each item (larger output). */
  pretty?: boolean;
};

type Json = Record<string, unknown>;

/** What the mapping needs besides an annotation: the document and how to name people. */
export type W3cContext = {
  doc: ExportDocument;
  userIri: (id: string) => string;
  workspaceIri: string;
  /**
   * The same person and audience objects for every annotation that names them (an export has a
   * few authors and tens of thousands of annotations): fewer allocations, same JSON. The mapping
   * never mutates its output.
   */
  shared: Map<string, Json>;
};
type Ctx = W3cContext;

/** The mapping's context for a document (also used by lib/annotation-protocol). */
export function w3cContext(doc: ExportDocument, opts: Pick<W3cOptions, 'userIri'> = {}): Ctx {
  return {
    doc,
    userIri: opts.userIri ?? ((id) => `urn:closeread:user:${encodeURIComponent(id)}`),
    workspaceIri: `${originOf(doc.iri)}/w/${encodeURIComponent(doc.workspace.slug)}`,
    shared: new Map(),
  };
}

function shared(ctx: Ctx, key: string, make: () => Json): Json {
  let value = ctx.shared.get(key);
  if (!value) ctx.shared.set(key, (value = make()));
  return value;
}

function agent(ctx: Ctx, id: string, name: string): Json {
  return shared(ctx, `agent\u0000${id}\u0000${name}`, () => ({
    id: ctx.userIri(id),
    type: 'Person',
    name,
  }));
}

function audience(ctx: Ctx, a: ExportAnnotation): Json {
  return a.visibility === 'WORKSPACE'
    ? shared(ctx, 'workspace', () => ({
        id: ctx.workspaceIri,
        type: 'schema:Audience',
        'schema:audienceType': 'workspace',
        'schema:name': ctx.doc.workspace.name,
      }))
    : shared(ctx, `private\u0000${a.authorId}`, () => ({
        id: ctx.userIri(a.authorId),
        type: 'schema:Audience',
        'schema:audienceType': 'private',
      }));
}

function quoteSelector(a: ExportAnnotation): Json {
  return {
    type: 'TextQuoteSelector',
    exact: a.anchor.exact,
    prefix: a.anchor.prefix,
    suffix: a.anchor.suffix,
  };
}

export function w3cTarget(ctx: Ctx, a: ExportAnnotation, loc: Located | null): Json {
  if (!loc) return { type: 'SpecificResource', source: ctx.doc.iri, selector: quoteSelector(a) };
  const fragment = {
    type: 'FragmentSelector',
    value: `p-${loc.start.key}`,
    conformsTo: 'http://tools.ietf.org/rfc/rfc3986',
  };
  const { start, end } = codePointRange(loc, ctx.doc);
  return {
    type: 'SpecificResource',
    source: ctx.doc.iri,
    state: {
      type: 'TimeState',
      sourceDate: ctx.doc.revision.createdAt.toISOString(),
      cached: ctx.doc.revision.iri,
    },
    selector: [
      { ...fragment, refinedBy: quoteSelector(a) },
      { ...fragment, refinedBy: { type: 'TextPositionSelector', start, end } },
    ],
  };
}

function commentBody(ctx: Ctx, c: ExportComment): Json {
  return {
    type: 'TextualBody',
    purpose: 'commenting',
    format: 'text/html',
    value: c.html,
    creator: agent(ctx, c.authorId, c.authorName),
    created: c.createdAt.toISOString(),
    modified: (c.editedAt ?? c.createdAt).toISOString(),
  };
}

/** Every W3C Annotation for one Closeread annotation, thread first. */
export function toW3cAnnotations(ctx: Ctx, a: ExportAnnotation, loc: Located | null): Json[] {
  const visible = a.comments.filter(isVisible);
  const parents = visibleParents(a.comments);
  const root = visible.find((c) => parents.get(c.id) === null);
  const tags = a.tags.map((t) => ({ type: 'TextualBody', purpose: 'tagging', value: t }));
  const body = root ? [commentBody(ctx, root), ...tags] : tags;
  const thread: Json = {
    '@context': ANNO_CONTEXT,
    id: a.iri,
    type: 'Annotation',
    motivation: root ? 'commenting' : 'highlighting',
    created: a.createdAt.toISOString(),
    modified: a.updatedAt.toISOString(),
    creator: agent(ctx, a.authorId, a.authorName),
    audience: audience(ctx, a),
    ...(body.length > 0 ? { body: body.length === 1 ? body[0] : body } : {}),
    target: w3cTarget(ctx, a, loc),
  };
  const out = [thread];
  // The thread root's W3C id is the annotation's IRI; replies point at it through this map.
  const w3cId = (commentId: string | null): string =>
    commentId === null || commentId === root?.id
      ? a.iri
      : (visible.find((c) => c.id === commentId)?.iri ?? a.iri);
  for (const c of visible) {
    if (c === root) continue;
    out.push({
      '@context': ANNO_CONTEXT,
      id: c.iri,
      type: 'Annotation',
      motivation: 'replying',
      created: c.createdAt.toISOString(),
      modified: (c.editedAt ?? c.createdAt).toISOString(),
      creator: agent(ctx, c.authorId, c.authorName),
      audience: audience(ctx, a),
      body: { type: 'TextualBody', purpose: 'replying', format: 'text/html', value: c.html },
      target: w3cId(parents.get(c.id) ?? null),
    });
  }
  return out;
}

export async function* exportW3c(
  input: ExportInput,
  opts: W3cOptions = {},
): AsyncGenerator<string> {
  const { document: doc } = input;
  const ctx = w3cContext(doc, opts);
  const collectionIri = opts.collectionIri ?? `${doc.iri}/annotations`;
  const pageIri = `${collectionIri}?page=0`;
  const blocks = indexBlocks(doc);
  const head = JSON.stringify({
    '@context': ANNO_CONTEXT,
    id: collectionIri,
    type: 'AnnotationCollection',
    label: doc.title,
    generated: input.generatedAt.toISOString(),
  });
  const page = JSON.stringify({
    id: pageIri,
    type: 'AnnotationPage',
    partOf: collectionIri,
    startIndex: 0,
  });
  // Splice the open page into the open collection: `{...,"first":{...,"items":[`.
  yield `${head.slice(0, -1)},"first":${page.slice(0, -1)},"items":[\n`;
  let total = 0;
  for await (const a of input.annotations) {
    const items = toW3cAnnotations(ctx, a, locate(a, blocks));
    const parts = items.map((item) =>
      opts.pretty ? JSON.stringify(item, null, 2) : JSON.stringify(item),
    );
    yield (total === 0 ? '' : ',\n') + parts.join(',\n');
    total += items.length;
  }
  yield `\n]},"last":${JSON.stringify(pageIri)},"total":${total}}\n`;
}
