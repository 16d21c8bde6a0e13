/**
 * Checks of the ground truth against plain string evidence, applied to every case after the
 * alignment has classified it (see groundtruth.ts). The alignment (line diff + LCS) decides by
 * order, so in repetitive or heavily rewritten text it can pair a span with the wrong copy; these
 * checks overrule it where the text itself says otherwise, or drop the case as ambiguous.
 * Independent of the engine: raw string search, whitespace runs collapsed.
 */

/** Characters of context on each side that make a verbatim reappearance unambiguous. */
export const SURVIVAL_CONTEXT = 32;
/** A quote at least this long (non-space) reappearing verbatim is not a coincidence. */
export const VERBATIM_MIN_SOLID = 16;

/** A text with whitespace runs collapsed to one space, and the map back to raw offsets. */
export type Collapsed = {
  text: string;
  /** raw offset of each collapsed character (a collapsed space: the run's first character). */
  toRaw: Int32Array;
  /** collapsed offset of each raw character (inside a whitespace run: the run's space). */
  fromRaw: Int32Array;
};

export function collapseWhitespace(raw: string): Collapsed {
  const toRaw = new Int32Array(raw.length);
  const fromRaw = new Int32Array(raw.length);
  let text = '';
  let n = 0;
  let inSpace = false;
  for (let i = 0; i < raw.length; i++) {
    const space = /\s/.test(raw[i]!);
    if (space && inSpace) {
      fromRaw[i] = n - 1;
      continue;
    }
    text += space ? ' ' : raw[i]!;
    toRaw[n] = i;
    fromRaw[i] = n;
    n++;
    inSpace = space;
  }
  return { text, toRaw: toRaw.subarray(0, n), fromRaw };
}

function count(s: string, t: string, max = 2): number {
  let k = 0;
  for (let at = s.indexOf(t); at !== -1 && k < max; at = s.indexOf(t, at + 1)) k++;
  return k;
}

export type Survival = 'none' | 'ambiguous' | [number, number];

/**
 * Survival rule: a span whose quote occurs in the new text together with SURVIVAL_CONTEXT
 * characters of its old context on both sides (whitespace runs collapsed on both texts, so
 * re-indented and re-wrapped text counts) survived there, if that combination occurs exactly once
 * in each text. With only one side of the context matching, or several places, survival is
 * possible but the place is ambiguous. Span ends must be non-space (build.ts trims spans).
 */
export function survivesWithContext(
  o: Collapsed,
  n: Collapsed,
  newRaw: string,
  start: number,
  end: number,
): Survival {
  const q0 = o.fromRaw[start]!;
  const q1 = o.fromRaw[end - 1]! + 1;
  const quote = o.text.slice(q0, q1);
  const left = o.text.slice(Math.max(0, q0 - SURVIVAL_CONTEXT), q0);
  const right = o.text.slice(q1, q1 + SURVIVAL_CONTEXT);
  const both = left + quote + right;
  const at = n.text.indexOf(both);
  if (at !== -1) {
    // Identical copies in the old text (repeated examples): which of them survived is unknown.
    if (n.text.indexOf(both, at + 1) !== -1 || count(o.text, both) > 1) return 'ambiguous';
    const a = n.toRaw[at + left.length]!;
    const b = n.toRaw[at + left.length + quote.length - 1]! + 1;
    return b <= newRaw.length ? [a, b] : 'none';
  }
  if (n.text.includes(left + quote) || n.text.includes(quote + right)) return 'ambiguous';
  return 'none';
}

/** Characters of raw context agreeing contiguously around old [s, e) and new [at, at+len). */
function contextAgreement(
  oldText: string,
  newText: string,
  s: number,
  e: number,
  at: number,
): number {
  let left = 0;
  while (
    left < SURVIVAL_CONTEXT &&
    s - 1 - left >= 0 &&
    at - 1 - left >= 0 &&
    oldText[s - 1 - left] === newText[at - 1 - left]
  )
    left++;
  const ae = at + (e - s);
  let right = 0;
  while (
    right < SURVIVAL_CONTEXT &&
    e + right < oldText.length &&
    ae + right < newText.length &&
    oldText[e + right] === newText[ae + right]
  )
    right++;
  return left + right;
}

/** Old context a short quote must carry along to count as moved (either side, contiguous). */
export const MOVE_MIN_CONTEXT = 8;

/**
 * Move rule: a quote that left its place and reappears once in new material moved there if it
 * is long enough not to be a coincidence (VERBATIM_MIN_SOLID non-space characters), or if it
 * took at least MOVE_MIN_CONTEXT characters of its old neighbours along.
 */
export function movedWithEvidence(
  oldText: string,
  newText: string,
  start: number,
  end: number,
  at: number,
): boolean {
  if (oldText.slice(start, end).replace(/\s+/g, '').length >= VERBATIM_MIN_SOLID) return true;
  return contextAgreement(oldText, newText, start, end, at) >= MOVE_MIN_CONTEXT;
}

/**
 * Copy rule: an intact span whose quote has several copies in the new text is only placed at
 * the alignment's copy if no other copy agrees better with the old context; otherwise the
 * alignment and the context disagree about which copy survived, and the case is ambiguous.
 */
export function bestCopyAgrees(
  oldText: string,
  newText: string,
  start: number,
  end: number,
  expected: number,
): boolean {
  const quote = oldText.slice(start, end);
  const here = contextAgreement(oldText, newText, start, end, expected);
  for (let at = newText.indexOf(quote); at !== -1; at = newText.indexOf(quote, at + 1)) {
    if (at !== expected && contextAgreement(oldText, newText, start, end, at) > here) return false;
  }
  return true;
}

/**
 * Verbatim rule: a span the alignment calls edited or rewritten whose whole quote (at least
 * VERBATIM_MIN_SOLID non-space characters) still occurs verbatim in the new text outside the
 * expected range contradicts the alignment (it paired repeated markup or code by order).
 */
export function verbatimElsewhere(
  oldText: string,
  newText: string,
  start: number,
  end: number,
  expected: [number, number],
): boolean {
  const quote = oldText.slice(start, end);
  if (quote.replace(/\s+/g, '').length < VERBATIM_MIN_SOLID) return false;
  for (let at = newText.indexOf(quote); at !== -1; at = newText.indexOf(quote, at + 1)) {
    if (!(at < expected[1] && expected[0] < at + quote.length)) return true;
  }
  return false;
}
