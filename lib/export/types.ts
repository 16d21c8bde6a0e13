/**
 * Input bundle for the export formats of issue 7. The database side builds it; every format in
 * this folder is a pure function over it, so formats can be tested without a database.
 */

export type ExportDocument = {
  id: string;
  title: string;
  source: string | null;
  publishedOn: string | null;
  /** Absolute IRI of the document, e.g. http://localhost:3000/d/<id>. */
  iri: string;
  workspace: { slug: string; name: string };
  /** iri: `${document.iri}?rev=N`. */
  revision: { id: string; number: number; createdAt: Date; iri: string };
  /** That revision's blocks, in reading order. */
  blocks: { key: string; number: number; text: string }[];
};

export type ExportComment = {
  id: string;
  iri: string;
  parentId: string | null;
  authorId: string;
  authorName: string;
  createdAt: Date;
  editedAt: Date | null;
  deleted: boolean;
  hidden: boolean;
  /** Server-rendered, already safe HTML of the comment ('' when deleted/hidden). */
  html: string;
  /** Plain text ('' when deleted/hidden). */
  text: string;
};

export type AnchorStatus = 'CREATED' | 'UNCHANGED' | 'MOVED' | 'EDITED' | 'ORPHANED';

export type ExportAnnotation = {
  id: string;
  iri: string;
  authorId: string;
  authorName: string;
  createdAt: Date;
  updatedAt: Date;
  visibility: 'PRIVATE' | 'WORKSPACE';
  status: 'OPEN' | 'RESOLVED';
  resolvedAt: Date | null;
  resolvedByName: string | null;
  tags: string[];
  anchor: {
    blockKey: string | null;
    endBlockKey: string | null;
    /** UTF-16 offset inside the first block's text. */
    start: number | null;
    /** UTF-16 offset inside the last block's text. */
    end: number | null;
    exact: string;
    prefix: string;
    suffix: string;
    status: AnchorStatus;
  };
  /** Flat, oldest first; parentId null = top-level comment of the thread. */
  comments: ExportComment[];
};

/**
 * `annotations` should arrive in reading order (first block number, then start offset); orphans
 * may come anywhere. CSV, W3C and DOCX do not depend on the order; Markdown and HTML stream
 * paragraph by paragraph and handle out-of-order items without buffering the whole input.
 */
export type ExportInput = {
  document: ExportDocument;
  annotations: AsyncIterable<ExportAnnotation>;
  generatedAt: Date;
};

export type ExportChunk = string | Uint8Array;
