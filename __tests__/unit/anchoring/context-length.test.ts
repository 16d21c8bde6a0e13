/**
 * describe() keeps CONTEXT_LENGTH (128) characters of context; selectors with at most
 * SHORT_CONTEXT (64) on both sides — other tools' (Hypothesis keeps 32) and Closeread's own
 * before ADR 21 — are scored by the calibration fitted on such selectors (SHORT_CALIBRATION),
 * and describe()'s by anchorModel() (ADR 22). reanchor()'s fallback keeps FALLBACK_CONTEXT.
 */
import { anchor, CONTEXT_LENGTH, describe as describeSpan } from '@/lib/anchoring';
import { locate } from '@/lib/anchoring/anchor';
import { anchorModel } from '@/lib/anchoring/anchor-model';
import { FEATURE_NAMES } from '@/lib/anchoring/calibrate';
import { FALLBACK_CONTEXT, SHORT_CONTEXT } from '@/lib/anchoring/describe';
import { SHORT_CALIBRATION } from '@/lib/anchoring/thresholds';

const OLD = Array.from(
  { length: 12 },
  (_, i) => `Paragraph ${i} says something about anchors, revisions and the words that matter.`,
).join('\n\n');
// The revision rewrites the words right before the quote and keeps the rest.
const NEW = OLD.replace('Paragraph 5 says something', 'Paragraph five now says a thing');

const cut = (sel: ReturnType<typeof describeSpan>, n: number) => ({
  ...sel,
  quote: { ...sel.quote, prefix: sel.quote.prefix.slice(-n), suffix: sel.quote.suffix.slice(0, n) },
});

describe('context length', () => {
  const start = OLD.indexOf('about anchors', OLD.indexOf('Paragraph 5'));
  const full = describeSpan(OLD, start, start + 13);

  it('describe() keeps 128 characters each side; the fallback and short-context bounds are 64', () => {
    expect(CONTEXT_LENGTH).toBe(128);
    expect(full.quote.prefix).toHaveLength(128);
    expect(full.quote.suffix).toHaveLength(128);
    expect(SHORT_CONTEXT).toBe(64);
    expect(FALLBACK_CONTEXT).toBe(64);
    expect(SHORT_CALIBRATION).toHaveLength(FEATURE_NAMES.length);
  });

  it.each([
    ['describe()', 128, anchorModel()],
    ['up to 64 characters', 64, SHORT_CALIBRATION],
    ['Hypothesis-sized', 32, SHORT_CALIBRATION],
  ])('scores a %s selector with its own calibration', (_name, n, model) => {
    const sel = cut(full, n);
    const found = anchor(NEW, sel, { threshold: 0 });
    const expected = locate(NEW, sel, undefined, undefined, model);
    expect(found).not.toBeNull();
    expect(expected).not.toBeNull();
    expect(found!.start).toBe(expected!.start);
    expect(found!.confidence).toBeCloseTo(expected!.confidence, 3);
  });

  it('counts context that survived farther away: more of it, more confidence in the right place', () => {
    const paras = [
      'The harbour master kept a ledger of every ship that entered after dark, and the council discussed it each spring.',
      'Lanterns along the northern pier were replaced twice in one decade; the council discussed the cost at length.',
      'A storm in the autumn of that year flooded the lower warehouses, which the council discussed for a month.',
      'Fishermen petitioned for a second breakwater beyond the old lighthouse, and the council discussed their plea.',
      'The ferry timetable changed when the railway reached the town, a change the council discussed without haste.',
    ];
    const before = paras.join('\n\n');
    // The words right around one "discussed" are rewritten; the rest of its paragraph stays.
    const after = before.replace(
      ', and the council discussed their plea.',
      '; members discussed it.',
    );
    const s = before.indexOf('discussed their plea');
    const sel = describeSpan(before, s, s + 9);
    const at = after.indexOf('discussed it.');
    const found = [128, 64, 32].map((n) => anchor(after, cut(sel, n), { threshold: 0 }));
    for (const f of found) expect(f).toMatchObject({ start: at, end: at + 9 });
    const [c128, c64, c32] = found.map((f) => f!.confidence);
    expect(c128).toBeGreaterThan(c64!);
    expect(c64).toBeGreaterThan(c32!);
  });
});
