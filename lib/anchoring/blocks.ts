/**
 * Paragraph anchors. Each block of a revision carries a key; a new revision inherits keys from
 * the blocks it descends from so `#p-<key>` links keep working. Identical text is matched
 * first (in order, so repeated boilerplate keeps its order), then similar text by word-bag
 * similarity, greedily from the most similar pair; what is left gets a fresh key.
 */
import { AnchoringError } from './errors';
import { foldString } from './normalise';
import { TokenDictionary } from './tokens';

export type OldBlock = { key: string; text: string };
export type MatchedBlock = {
  key: string;
  text: string;
  /** Key of the previous-revision block this one descends from, or null for a new block. */
  matchedFrom: string | null;
  /** 1 = identical text (after folding), 0 = new block. */
  similarity: number;
};

/** Blocks below this word-bag similarity are different blocks (a split half scores ~0.67). */
export const BLOCK_SIMILARITY_THRESHOLD = 0.5;

const KEY_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * Short URL-safe key from a caller-supplied random source (e.g. Math.random, or a seeded PRNG in
 * tests): lib/anchoring does no I/O and imports no crypto. 8 chars of 32 symbols = 40 bits.
 */
export function makeBlockKey(random: () => number, length = 8): string {
  let key = '';
  for (let i = 0; i < length; i++) {
    const r = random();
    const k = Math.min(KEY_ALPHABET.length - 1, Math.floor(Math.abs(r) * KEY_ALPHABET.length));
    key += KEY_ALPHABET[k]!;
  }
  return key;
}

/** Deterministic key generator: p1, p2, ... skipping keys already taken. */
export function counterKeys(taken: Iterable<string> = [], prefix = 'p'): () => string {
  const used = new Set(taken);
  let i = 0;
  return () => {
    let k: string;
    do k = `${prefix}${++i}`;
    while (used.has(k));
    used.add(k);
    return k;
  };
}

function bag(ids: Int32Array, starts: Int32Array, text: string): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < ids.length; i++) {
    if (text.charCodeAt(starts[i]!) === 32) continue;
    m.set(ids[i]!, (m.get(ids[i]!) ?? 0) + 1);
  }
  return m;
}

function dice(x: Map<number, number>, sx: number, y: Map<number, number>, sy: number): number {
  if (sx + sy === 0) return 1;
  let common = 0;
  const [small, big] = x.size < y.size ? [x, y] : [y, x];
  for (const [t, c] of small) common += Math.min(c, big.get(t) ?? 0);
  return (2 * common) / (sx + sy);
}

