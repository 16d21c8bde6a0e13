/**
 * A boosted ensemble of small decision trees turning a candidate's features into a probability
 * (anchor()'s calibration, ADR 22). Fitted by scripts/anchoring-corpus/boosting.ts on the
 * tuning half of the corpus; this file only evaluates one.
 *
 * Node encoding, kept compact because the model is generated JSON: an internal node is
 * [feature index, threshold, left child, right child] and goes left when input <= threshold; a
 * leaf is [value]. Children are indices into the tree's node array; the root is node 0.
 */
export type BoostedNode = readonly [number] | readonly [number, number, number, number];

export type BoostedModel = {
  /** Names of the inputs, in order (calibrate.ts BOOSTED_INPUTS), checked when loading. */
  readonly inputs: readonly string[];
  /** Log-odds before any tree. */
  readonly base: number;
  readonly trees: readonly (readonly BoostedNode[])[];
};

export function isBoostedModel(m: unknown): m is BoostedModel {
  return typeof m === 'object' && m !== null && Array.isArray((m as BoostedModel).trees);
}

/** Log-odds of `x` under the model. */
export function boostedLogOdds(model: BoostedModel, x: readonly number[]): number {
  let z = model.base;
  for (const tree of model.trees) {
    let node = tree[0]!;
    while (node.length === 4) node = tree[x[node[0]]! <= node[1] ? node[2] : node[3]]!;
    z += node[0];
  }
  return z;
}

export function boostedProbability(model: BoostedModel, x: readonly number[]): number {
  return 1 / (1 + Math.exp(-boostedLogOdds(model, x)));
}
