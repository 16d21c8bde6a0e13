/**
 * Moves every annotation of one revision onto the next, with the anchoring engine: one diff of
 * the whole document text for all spans (`reanchor`), selector search for annotations that were
 * already orphaned (`anchor`), block keys for whole-paragraph threads. Pure: no database.
 */
import { anchor, reanchor } from '../anchoring';

export type KeyedBlock = { key: string; text: string };

export type AnchorStatus = 'UNCHANGED' | 'MOVED' | 'EDITED' | 'ORPHANED';

export type CurrentAnchor = {
  annotationId: string;
  blockKey: string | null;
  endBlockKey: string | null;
  start: number | null;
  end: number | null;
  exact: string;
  orphaned: boolean;
  /** The selector the annotation was made with, for re-finding orphans. */
  selector: { exact: string; prefix: string; suffix: string };
};

export type NextAnchor = {
  annotationId: string;
  blockKey: string | null;
  endBlockKey: string | null;
  start: number | null;
  end: number | null;
  exact: string;
  status: AnchorStatus;
  confidence: number;
};

const SEPARATOR = '\n\n';

type Joined = { text: string; starts: number[]; blocks: KeyedBlock[]; index: Map<string, number> };

function join(blocks: KeyedBlock[]): Joined {
  const starts: number[] = [];
  let at = 0;
  for (const b of blocks) {
    starts.push(at);
    at += b.text.length + SEPARATOR.length;
  }
  return {
    text: blocks.map((b) => b.text).join(SEPARATOR),
    starts,
    blocks,
    index: new Map(blocks.map((b, i) => [b.key, i])),
  };
}

