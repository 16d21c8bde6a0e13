/**
 * Closeread anchoring engine: selectors (quote + position) rather than marks in the text, and
 * diff-first reanchoring across revisions. Pure TypeScript, no I/O. See docs/adr/0003-anchoring.md.
 */
export type { Anchor, Span, TextPositionSelector, TextQuoteSelector, TextSelector } from './types';
export { AnchoringError, type AnchoringErrorCode } from './errors';
export { describe, CONTEXT_LENGTH } from './describe';
export { anchor, type AnchorOptions } from './anchor';
export { reanchor, type ReanchorOptions } from './reanchor';
export { toCodePointOffset, fromCodePointOffset } from './unicode';
export {
  matchBlocks,
  makeBlockKey,
  counterKeys,
  splitBlocks,
  BLOCK_SIMILARITY_THRESHOLD,
  type OldBlock,
  type MatchedBlock,
  type TextBlock,
} from './blocks';
export {
  ANCHOR_THRESHOLD,
  REANCHOR_AROUND,
  REANCHOR_AROUND_KEPT,
  REANCHOR_FALLBACK_THRESHOLD,
  REANCHOR_IN_PLACE_MIN_KEEP,
  REANCHOR_LINE_MOVE_SIM,
  REANCHOR_MIN_KEEP,
  REANCHOR_MOVE_MIN_CHARS,
  REANCHOR_MOVED_MIN_KEEP,
  REANCHOR_MOVED_THRESHOLD,
  REANCHOR_ONE_SIDE_MIN_KEEP,
  REANCHOR_REFINE_MAX_GAP,
} from './thresholds';
