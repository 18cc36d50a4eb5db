/**
 * Univariate Parzen estimators of TPE (tpe.md §2.3–2.4): a mixture of one kernel per
 * observation plus a prior kernel, for numeric (truncated normal, discretised for ints and
 * stepped floats, in ln-space for log scales) and categorical parameters.
 */
import type { Rng } from '../core/rng.js';
import { logSumExp } from './normal-math.js';
import { buildCategoricalKernels } from './categorical-kernels.js';
import type { CategoricalKernels } from './categorical-kernels.js';
import { buildNumericKernels } from './numeric-kernels.js';
import type { NumericKernels } from './numeric-kernels.js';
import type { ParamSpec } from './search-space.js';
import { DEFAULT_PARZEN_OPTIONS } from './tpe-defaults.js';
import type { ParzenOptions } from './tpe-defaults.js';

/** A fitted mixture for one parameter. Values are external numbers (choice indices for categoricals). */
export interface ParzenEstimator {
  /** Mixture weights, one per observation then the prior's last; they sum to 1. */
  readonly weights: readonly number[];
  readonly kernels: NumericKernels | CategoricalKernels;
  /** Draws n values: a component by weight, then a value from its kernel. */
  sample(rng: Rng, n: number): number[];
  /** ln density in the parameter's own units (continuous) or ln probability (discrete, categorical). */
  logDensity(x: number): number;
}

/**
 * Fits the estimator of `param` to observations (external values, or choice indices),
 * ordered by trial number since the weights ramp with age.
 */
export function buildParzenEstimator(
  param: ParamSpec,
  observations: readonly number[],
  options: ParzenOptions = DEFAULT_PARZEN_OPTIONS,
): ParzenEstimator {
  const raw = [...options.weights(observations.length), options.priorWeight];
  const total = raw.reduce((s, w) => s + w, 0);
  const weights = raw.map((w) => w / total);
  const logWeights = weights.map((w) => Math.log(w));
  const cumulative: number[] = [];
  weights.reduce((s, w, i) => (cumulative[i] = s + w), 0);
  const kernels =
    param.kind === 'categorical'
      ? buildCategoricalKernels(param.choices.length, observations, options.priorWeight)
      : buildNumericKernels(param, observations, options);
  return {
    weights,
    kernels,
    sample(rng: Rng, n: number): number[] {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push(kernels.sample(rng, rng.pickCumulative(cumulative)));
      return out;
    },
    logDensity(x: number): number {
      return logSumExp(logWeights.map((lw, j) => lw + kernels.logDensity(j, x)));
    },
  };
}