/** Block index containing a global offset; `forEnd` attributes block boundaries to the block before. */
function blockAt(j: Joined, pos: number, forEnd: boolean): number {
  let lo = 0;
  let hi = j.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (j.starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  const end = j.starts[lo]! + j.blocks[lo]!.text.length;
  if (pos > end) return forEnd ? lo : Math.min(lo + 1, j.blocks.length - 1); // inside a separator
  if (forEnd && pos === j.starts[lo] && lo > 0) return lo - 1;
  return lo;
}

function toLocal(j: Joined, start: number, end: number) {
  const first = blockAt(j, start, false);
  const last = Math.max(first, blockAt(j, end, true));
  const localStart = Math.min(Math.max(0, start - j.starts[first]!), j.blocks[first]!.text.length);
  const localEnd = Math.min(Math.max(0, end - j.starts[last]!), j.blocks[last]!.text.length);
  return { first, last, localStart, localEnd };
}

const WORD = /[\p{L}\p{N}\p{M}'’-]/u;
const isWord = (ch: string | undefined) => ch !== undefined && WORD.test(ch);

/**
 * An edited span clipped to its surviving characters can end mid-word ("improv" of
 * "improving"); when the original span began/ended at a word boundary, widen to whole words.
 */
function snapToWords(
  text: string,
  start: number,
  end: number,
  oldText: string,
  oldStart: number,
  oldEnd: number,
) {
  let s = start;
  let e = end;
  if (!isWord(oldText[oldStart - 1])) while (s > 0 && isWord(text[s - 1]) && isWord(text[s])) s--;
  if (!isWord(oldText[oldEnd]))
    while (e < text.length && isWord(text[e]) && isWord(text[e - 1])) e++;
  return { start: s, end: e };
}

/**
 * Keys of blocks that moved: kept blocks outside the longest run that stays in the old order
 * (a longest increasing subsequence of their old positions), so inserting or deleting blocks
 * around a paragraph does not count as moving it.
 */
function movedBlocks(o: Joined, n: Joined): Set<string> {
  const kept = n.blocks
    .map((b) => ({ key: b.key, old: o.index.get(b.key) }))
    .filter((b) => b.old !== undefined) as {
    key: string;
    old: number;
  }[];
  const tails: number[] = [];
  const prev: number[] = new Array(kept.length).fill(-1);
  const tailIdx: number[] = [];
  kept.forEach((b, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < b.old) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = b.old;
    tailIdx[lo] = i;
    prev[i] = lo > 0 ? tailIdx[lo - 1]! : -1;
  });
  const inOrder = new Set<string>();
  for (let i = tailIdx[tails.length - 1] ?? -1; i >= 0; i = prev[i]!) inOrder.add(kept[i]!.key);
  return new Set(kept.filter((b) => !inOrder.has(b.key)).map((b) => b.key));
}

function orphan(a: CurrentAnchor): NextAnchor {
  return {
    annotationId: a.annotationId,
    blockKey: null,
    endBlockKey: null,
    start: null,
    end: null,
    exact: a.exact || a.selector.exact,
    status: 'ORPHANED',
    confidence: 0,
  };
}

export function planReanchoring(
  oldBlocks: KeyedBlock[],
  newBlocks: KeyedBlock[],
  anchors: CurrentAnchor[],
): NextAnchor[] {
  const o = join(oldBlocks);
  const n = join(newBlocks);
  const result = new Map<string, NextAnchor>();
  const moved = movedBlocks(o, n);

  const spans: { a: CurrentAnchor; start: number; end: number }[] = [];
  for (const a of anchors) {
    if (a.orphaned) continue;
    const first = a.blockKey === null ? undefined : o.index.get(a.blockKey);
    const last = a.endBlockKey === null ? undefined : o.index.get(a.endBlockKey);
    if (first === undefined || last === undefined) {
      result.set(a.annotationId, orphan(a));
      continue;
    }
    if (a.start === null || a.end === null) {
      // A whole-paragraph thread follows its block key.
      const i = n.index.get(a.blockKey!);
      if (i === undefined) result.set(a.annotationId, orphan(a));
      else {
        const same = newBlocks[i]!.text === oldBlocks[first]!.text;
        result.set(a.annotationId, {
          annotationId: a.annotationId,
          blockKey: a.blockKey,
          endBlockKey: a.blockKey,
          start: null,
          end: null,
          exact: '',
          status: same ? (moved.has(a.blockKey!) ? 'MOVED' : 'UNCHANGED') : 'EDITED',
          confidence: 1,
        });
      }
      continue;
    }
    spans.push({ a, start: o.starts[first]! + a.start, end: o.starts[last]! + a.end });
  }

  const mapped = spans.length
    ? reanchor(
        o.text,
        n.text,
        spans.map(({ start, end }) => ({ start, end })),
      )
    : [];
  spans.forEach(({ a, start, end }, i) => {
    const hit = mapped[i];
    if (!hit || hit.end <= hit.start) return void result.set(a.annotationId, orphan(a));
    const oldExact = o.text.slice(start, end);
    const span =
      n.text.slice(hit.start, hit.end) === oldExact
        ? { start: hit.start, end: hit.end }
        : snapToWords(n.text, hit.start, hit.end, o.text, start, end);
    const loc = toLocal(n, span.start, span.end);
    const exact = n.text.slice(span.start, span.end);
    const blockKey = n.blocks[loc.first]!.key;
    const endBlockKey = n.blocks[loc.last]!.key;
    const samePlace =
      blockKey === a.blockKey &&
      endBlockKey === a.endBlockKey &&
      loc.localStart === a.start &&
      loc.localEnd === a.end &&
      !moved.has(blockKey);
    result.set(a.annotationId, {
      annotationId: a.annotationId,
      blockKey,
      endBlockKey,
      start: loc.localStart,
      end: loc.localEnd,
      exact,
      status: exact !== oldExact ? 'EDITED' : samePlace ? 'UNCHANGED' : 'MOVED',
      confidence: hit.confidence,
    });
  });

  // Annotations already orphaned get another chance: their words may be back.
  for (const a of anchors) {
    if (!a.orphaned || !a.selector.exact) continue;
    const hit = n.text
      ? anchor(n.text, {
          quote: { type: 'TextQuoteSelector', ...a.selector },
          position: { type: 'TextPositionSelector', start: 0, end: 0 },
        })
      : null;
    if (!hit || hit.end <= hit.start) {
      result.set(a.annotationId, orphan(a));
      continue;
    }
    const loc = toLocal(n, hit.start, hit.end);
    const exact = n.text.slice(hit.start, hit.end);
    result.set(a.annotationId, {
      annotationId: a.annotationId,
      blockKey: n.blocks[loc.first]!.key,
      endBlockKey: n.blocks[loc.last]!.key,
      start: loc.localStart,
      end: loc.localEnd,
      exact,
      status: exact === a.selector.exact ? 'MOVED' : 'EDITED',
      confidence: hit.confidence,
    });
  }
  return anchors.map((a) => result.get(a.annotationId) ?? orphan(a));
}
