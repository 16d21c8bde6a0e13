/**
 * anchor()'s calibration for selectors with describe()'s full context: boosted trees generated
 * by scripts/anchoring-corpus/tune.ts into anchor-model.json (ADR 22). Do not hand-edit the JSON.
 */
import type { BoostedModel } from './boosted';
import { BOOSTED_INPUTS } from './calibrate';
import generated from './anchor-model.json';

/** Rejects a model fitted on other inputs (a stale file) instead of scoring nonsense. */
export function checkedModel(m: unknown): BoostedModel {
  const model = m as BoostedModel;
  const inputs = model?.inputs;
  if (
    !Array.isArray(model?.trees) ||
    !Array.isArray(inputs) ||
    inputs.length !== BOOSTED_INPUTS.length ||
    inputs.some((name, i) => name !== BOOSTED_INPUTS[i])
  )
    throw new Error('anchor-model.json does not match calibrate.ts BOOSTED_INPUTS: rerun tune.ts');
  return model;
}

export const ANCHOR_MODEL: BoostedModel = checkedModel(generated);
