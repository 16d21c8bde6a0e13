import { AnchoringError, assertSpan, assertText } from './errors';
import type { TextSelector } from './types';
import { snapLeft, snapRight } from './unicode';

/** Context kept on each side of a quote; enough to disambiguate, short enough to survive edits. */
export const CONTEXT_LENGTH = 64;

/**
 * Builds the selector pair for text[start, end). The quote is exactly the span (even if the
 * caller's offsets split a surrogate pair, so anchoring an unchanged text returns them as
 * given); prefix/suffix boundaries are snapped so they never hold half a pair.
 */
export function describe(text: string, start: number, end: number): TextSelector {
  assertText(text);
  assertSpan(text, start, end);
  const p = snapRight(text, Math.max(0, start - CONTEXT_LENGTH));
  const q = snapLeft(text, Math.min(text.length, end + CONTEXT_LENGTH));
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
