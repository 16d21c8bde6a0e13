/** Why an anchoring call was rejected. Stable strings: callers may switch on them. */
export type AnchoringErrorCode =
  | 'INVALID_TEXT'
  | 'INVALID_SPAN'
  | 'EMPTY_SPAN'
  | 'OUT_OF_RANGE'
  | 'INVALID_SELECTOR'
  | 'INVALID_BLOCKS';

export class AnchoringError extends Error {
  readonly code: AnchoringErrorCode;

  constructor(code: AnchoringErrorCode, message: string) {
    super(message);
    this.name = 'AnchoringError';
    this.code = code;
  }
}

export function assertText(text: unknown, what = 'text'): asserts text is string {
  if (typeof text !== 'string')
    throw new AnchoringError('INVALID_TEXT', `${what} must be a string`);
}

/** Validates a [start, end) span of `text` in UTF-16 code units. */
export function assertSpan(text: string, start: unknown, end: unknown): void {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new AnchoringError(
      'INVALID_SPAN',
      `span offsets must be integers (got ${String(start)}, ${String(end)})`,
    );
  }
  const s = start as number;
  const e = end as number;
  if (s > e) throw new AnchoringError('INVALID_SPAN', `start ${s} > end ${e}`);
  if (s < 0 || e > text.length) {
    throw new AnchoringError(
      'OUT_OF_RANGE',
      `span [${s}, ${e}) outside text of length ${text.length}`,
    );
  }
  if (s === e) throw new AnchoringError('EMPTY_SPAN', `empty span at ${s}`);
}
