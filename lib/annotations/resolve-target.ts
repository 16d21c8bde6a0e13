/**
 * A W3C-style `target` (selectors) resolved to a span on the latest revision, for API clients
 * that describe what they annotate instead of giving block offsets.
 */
import { z } from 'zod';
import { anchor, fromCodePointOffset } from '../anchoring';
import { AppError } from '../errors/app-error';

const quoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(10_000),
  prefix: z.string().max(1_000).default(''),
  suffix: z.string().max(1_000).default(''),
});
const positionSelector = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
const simpleSelector = z.union([quoteSelector, positionSelector]);
const fragmentSelector = z.object({
  type: z.literal('FragmentSelector'),
  value: z.string().regex(/^p-[A-Za-z0-9_-]+$/, 'value must be p-<blockKey>'),
  refinedBy: z.union([simpleSelector, z.array(simpleSelector).max(4)]).optional(),
});
const selector = z.union([fragmentSelector, quoteSelector, positionSelector]);

export const targetSchema = z.union([
  z.object({ selector: z.union([selector, z.array(selector).min(1).max(4)]) }).passthrough(),
  z
    .array(
      z.object({ selector: z.union([selector, z.array(selector).min(1).max(4)]) }).passthrough(),
    )
    .min(1)
    .max(1),
]);

type Block = { key: string; text: string };
const SEPARATOR = '\n\n';

/** Finds the span; throws BAD_REQUEST when the selectors match nothing in the current text. */
export function resolveTarget(
  target: z.infer<typeof targetSchema>,
  blocks: Block[],
): { blockKey: string; endBlockKey: string; start: number; end: number } {
  const t = Array.isArray(target) ? target[0]! : target;
  const list = Array.isArray(t.selector) ? t.selector : [t.selector];
  const fragment = list.find((s) => s.type === 'FragmentSelector') as
    z.infer<typeof fragmentSelector> | undefined;
  const refined = fragment?.refinedBy
    ? Array.isArray(fragment.refinedBy)
      ? fragment.refinedBy
      : [fragment.refinedBy]
    : [];
  const all = [...list.filter((s) => s.type !== 'FragmentSelector'), ...refined] as z.infer<
    typeof simpleSelector
  >[];
  const quote = all.find((s) => s.type === 'TextQuoteSelector') as
    z.infer<typeof quoteSelector> | undefined;
  const position = all.find((s) => s.type === 'TextPositionSelector') as
    z.infer<typeof positionSelector> | undefined;

  const scope = fragment ? blocks.filter((b) => `p-${b.key}` === fragment.value) : blocks;
  if (fragment && scope.length === 0)
    throw new AppError('BAD_REQUEST', `No paragraph ${fragment.value} in the current revision.`);
  const text = scope.map((b) => b.text).join(SEPARATOR);
  // W3C positions count code points; our offsets are UTF-16.
  const pos = position
    ? {
        start: fromCodePointOffset(text, position.start),
        end: fromCodePointOffset(text, position.end),
      }
    : { start: 0, end: 0 };
  let span: { start: number; end: number } | null = null;
  if (quote) {
    const found = anchor(text, {
      quote: { ...quote },
      position: { type: 'TextPositionSelector', ...pos },
    });
    span = found ? { start: found.start, end: found.end } : null;
    // A short quote with no context scores low, but a client that names it where it occurs
    // exactly once means that occurrence.
    const at = text.indexOf(quote.exact);
    if (!span && at >= 0 && text.indexOf(quote.exact, at + 1) < 0)
      span = { start: at, end: at + quote.exact.length };
  } else if (position && pos.end > pos.start && pos.end <= text.length) {
    span = pos;
  }
  if (!span)
    throw new AppError('BAD_REQUEST', 'The target selectors do not match the current text.', {
      fields: { target: ['No match'] },
    });
  let at = 0;
  let first = -1;
  let last = -1;
  let start = 0;
  let end = 0;
  scope.forEach((b, i) => {
    const bEnd = at + b.text.length;
    if (first < 0 && span!.start < bEnd + SEPARATOR.length) {
      first = i;
      start = Math.max(0, span!.start - at);
    }
    if (span!.end > at && last < 0 && span!.end <= bEnd + SEPARATOR.length) {
      last = i;
      end = Math.min(b.text.length, span!.end - at);
    }
    at = bEnd + SEPARATOR.length;
  });
  if (first < 0 || last < 0) throw new AppError('BAD_REQUEST', 'The target is outside the text.');
  return { blockKey: scope[first]!.key, endBlockKey: scope[last]!.key, start, end };
}
