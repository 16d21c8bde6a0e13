/**
 * The export loader's two page queries, in SQL: one row per annotation (with its author, resolver
 * and anchor on the exported revision) and one row per comment (with its author). Prisma's nested
 * `select` for the same data issues five queries per page and builds an object graph the formats
 * never use; at 20,000 annotations that was most of the export's time (bench figure 5). They run
 * on the shared pool directly: Prisma's per-value handling of raw results was half of what was
 * left, and a comment's body (JSON) is parsed only when a format asks for its HTML.
 */
import { queryRows as rows } from '../db/query-rows';
import { renderCommentHtml, type CommentDoc } from '../richtext';
import type { AnchorStatus, ExportAnnotation, ExportComment } from './types';

/** An annotation's own fields, as the export has them, plus its anchor on the exported revision. */
export type AnnotationRow = Pick<
  ExportAnnotation,
  | 'id'
  | 'authorId'
  | 'authorName'
  | 'createdAt'
  | 'updatedAt'
  | 'visibility'
  | 'status'
  | 'resolvedAt'
  | 'resolvedByName'
  | 'tags'
> & { exact: string; prefix: string; suffix: string } & Pick<
    ExportAnnotation['anchor'],
    'blockKey' | 'endBlockKey' | 'start' | 'end'
  > & { anchorExact: string; anchorStatus: AnchorStatus };

export type CommentRow = {
  id: string;
  annotationId: string;
  parentId: string | null;
  authorId: string;
  authorName: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  /** The Tiptap document as JSON text (loaded for HTML) … */
  body?: string;
  /** … or the plain text (loaded for text). */
  bodyText?: string;
};

/** Annotations with an anchor on `revisionId`; ids must already be filtered for visibility. */
export async function annotationRows(ids: string[], revisionId: string): Promise<AnnotationRow[]> {
  return rows<AnnotationRow>(
    `SELECT a.id, a."authorId", u.name AS "authorName", a."createdAt", a."updatedAt",
            a.visibility::text AS visibility, a.status::text AS status, a."resolvedAt",
            r.name AS "resolvedByName", a.tags, a.exact, a.prefix, a.suffix,
            x."blockKey", x."endBlockKey", x.start, x."end", x.exact AS "anchorExact",
            x.status::text AS "anchorStatus"
       FROM "Annotation" a
       JOIN "AnnotationAnchor" x ON x."annotationId" = a.id AND x."revisionId" = $2
       JOIN "User" u ON u.id = a."authorId"
       LEFT JOIN "User" r ON r.id = a."resolvedById"
      WHERE a.id = ANY($1::text[])`,
    [ids, revisionId],
  );
}

/**
 * What an export reads of a comment: the rendered HTML (from the Tiptap JSON: W3C, printable
 * HTML, the Web Annotation Protocol) or the plain text (CSV, Markdown, Word). A comment row is
 * ~0.5 KB of JSON and ~0.4 KB of text, and 20,000 threads have ~60,000 comments: loading only
 * the one the format uses halves what the database sends and Node parses.
 */
export type CommentContent = 'html' | 'text';

/** Every comment of those annotations, oldest first per thread; the body as JSON text or the text. */
export async function commentRows(ids: string[], content: CommentContent): Promise<CommentRow[]> {
  const column = content === 'html' ? 'c.body::text AS body' : 'c."bodyText"';
  return rows<CommentRow>(
    `SELECT c.id, c."annotationId", c."parentId", c."authorId", u.name AS "authorName",
            c."createdAt", c."editedAt", c."deletedAt", c."hiddenAt", ${column}
       FROM "Comment" c
       JOIN "User" u ON u.id = c."authorId"
      WHERE c."annotationId" = ANY($1::text[])
      ORDER BY c."annotationId", c."createdAt", c.id`,
    [ids],
  );
}

const notLoaded = (what: string) =>
  new Error(`The comment's ${what} was not loaded for this export (see CommentContent).`);

/**
 * The export shape of a comment. `html` is rendered on first read (the most expensive step per
 * comment); each of `html` and `text` is there only when its content was loaded.
 */
export function exportComment(c: CommentRow, iri: string): ExportComment {
  const gone = c.deletedAt !== null || c.hiddenAt !== null;
  let html: string | null = gone ? '' : null;
  return {
    id: c.id,
    iri,
    parentId: c.parentId,
    authorId: c.authorId,
    authorName: c.authorName,
    createdAt: c.createdAt,
    editedAt: c.editedAt,
    deleted: c.deletedAt !== null,
    hidden: c.hiddenAt !== null,
    get html() {
      if (html !== null) return html;
      if (c.body === undefined) throw notLoaded('HTML');
      return (html = renderCommentHtml(JSON.parse(c.body) as CommentDoc));
    },
    get text() {
      if (gone) return '';
      if (c.bodyText === undefined) throw notLoaded('text');
      return c.bodyText;
    },
  };
}
