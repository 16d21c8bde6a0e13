/**
 * How tune.ts picks a setting from measured rows: the false-anchor budgets and the cost that
 * weighs missed answers against false anchors.
 */
import { cost, FALSE_COST, rates, type Metrics } from './evaluate';

/**
 * The false-anchor budgets (2 % for anchor, 0.5 % for reanchor), with a 25 % safety
 * margin because the held-out half will differ from the tuning half.
 */
export const ANCHOR_FALSE_BUDGET = 2 * 0.75;
export const REANCHOR_FALSE_BUDGET = 0.5 * 0.75;

/** Correct answers: intact spans exactly re-found, edited spans overlapped, deleted orphaned. */
export const good = (m: Metrics): number => m.intactExact + m.editedOverlap + m.orphaned;

/** What choose() needs of a measured setting (kept in the tuning report too). */
export type Measured = {
  cost: number;
  good: number;
  rates: ReturnType<typeof rates>;
  /** Intact spans not re-found exactly plus edited spans not overlapped. */
  misses: number;
  falseAnchors: number;
  cases: number;
};

export function measure(m: Metrics): Measured {
  const c = cost(m);
  return {
    cost: c,
    good: good(m),
    rates: rates(m),
    misses: c - FALSE_COST * m.falseAnchors,
    falseAnchors: m.falseAnchors,
    cases: m.total,
  };
}

/**
 * The cost a setting is chosen by: missed answers, plus false anchors that fit the budget at
 * the price of a miss each, plus FALSE_COST for each false anchor beyond it.
 *
 * Continuous on purpose (ADR 17). The rule before was lexicographic: the most correct answers
 * among settings within the budget, else the lowest `cost`. When more tuning data made the
 * reanchor budget reachable, it jumped to a setting that paid eleven correct answers per false
 * anchor avoided. Here a false anchor within the budget still costs as much as a miss (the
 * old rule counted it as free), and one beyond it costs FALSE_COST misses, whether or not any
 * setting meets the budget.
 */
export function budgetCost(r: Measured, budget: number): number {
  const allowed = Math.floor((budget / 100) * r.cases);
  const within = Math.min(r.falseAnchors, allowed);
  return r.misses + within + FALSE_COST * (r.falseAnchors - within);
}

export const ruleText = (budget: number): string =>
  `min misses + false anchors within ${budget} % + ${FALSE_COST} x false anchors beyond`;

/** The row with the lowest budgetCost (the first of equals, so the base row wins ties). */
export function choose<T extends Measured>(rows: T[], budget: number): T & { rule: string } {
  const best = rows.reduce((a, b) => (budgetCost(b, budget) < budgetCost(a, budget) ? b : a));
  return { ...best, rule: ruleText(budget) };
}
