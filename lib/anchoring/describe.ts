import { AnchoringError, assertSpan, assertText } from './errors';
import type { TextSelector } from './types';
import { snapLeft, snapRight } from './unicode';

/**
 * Context kept on each side of a quote (UTF-16 units): enough to tell repeated passages apart and
 * to find a quote whose own words were edited by the words around it (ADR 21: 128 rather than
 * 64 lowered anchor()'s cross-validated cost from 1,087 to 925); matching cost is linear in it.
 */
export const CONTEXT_LENGTH = 128;

/**
 * Context of reanchor()'s fallback selector matches, made on the old text it holds. 128 measured
 * no better there, where the diff has already placed every span it could (ADR 21: tuning cost
 * 682 → 692, held-out 312 → 312 after retuning), and slower on heavily rewritten revisions.
 */
export const FALLBACK_CONTEXT = 64;

/**
 * Selectors with no more context than this on either side (made by other tools, such as
 * Hypothesis's 32, or by Closeread before ADR 21's 64) are scored by a calibration and threshold
 * fitted on such selectors (thresholds.ts SHORT_CALIBRATION): the same context similarity is
 * weaker evidence over fewer characters.
 */
export const SHORT_CONTEXT = 64;

/**
 * Builds the selector pair for text[start, end). The quote is exactly the span (even if the
 * caller's offsets split a surrogate pair, so anchoring an unchanged text returns them as
 * given); prefix/suffix boundaries are snapped so they never hold half a pair.
 */
export function describe(text: string, start: number, end: number): TextSelector {
  return describeWithContext(text, start, end, CONTEXT_LENGTH);
}

/** describe() with `context` units of prefix and suffix (reanchor's fallback uses fewer). */
export function describeWithContext(
  text: string,
  start: number,
  end: number,
  context: number,
): TextSelector {
  assertText(text);
  assertSpan(text, start, end);
  const p = snapRight(text, Math.max(0, start - context));
  const q = snapLeft(text, Math.min(text.length, end + context));
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.min(p, start), start),
      suffix: text.slice(end, Math.max(q, end)),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/**
 * Checks the runtime shape of a selector (it may come from an import or the network).
 * Missing prefix/suffix are read as '' and a missing position as "unknown" (null), because
 * W3C annotations from other tools often carry only a quote; wrong types are rejected.
 */
export function validateSelector(selector: unknown): {
  exact: string;
  prefix: string;
  suffix: string;
  position: { start: number; end: number } | null;
} {
  const bad = (why: string): never => {
    throw new AnchoringError('INVALID_SELECTOR', `malformed selector: ${why}`);
  };
  if (typeof selector !== 'object' || selector === null) return bad('not an object');
  const { quote, position } = selector as { quote?: unknown; position?: unknown };
  if (typeof quote !== 'object' || quote === null) return bad('missing quote');
  const q = quote as Record<string, unknown>;
  if (q.type !== undefined && q.type !== 'TextQuoteSelector') return bad('quote.type');
  if (typeof q.exact !== 'string' || q.exact.length === 0)
    return bad('quote.exact must be a non-empty string');
  for (const k of ['prefix', 'suffix'] as const) {
    if (q[k] !== undefined && typeof q[k] !== 'string') return bad(`quote.${k} must be a string`);
  }
  let pos: { start: number; end: number } | null = null;
  if (position !== undefined && position !== null) {
    if (typeof position !== 'object') return bad('position');
    const p = position as Record<string, unknown>;
    if (p.type !== undefined && p.type !== 'TextPositionSelector') return bad('position.type');
    const { start, end } = p;
    if (!Number.isInteger(start) || !Number.isInteger(end))
      return bad('position offsets must be integers');
    if ((start as number) < 0 || (start as number) > (end as number)) return bad('position range');
    pos = { start: start as number, end: end as number };
  }
  return {
    exact: q.exact,
    prefix: (q.prefix as string | undefined) ?? '',
    suffix: (q.suffix as string | undefined) ?? '',
    position: pos,
  };
}
