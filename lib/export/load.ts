/**
 * Builds an export bundle from the database: a document's latest revision and the annotations
 * the requesting user may see, read in pages by id (keyset) so large exports stream.
 */
import { db } from '../db/client';
import { documentForMember } from '../documents/access';
import { annotationsVisibleTo } from '../policies';
import { renderCommentHtml, type CommentDoc } from '../richtext';
import type { ExportAnnotation, ExportInput } from './types';

const PAGE = 500;

export async function loadExport(
  userId: string,
  documentId: string,
  origin: string,
): Promise<ExportInput> {
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
  const blockOrder = new Map(revision.blocks.map((b, i) => [b.key, i]));

  async function* annotations(): AsyncGenerator<ExportAnnotation> {
    // Reading order needs positions; fetch the (small) list of visible ids with their anchor,
    // sort, then load full annotations a page at a time.
    const index = await db().annotationAnchor.findMany({
      where: {
        revisionId: revision.id,
        annotation: { ...annotationsVisibleTo(userId), documentId },
      },
      select: { annotationId: true, blockKey: true, start: true },
    });
    index.sort(
      (a, b) =>
        (a.blockKey ? (blockOrder.get(a.blockKey) ?? 1e9) : 1e9) -
          (b.blockKey ? (blockOrder.get(b.blockKey) ?? 1e9) : 1e9) ||
        (a.start ?? -1) - (b.start ?? -1),
    );
    for (let i = 0; i < index.length; i += PAGE) {
      const ids = index.slice(i, i + PAGE).map((x) => x.annotationId);
      const rows = await db().annotation.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          authorId: true,
          author: { select: { name: true } },
          createdAt: true,
          updatedAt: true,
          visibility: true,
          status: true,
          resolvedAt: true,
          resolvedById: true,
          tags: true,
          exact: true,
          prefix: true,
          suffix: true,
          anchors: { where: { revisionId: revision.id } },
          comments: {
            orderBy: { createdAt: 'asc' },
            select: {
              id: true,
              parentId: true,
              authorId: true,
              author: { select: { name: true } },
              createdAt: true,
              editedAt: true,
              deletedAt: true,
              hiddenAt: true,
              body: true,
              bodyText: true,
            },
          },
        },
      });
      const resolverIds = [
        ...new Set(rows.map((r) => r.resolvedById).filter((x): x is string => !!x)),
      ];
      const resolvers = new Map(
        (
          await db().user.findMany({
            where: { id: { in: resolverIds } },
            select: { id: true, name: true },
          })
        ).map((u) => [u.id, u.name]),
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const id of ids) {
        const a = byId.get(id);
        const anchor = a?.anchors[0];
        if (!a || !anchor) continue;
        yield {
          id: a.id,
          iri: `${iri}#thread-${a.id}`,
          authorId: a.authorId,
          authorName: a.author.name,
          createdAt: a.createdAt,
          updatedAt: a.updatedAt,
          visibility: a.visibility,
          status: a.status,
          resolvedAt: a.resolvedAt,
          resolvedByName: a.resolvedById ? (resolvers.get(a.resolvedById) ?? null) : null,
          tags: a.tags,
          anchor: {
            blockKey: anchor.status === 'ORPHANED' ? null : anchor.blockKey,
            endBlockKey: anchor.status === 'ORPHANED' ? null : anchor.endBlockKey,
            start: anchor.start,
            end: anchor.end,
            exact: anchor.exact || a.exact,
            prefix: a.prefix,
            suffix: a.suffix,
            status: anchor.status,
          },
          comments: a.comments.map((c) => {
            const gone = c.deletedAt !== null || c.hiddenAt !== null;
            return {
              id: c.id,
              iri: `${iri}#comment-${c.id}`,
              parentId: c.parentId,
              authorId: c.authorId,
              authorName: c.author.name,
              createdAt: c.createdAt,
              editedAt: c.editedAt,
              deleted: c.deletedAt !== null,
              hidden: c.hiddenAt !== null,
              html: gone ? '' : renderCommentHtml(c.body as unknown as CommentDoc),
              text: gone ? '' : c.bodyText,
            };
          }),
        };
      }
    }
  }

  return {
    document: {
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
    },
    annotations: annotations(),
    generatedAt: new Date(),
  };
}
