// Rich-text comments: one extension list for the editor and the server, strict validation of
// incoming JSON, server-side HTML rendering and a plain-text copy for search/export.
export {
  commentExtensions,
  type CommentExtensionOptions,
  type MentionSuggestionOptions,
} from './extensions';
export { hrefProblem, isSafeHref, ALLOWED_LINK_PROTOCOLS } from './href';
export { plainTextToDoc } from './plain-text';
export { renderCommentHtml } from './render';
export { parseCommentDoc, type ParseCommentResult } from './validate';
export {
  MAX_COMMENT_BYTES,
  MAX_COMMENT_DEPTH,
  type CommentAttrs,
  type CommentAttrValue,
  type CommentDoc,
  type CommentMark,
  type CommentNode,
} from './types';
