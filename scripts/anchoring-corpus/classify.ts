/**
 * Classifies a sampled span from the ground-truth alignment (groundtruth.ts), then checks the
 * alignment's answer against plain string evidence (survival.ts).
 */
import type { CharMap, GroundTruth } from './groundtruth';
import {
  bestCopyAgrees,
  movedWithEvidence,
  survivesWithContext,
  verbatimElsewhere,
  type Survival,
} from './survival';

/** Does the alignment also keep >= 8 characters of context right before or after the span? */
function carried(map: CharMap, start: number, end: number, ns: number, ne: number): boolean {
  let before = 0;
  while (before < 8 && start - 1 - before >= 0 && map[start - 1 - before] === ns - 1 - before)
    before++;
  let after = 0;
  while (after < 8 && end + after < map.length && map[end + after] === ne + after) after++;
  return before >= 8 || after >= 8;
}

export type CaseClass = 'intact' | 'deleted' | 'edited' | 'rewritten';

/**
 * intact: every character kept, contiguous and verified equal; deleted: no non-space character
 * kept; edited: at least half kept (expected = extent of the kept part); rewritten: less than
 * half kept (either null or an overlapping anchor is acceptable). null = unknown, skip.
 * The alignment's answer is then checked against the text itself (survival.ts): the survival
 * rule overrules it, and an intact copy with worse context than another copy, or an edit whose
 * whole quote still occurs verbatim elsewhere, is ambiguous (skipped).
 */
export function classify(
  oldText: string,
  newText: string,
  gt: GroundTruth,
  start: number,
  end: number,
  newCovered: Uint8Array,
): Classified | null {
  const aligned = classifyByAlignment(oldText, newText, gt, start, end, newCovered);
  if (aligned === null || aligned.cls === 'deleted') return aligned;
  const expected = aligned.expected!;
  // Survival rule for every class: the quote with its old context on both sides, found once,
  // overrules an alignment that put the span elsewhere (or saw an edit in mere re-wrapping).
  const survives = survival(oldText, newText, gt, start, end);
  if (typeof survives !== 'string') {
    const [a, b] = survives.expected!;
    if (a !== expected[0] || b !== expected[1]) return survives;
  }
  if (aligned.cls === 'intact') {
    const quote = oldText.slice(start, end);
    const unique = newText.indexOf(quote) === newText.lastIndexOf(quote);
    return unique || bestCopyAgrees(oldText, newText, start, end, expected[0]) ? aligned : null;
  }
  return verbatimElsewhere(oldText, newText, start, end, expected) ? null : aligned;
}

type Classified = { cls: CaseClass; expected: [number, number] | null };

/** The survival rule (survival.ts) as a classification: intact, or edited if only spacing differs. */
function survival(
  oldText: string,
  newText: string,
  gt: GroundTruth,
  start: number,
  end: number,
): Exclude<Survival, [number, number]> | Classified {
  const s = survivesWithContext(gt.collapsedOld, gt.collapsedNew, newText, start, end);
  if (typeof s === 'string') return s;
  const same = newText.slice(s[0], s[1]) === oldText.slice(start, end);
  return { cls: same ? 'intact' : 'edited', expected: s };
}

function classifyByAlignment(
  oldText: string,
  newText: string,
  gt: GroundTruth,
  start: number,
  end: number,
  newCovered: Uint8Array,
): Classified | null {
  const map = gt.map;
  let solid = 0;
  let kept = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = start; i < end; i++) {
    const v = map[i]!;
    if (v === -2) return null;
    const isSpace = /\s/.test(oldText[i]!);
    if (!isSpace) solid++;
    if (v >= 0) {
      if (!isSpace) kept++;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v + 1);
    }
  }
  if (solid === 0) return null;
  if (kept === solid && map[start]! >= 0 && map[end - 1]! >= 0) {
    const ns = map[start]!;
    const ne = map[end - 1]! + 1;
    if (newText.slice(ns, ne) === oldText.slice(start, end)) {
      // Trust an intact mapping only if the quote is unique in the new text or the alignment
      // also carries some neighbouring text along; otherwise it may be a coincidental copy.
      const quote = oldText.slice(start, end);
      const unique = newText.indexOf(quote) === newText.lastIndexOf(quote);
      if (!unique && !carried(map, start, end, ns, ne)) return null;
      return { cls: 'intact', expected: [ns, ne] };
    }
    if (hi - lo > 2 * (end - start) + 40) return null;
    return { cls: 'edited', expected: [lo, hi] };
  }
  if (kept === 0) {
    const quote = oldText.slice(start, end);
    // Text that reappears verbatim in the replacement of its own hunk was moved within it
    // (a sentence reordered); for short quotes that is ambiguous, so such cases are skipped.
    const hunk = gt.hunkOf(start);
    if (hunk) {
      const local = newText.slice(hunk[0], hunk[1]);
      const at = local.indexOf(quote);
      if (at !== -1) {
        if (quote.trim().length < 8) return null;
        let fresh = true;
        for (let c = hunk[0] + at; c < hunk[0] + at + quote.length && fresh; c++)
          if (newCovered[c]) fresh = false;
        if (fresh && local.indexOf(quote, at + 1) === -1)
          return { cls: 'intact', expected: [hunk[0] + at, hunk[0] + at + quote.length] };
        return null;
      }
    }
    // Text that left this place but reappears verbatim, once, in new material was moved.
    // Reappearing several times in new material is a possible move we cannot pin down: skip.
    if (quote.trim().length >= 6) {
      const fresh: number[] = [];
      for (let at = newText.indexOf(quote); at !== -1; at = newText.indexOf(quote, at + 1)) {
        let isFresh = true;
        for (let c = at; c < at + quote.length && isFresh; c++) if (newCovered[c]) isFresh = false;
        if (isFresh) fresh.push(at);
      }
      const at = fresh[0];
      if (
        at !== undefined &&
        fresh.length === 1 &&
        newText.indexOf(quote) === newText.lastIndexOf(quote)
      ) {
        // A short quote without any of its old neighbours may be a coincidence ("require" in
        // rewritten code and in a new sentence): possibly moved, not surely, so skipped.
        if (!movedWithEvidence(oldText, newText, start, end, at)) return null;
        return { cls: 'intact', expected: [at, at + quote.length] };
      }
      if (fresh.length > 0) return null;
    }
    // Most of a long quote reappearing verbatim in pieces means it was rewritten around, not
    // deleted: too ambiguous to score.
    if (quote.length >= 24) {
      let found = 0;
      let chunks = 0;
      for (let k = 0; k + 12 <= quote.length; k += 12) {
        chunks++;
        if (newText.includes(quote.slice(k, k + 12))) found++;
      }
      if (found * 2 >= chunks) return null;
    }
    const survives = survival(oldText, newText, gt, start, end);
    if (survives === 'ambiguous') return null;
    if (survives !== 'none') return survives;
    return { cls: 'deleted', expected: null };
  }
  // Kept characters scattered over a region much wider than the span are LCS coincidences in a
  // rewritten block, not a surviving part: too ambiguous to score either way.
  if (hi - lo > 2 * (end - start) + 40) return null;
  if (kept / solid < 0.5) {
    const survives = survival(oldText, newText, gt, start, end);
    if (survives === 'ambiguous') return null;
    if (survives !== 'none') return survives;
    return { cls: 'rewritten', expected: [lo, hi] };
  }
  return { cls: 'edited', expected: [lo, hi] };
}
