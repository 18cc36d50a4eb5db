/**
 * From a trial's sampled values to LightGBM parameters: the training defaults, then the
 * sampled values, with Clairscore's own `class_weighting` turned into `is_unbalance`.
 */
import type { LightGbmParams } from '../../model/index.js';
import type { Params } from '../search-space.js';

/** Parameters fixed when the binned dataset is built: a trial changing them gets its own dataset. */
export const DATASET_PARAMS: readonly string[] = ['max_bin', 'min_data_in_bin'];

/** LightGBM parameters for a trial: `base` overridden by the sampled values. */
export function lightgbmParamsFor(sampled: Params, base: LightGbmParams = {}): LightGbmParams {
  const params: Record<string, LightGbmParams[string]> = { ...base };
  for (const [name, value] of Object.entries(sampled)) {
    if (name === 'class_weighting') params['is_unbalance'] = value === 'is_unbalance';
    else params[name] = value;
  }
  return params;
}

/**
 * The sampled values as a `clairscore train --params` file: LightGBM names only (class
 * weighting as is_unbalance), so it reads the same to `train`, LightGBM's CLI or Python.
 */
export function paramsFileContent(sampled: Params): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(lightgbmParamsFor(sampled))) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      out[name] = value;
  }
  return out;
}
