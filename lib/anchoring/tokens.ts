/**
 * Word-level tokens for diffing. Words in spaced scripts are one token; CJK ideographs and kana
 * are one token each (those scripts put no spaces between words); whitespace runs, punctuation,
 * symbols and astral characters (emoji) are single tokens. A surrogate pair is never split.
 */

const WORD = /^[\p{L}\p{N}\p{M}_]$/u;
// 0 = unknown, 1 = word char, 2 = standalone token, 3 = whitespace
const classTable = new Uint8Array(65536);

function isCjk(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff66 && c <= 0xff9f)
  );
}

function charClass(c: number): number {
  let k = classTable[c]!;
  if (k !== 0) return k;
  const ch = String.fromCharCode(c);
  if (/\s/.test(ch)) k = 3;
  else if (c >= 0xd800 && c <= 0xdfff) k = 2;
  else if (isCjk(c)) k = 2;
  else k = WORD.test(ch) ? 1 : 2;
  classTable[c] = k;
  return k;
}

export type Tokens = {
  /** Interned token ids (shared dictionary across the texts being compared). */
  ids: Int32Array;
  /** starts[i] = offset of token i; starts[count] = text length. */
  starts: Int32Array;
  count: number;
};

export class TokenDictionary {
  private readonly map = new Map<string, number>();

  tokenize(text: string): Tokens {
    const n = text.length;
    const ids = new Int32Array(n);
    const starts = new Int32Array(n + 1);
    let count = 0;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      const k = charClass(c);
      let j = i + 1;
      if (k === 1) {
        while (j < n && charClass(text.charCodeAt(j)) === 1) j++;
      } else if (k === 3) {
        while (j < n && charClass(text.charCodeAt(j)) === 3) j++;
      } else if (c >= 0xd800 && c <= 0xdbff && j < n) {
        const d = text.charCodeAt(j);
        if (d >= 0xdc00 && d <= 0xdfff) j++;
      }
      const tok = text.slice(i, j);
      let id = this.map.get(tok);
      if (id === undefined) {
        id = this.map.size;
        this.map.set(tok, id);
      }
      ids[count] = id;
      starts[count] = i;
      count++;
      i = j;
    }
    starts[count] = n;
    return { ids: ids.subarray(0, count), starts: starts.subarray(0, count + 1), count };
  }
}
