/**
 * How tune.ts picks a setting from measured rows: the false-anchor budgets and the rule that
 * weighs correct answers against false anchors.
 */
import { FALSE_COST, type Metrics } from './evaluate';

/**
 * The false-anchor budgets (2 % for anchor, 0.5 % for reanchor), with a 25 % safety
 * margin because the held-out half will differ from the tuning half.
 */
export const ANCHOR_FALSE_BUDGET = 2 * 0.75;
export const REANCHOR_FALSE_BUDGET = 0.5 * 0.75;

/** Correct answers: intact spans exactly re-found, edited spans overlapped, deleted orphaned. */
export const good = (m: Metrics): number => m.intactExact + m.editedOverlap + m.orphaned;

/**
 * Most correct answers among the settings within the false-anchor budget; when none is within
 * budget, the lowest cost (misses + FALSE_COST x false anchors).
 */
export function choose<T extends { cost: number; good: number; rates: { falseAnchors: number } }>(
  rows: T[],
  budget: number,
): T & { rule: string } {
  const feasible = rows.filter((r) => r.rates.falseAnchors <= budget);
  if (feasible.length > 0) {
    const best = feasible.reduce((a, b) => (b.good > a.good ? b : a));
    return { ...best, rule: `most correct answers with false anchors <= ${budget} %` };
  }
  const best = rows.reduce((a, b) => (b.cost < a.cost ? b : a));
  return {
    ...best,
    rule: `budget ${budget} % unreachable; min misses + ${FALSE_COST} x false anchors`,
  };
}