export function matchBlocks(
  oldBlocks: OldBlock[],
  newBlocks: { text: string }[],
  newKey?: () => string,
): MatchedBlock[] {
  if (!Array.isArray(oldBlocks) || !Array.isArray(newBlocks)) {
    throw new AnchoringError('INVALID_BLOCKS', 'oldBlocks and newBlocks must be arrays');
  }
  for (const b of oldBlocks) {
    if (!b || typeof b.key !== 'string' || typeof b.text !== 'string') {
      throw new AnchoringError('INVALID_BLOCKS', 'old blocks need string key and text');
    }
  }
  for (const b of newBlocks) {
    if (!b || typeof b.text !== 'string')
      throw new AnchoringError('INVALID_BLOCKS', 'new blocks need text');
  }
  const gen = newKey ?? counterKeys(oldBlocks.map((b) => b.key));
  const oldFold = oldBlocks.map((b) => foldString(b.text).trim());
  const newFold = newBlocks.map((b) => foldString(b.text).trim());
  const oldTaken = new Array<boolean>(oldBlocks.length).fill(false);
  const result: (MatchedBlock | null)[] = newBlocks.map(() => null);

  // 1. identical text, in document order
  const byText = new Map<string, number[]>();
  oldFold.forEach((t, i) => byText.set(t, [...(byText.get(t) ?? []), i]));
  newFold.forEach((t, j) => {
    const list = byText.get(t);
    const i = list?.shift();
    if (i === undefined) return;
    oldTaken[i] = true;
    result[j] = {
      key: oldBlocks[i]!.key,
      text: newBlocks[j]!.text,
      matchedFrom: oldBlocks[i]!.key,
      similarity: 1,
    };
  });

  // 2. similar text: candidate pairs share a word that is rare in the old revision
  const dict = new TokenDictionary();
  const oldTok = oldFold.map((t) => dict.tokenize(t));
  const newTok = newFold.map((t) => dict.tokenize(t));
  const oldBags = oldTok.map((t, i) => bag(t.ids, t.starts, oldFold[i]!));
  const newBags = newTok.map((t, j) => bag(t.ids, t.starts, newFold[j]!));
  const size = (m: Map<number, number>): number => [...m.values()].reduce((s, c) => s + c, 0);
  const oldSize = oldBags.map(size);
  const newSize = newBags.map(size);
  const posting = new Map<number, number[]>();
  oldBags.forEach((bg, i) => {
    if (oldTaken[i]) return;
    for (const t of bg.keys()) posting.set(t, [...(posting.get(t) ?? []), i]);
  });
  const pairs: { i: number; j: number; s: number }[] = [];
  newBags.forEach((bg, j) => {
    if (result[j]) return;
    const cands = new Set<number>();
    for (const t of bg.keys()) {
      const list = posting.get(t);
      if (list && list.length <= 50) for (const i of list) cands.add(i);
    }
    for (const i of cands) {
      const s = dice(oldBags[i]!, oldSize[i]!, bg, newSize[j]!);
      if (s >= BLOCK_SIMILARITY_THRESHOLD) pairs.push({ i, j, s });
    }
  });
  // Most similar first; ties go to the pair whose relative positions agree best.
  const rel = (i: number, j: number): number =>
    Math.abs(i / Math.max(1, oldBlocks.length) - j / Math.max(1, newBlocks.length));
  pairs.sort((x, y) => y.s - x.s || rel(x.i, x.j) - rel(y.i, y.j));
  for (const { i, j, s } of pairs) {
    if (oldTaken[i] || result[j]) continue;
    oldTaken[i] = true;
    const key = oldBlocks[i]!.key;
    result[j] = {
      key,
      text: newBlocks[j]!.text,
      matchedFrom: key,
      similarity: Math.round(s * 1000) / 1000,
    };
  }

  // 3. new blocks
  const usedKeys = new Set(result.filter((r): r is MatchedBlock => r !== null).map((r) => r.key));
  return result.map((r, j) => {
    if (r) return r;
    let key = gen();
    while (usedKeys.has(key)) key = gen();
    usedKeys.add(key);
    return { key, text: newBlocks[j]!.text, matchedFrom: null, similarity: 0 };
  });
}

export type TextBlock = {
  start: number;
  end: number;
  text: string;
  kind: 'heading' | 'list' | 'quote' | 'code' | 'paragraph';
};

/**
 * Splits Markdown-like source into blocks: blank-line separated paragraphs, with headings and
 * list items as blocks of their own and fenced code kept whole. Offsets index the input.
 */
export function splitBlocks(text: string): TextBlock[] {
  const out: TextBlock[] = [];
  const lineRe = /[^\n]*(\n|$)/g;
  let cur: { start: number; end: number; kind: TextBlock['kind'] } | null = null;
  let fence: string | null = null;
  const flush = (): void => {
    if (cur) {
      const raw = text.slice(cur.start, cur.end);
      const trimmedEnd = cur.start + raw.replace(/\s+$/, '').length;
      if (trimmedEnd > cur.start)
        out.push({
          start: cur.start,
          end: trimmedEnd,
          text: text.slice(cur.start, trimmedEnd),
          kind: cur.kind,
        });
    }
    cur = null;
  };
  for (let m = lineRe.exec(text); m && m.index < text.length; m = lineRe.exec(text)) {
    const line = m[0];
    const start = m.index;
    const end = start + line.length;
    const body = line.replace(/\r?\n$/, '');
    const fenceMatch = /^\s*(```|~~~|----)/.exec(body);
    if (fence !== null) {
      if (cur) cur.end = end;
      if (fenceMatch && fenceMatch[1] === fence) {
        fence = null;
        flush();
      }
      continue;
    }
    if (fenceMatch) {
      flush();
      fence = fenceMatch[1]!;
      cur = { start, end, kind: 'code' };
      continue;
    }
    if (body.trim() === '') {
      flush();
      continue;
    }
    const heading = /^\s{0,3}(#{1,6}\s|={1,6}\s)/.test(body);
    const listItem = /^\s*([-*+]|\d+[.)])\s+/.test(body);
    const quote = /^\s*>/.test(body);
    if (heading || listItem || (quote && cur?.kind !== 'quote')) {
      flush();
      cur = { start, end, kind: heading ? 'heading' : listItem ? 'list' : 'quote' };
      if (heading) flush();
      continue;
    }
    if (cur) cur.end = end;
    else cur = { start, end, kind: 'paragraph' };
  }
  flush();
  return out;
}
