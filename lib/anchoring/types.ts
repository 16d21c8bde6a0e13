export type TextQuoteSelector = {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
};
export type TextPositionSelector = { type: 'TextPositionSelector'; start: number; end: number };
export type TextSelector = { quote: TextQuoteSelector; position: TextPositionSelector };
export type Anchor = {
  start: number;
  end: number;
  /** 0..1; 1 = certain. Below the corpus-chosen orphan threshold the engine returns null. */
  confidence: number;
  method: 'position' | 'exact' | 'diff' | 'fuzzy';
};
export type Span = { start: number; end: number };
