// Stored comment JSON. A structural subset of Tiptap's JSONContent (so it can be handed to the
// editor directly) but without the index signatures: nothing outside these keys is stored.

export type CommentAttrValue = string | number | boolean | null;
export type CommentAttrs = Record<string, CommentAttrValue>;

export interface CommentMark {
  type: string;
  attrs?: CommentAttrs;
}

export interface CommentNode {
  type: string;
  attrs?: CommentAttrs;
  content?: CommentNode[];
  marks?: CommentMark[];
  text?: string;
}

export interface CommentDoc extends CommentNode {
  type: 'doc';
  content: CommentNode[];
}

/** 100 KB of UTF-8 JSON (JSON.stringify of the document). */
export const MAX_COMMENT_BYTES = 100 * 1024;
/** Levels of node nesting, counting the doc itself as 1 and text/mention leaves as a level. */
export const MAX_COMMENT_DEPTH = 50;
