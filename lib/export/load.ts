/**
 * Builds an export bundle from the database: a document's latest revision and the annotations
 * the requesting user may see, read in pages by id (keyset) so large exports stream.
 *
 * The pieces are exported on their own for the Web Annotation Protocol container
 * (lib/annotation-protocol), which pages through the same annotations with its own IRIs.
 */
import { db } from '../db/client';
import { documentForMember } from '../documents/access';
import { annotationsVisibleTo } from '../policies';
import { annotationRows, commentRows, exportComment, type CommentContent } from './load-rows';
import type { ExportAnnotation, ExportComment, ExportDocument, ExportInput } from './types';

const PAGE = 1000;

/** How annotations and comments are named in the output. */
export type ExportIris = {
  annotation: (annotationId: string) => string;
  comment: (commentId: string) => string;
};

/** The export's own IRIs: fragments of the document's page. */
export function documentIris(document: Pick<ExportDocument, 'iri'>): ExportIris {
  return {
    annotation: (id) => `${document.iri}#thread-${id}`,
    comment: (id) => `${document.iri}#comment-${id}`,
  };
}

/** The document with its latest revision's blocks, for a member; NOT_FOUND for anyone else. */
export async function loadExportDocument(
  userId: string,
  documentId: string,
  origin: string,
): Promise<ExportDocument> {
  const { document } = await documentForMember(userId, documentId);
  const revision = await db().revision.findFirstOrThrow({
    where: { documentId },
    orderBy: { number: 'desc' },
    select: {
      id: true,
      number: true,
      createdAt: true,
      blocks: { orderBy: { position: 'asc' }, select: { key: true, text: true } },
    },
  });
  const iri = `${origin}/d/${document.id}`;
  return {
    id: document.id,
    title: document.title,
    source: document.source,
    publishedOn: document.publishedOn,
    iri,
    workspace: document.workspace,
    revision: {
      id: revision.id,
      number: revision.number,
      createdAt: revision.createdAt,
      iri: `${iri}?rev=${revision.number}`,
    },
    blocks: revision.blocks.map((b, i) => ({ key: b.key, number: i + 1, text: b.text })),
  };
}

/**
 * Ids of the annotations the user may see on the document's exported revision, in reading order
 * (first block, then start offset; orphans last).
 */
export async function readingOrder(userId: string, document: ExportDocument): Promise<string[]> {
  const blockOrder = new Map(document.blocks.map((b, i) => [b.key, i]));
  // Reading order needs positions; fetch the (small) list of visible ids with their anchor, sort.
  const index = await db().annotationAnchor.findMany({
    where: {
      revisionId: document.revision.id,
      annotation: { ...annotationsVisibleTo(userId), documentId: document.id },
    },
    select: { annotationId: true, blockKey: true, start: true },
  });
  index.sort(
    (a, b) =>
      (a.blockKey ? (blockOrder.get(a.blockKey) ?? 1e9) : 1e9) -
        (b.blockKey ? (blockOrder.get(b.blockKey) ?? 1e9) : 1e9) ||
      (a.start ?? -1) - (b.start ?? -1),
  );
  return index.map((x) => x.annotationId);
}

/**
 * Full annotations for the given ids, in the given order, with their anchor on `revisionId`.
 * Ids without an anchor on that revision are skipped. No visibility check: the caller passes
 * ids it got from `readingOrder` or checked itself.
 */
export async function loadExportAnnotations(
  ids: string[],
  revisionId: string,
  iris: ExportIris,
  content: CommentContent,
): Promise<ExportAnnotation[]> {
  const [rows, comments] = await Promise.all([
    annotationRows(ids, revisionId),
    commentRows(ids, content),
  ]);
  const threads = new Map<string, ExportComment[]>();
  for (const c of comments) {
    let list = threads.get(c.annotationId);
    if (!list) threads.set(c.annotationId, (list = []));
    list.push(exportComment(c, iris.comment(c.id)));
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: ExportAnnotation[] = [];
  for (const id of ids) {
    const a = byId.get(id);
    if (!a) continue;
    const orphaned = a.anchorStatus === 'ORPHANED';
    out.push({
      id: a.id,
      iri: iris.annotation(a.id),
      authorId: a.authorId,
      authorName: a.authorName,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
      visibility: a.visibility,
      status: a.status,
      resolvedAt: a.resolvedAt,
      resolvedByName: a.resolvedByName,
      tags: a.tags,
      anchor: {
        blockKey: orphaned ? null : a.blockKey,
        endBlockKey: orphaned ? null : a.endBlockKey,
        start: a.start,
        end: a.end,
        exact: a.anchorExact || a.exact,
        prefix: a.prefix,
        suffix: a.suffix,
        status: a.anchorStatus,
      },
      comments: threads.get(a.id) ?? [],
    });
  }
  return out;
}

export async function loadExport(
  userId: string,
  documentId: string,
  origin: string,
  /** What the format reads of a comment (ExportFormat.comments). */
  content: CommentContent,
): Promise<ExportInput> {
  const document = await loadExportDocument(userId, documentId, origin);
  const iris = documentIris(document);

  async function* annotations(): AsyncGenerator<ExportAnnotation> {
    const ids = await readingOrder(userId, document);
    // Full annotations a page at a time, the next page fetched while this one is formatted and
    // sent: the database works on its own core meanwhile.
    const page = (from: number) =>
      loadExportAnnotations(ids.slice(from, from + PAGE), document.revision.id, iris, content);
    let next = ids.length > 0 ? page(0) : null;
    for (let i = 0; next; i += PAGE) {
      const current = await next;
      next = i + PAGE < ids.length ? page(i + PAGE) : null;
      // A client that goes away leaves the prefetch unawaited: keep its failure quiet.
      next?.catch(() => {});
      yield* current;
    }
  }

  return { document, annotations: annotations(), generatedAt: new Date() };
}
