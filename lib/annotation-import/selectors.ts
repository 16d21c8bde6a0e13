/**
 * Selector handling shared by the W3C and Hypothesis parsers: a loose zod shape (foreign tools
 * add their own selector types and fields) and the extraction of quote, position and paragraph.
 */
import { z } from 'zod';
import type { ImportedPosition, ImportedQuote } from './types';

export type RawSelector = {
  type: string;
  value?: string;
  exact?: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
  refinedBy?: RawSelector | RawSelector[];
};

const offset = z.number().int().min(0);

export const selectorSchema: z.ZodType<RawSelector> = z.lazy(() =>
  z
    .object({
      type: z.string().min(1),
      value: z.string().optional(),
      exact: z.string().optional(),
      prefix: z.string().optional(),
      suffix: z.string().optional(),
      start: offset.optional(),
      end: offset.optional(),
      refinedBy: z.union([selectorSchema, z.array(selectorSchema)]).optional(),
    })
    .passthrough()
    .superRefine((s, ctx) => {
      if (s.type === 'TextQuoteSelector' && s.exact === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['exact'],
          message: 'A TextQuoteSelector needs exact',
        });
      }
      if (s.type === 'TextPositionSelector') {
        if (s.start === undefined || s.end === undefined) {
          ctx.addIssue({ code: 'custom', path: ['start'], message: 'Give start and end' });
        } else if (s.end < s.start) {
          ctx.addIssue({ code: 'custom', path: ['end'], message: 'end is before start' });
        }
      }
    }),
);

export const selectorListSchema = z.union([selectorSchema, z.array(selectorSchema)]);

export type SelectorFacts = {
  quote: ImportedQuote | null;
  position: ImportedPosition | null;
  blockKeyHint: string | null;
};

const list = <T>(v: T | T[] | undefined): T[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

/** `p-<key>` (Closeread's paragraph fragment, optionally with a leading `#`) → key. */
function blockKeyOf(s: RawSelector): string | null {
  if (s.type !== 'FragmentSelector' || !s.value) return null;
  const m = /^#?p-([A-Za-z0-9_-]{1,40})$/.exec(s.value.trim());
  return m ? m[1]! : null;
}

/**
 * Collects the first quote and the best position among (possibly refined) alternatives. A
 * position inside a paragraph fragment beats one on the whole text: it survives edits elsewhere.
 */
export function readSelectors(selectors: RawSelector | RawSelector[] | undefined): SelectorFacts {
  const facts: SelectorFacts = { quote: null, position: null, blockKeyHint: null };
  const visit = (s: RawSelector, blockKey: string | null) => {
    const key = blockKeyOf(s);
    if (key) {
      facts.blockKeyHint ??= key;
      for (const r of list(s.refinedBy)) visit(r, key);
      return;
    }
    if (s.type === 'TextQuoteSelector' && s.exact !== undefined && !facts.quote) {
      facts.quote = { exact: s.exact, prefix: s.prefix ?? '', suffix: s.suffix ?? '' };
    }
    if (s.type === 'TextPositionSelector' && s.start !== undefined && s.end !== undefined) {
      if (!facts.position || (facts.position.blockKey === null && blockKey !== null)) {
        facts.position = { start: s.start, end: s.end, blockKey };
      }
    }
    // Other selector types (RangeSelector, CssSelector, …) describe a DOM we do not have.
    for (const r of list(s.refinedBy)) visit(r, blockKey);
  };
  for (const s of list(selectors)) visit(s, null);
  return facts;
}
