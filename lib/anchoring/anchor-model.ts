/**
 * anchor()'s calibration for selectors with describe()'s full context: boosted trees generated
 * by scripts/anchoring-corpus/tune.ts into anchor-model.json (ADR 22). Do not hand-edit the JSON.
 */
import { isBoostedModel, type BoostedModel } from './boosted';
import { BOOSTED_INPUTS } from './calibrate';
import generated from './anchor-model.json';

/** Rejects a model fitted on other inputs (a stale file) instead of scoring nonsense. */
export function checkedModel(m: unknown): BoostedModel {
  const inputs = isBoostedModel(m) ? m.inputs : undefined;
  if (
    !Array.isArray(inputs) ||
    inputs.length !== BOOSTED_INPUTS.length ||
    inputs.some((name, i) => name !== BOOSTED_INPUTS[i])
  )
    throw new Error('anchor-model.json does not match calibrate.ts BOOSTED_INPUTS: rerun tune.ts');
  return m as BoostedModel;
}

let checked: BoostedModel | undefined;

/**
 * The shipped model, checked on first use rather than on import: a stale file must not stop
 * tune.ts (which imports this module too, and never scores with the shipped model) from
 * writing its replacement.
 */
export function anchorModel(): BoostedModel {
  checked ??= checkedModel(generated);
  return checked;
}
