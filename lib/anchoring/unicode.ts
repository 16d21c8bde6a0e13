import { AnchoringError, assertText } from './errors';

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `index` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, index: number): boolean {
  return (
    index > 0 &&
    index < text.length &&
    isLowSurrogate(text.charCodeAt(index)) &&
    isHighSurrogate(text.charCodeAt(index - 1))
  );
}

/** Moves `index` left off the middle of a surrogate pair. */
export function snapLeft(text: string, index: number): number {
  return splitsPair(text, index) ? index - 1 : index;
}

/** Moves `index` right off the middle of a surrogate pair. */
export function snapRight(text: string, index: number): number {
  return splitsPair(text, index) ? index + 1 : index;
}

/**
 * UTF-16 index -> code point index. W3C Web Annotation positions count code points, JS strings
 * count UTF-16 units; an index inside a pair is counted as the pair's start.
 */
export function toCodePointOffset(text: string, utf16Index: number): number {
  assertText(text);
  if (!Number.isInteger(utf16Index) || utf16Index < 0 || utf16Index > text.length) {
    throw new AnchoringError('OUT_OF_RANGE', `UTF-16 index ${utf16Index} outside text`);
  }
  let cp = 0;
  for (let i = 0; i < utf16Index; i++) {
    if (
      isHighSurrogate(text.charCodeAt(i)) &&
      i + 1 < utf16Index &&
      isLowSurrogate(text.charCodeAt(i + 1))
    )
      i++;
    else if (
      isHighSurrogate(text.charCodeAt(i)) &&
      i + 1 === utf16Index &&
      isLowSurrogate(text.charCodeAt(i + 1))
    )
      break;
    cp++;
  }
  return cp;
}

/** Code point index -> UTF-16 index (inverse of toCodePointOffset on pair boundaries). */
export function fromCodePointOffset(text: string, codePointIndex: number): number {
  assertText(text);
  if (!Number.isInteger(codePointIndex) || codePointIndex < 0) {
    throw new AnchoringError('OUT_OF_RANGE', `code point index ${codePointIndex} is invalid`);
  }
  let i = 0;
  for (let cp = 0; cp < codePointIndex; cp++) {
    if (i >= text.length) {
      throw new AnchoringError('OUT_OF_RANGE', `code point index ${codePointIndex} outside text`);
    }
    i += isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}
