/**
 * Optuna 4.x TPE defaults (tpe.md §2.1, §2.3): how many trials count as "good" and how
 * observations are weighted in the Parzen mixtures.
 */

/** Optuna's default_gamma: the number of "below" (good) trials among n, min(ceil(0.1·n), 25). */
export function defaultGamma(n: number): number {
  return Math.min(Math.ceil(0.1 * n), 25);
}

/** Hyperopt's gamma, min(ceil(0.25·√n), 25); kept for comparison, not the default. */
export function hyperoptGamma(n: number): number {
  return Math.min(Math.ceil(0.25 * Math.sqrt(n)), 25);
}

/**
 * Optuna's default_weights for k observations ordered by trial number: all 1 below 25;
 * above, the oldest k−25 ramp linearly from 1/k to 1 and the 25 most recent weigh 1.
 */
export function defaultWeights(k: number): number[] {
  if (k === 0) return [];
  if (k < 25) return new Array<number>(k).fill(1);
  const ramp = linspace(1 / k, 1, k - 25);
  return [...ramp, ...new Array<number>(25).fill(1)];
}

/** The knobs of tpe.md §2.1 that shape an estimator; defaults are Optuna 4.x's. */
export interface ParzenOptions {
  readonly priorWeight: number;
  readonly considerMagicClip: boolean;
  readonly considerEndpoints: boolean;
  /** Count the prior's centre among the neighbours of the bandwidth rule, as Optuna's code does. */
  readonly priorInBandwidth: boolean;
  /**
   * Optuna <= 3.1 left −ln σ out of a continuous kernel's log density (fixed in later releases);
   * on only to reproduce Debian's python3-optuna 3.1 side by side.
   */
  readonly omitKernelScale: boolean;
  readonly weights: (k: number) => number[];
}

export const DEFAULT_PARZEN_OPTIONS: ParzenOptions = {
  priorWeight: 1.0,
  considerMagicClip: true,
  considerEndpoints: false,
  priorInBandwidth: true,
  omitKernelScale: false,
  weights: defaultWeights,
};

/** numpy.linspace(start, stop, num) with the endpoint included. */
function linspace(start: number, stop: number, num: number): number[] {
  if (num <= 0) return [];
  if (num === 1) return [start];
  const step = (stop - start) / (num - 1);
  return Array.from({ length: num }, (_, i) => (i === num - 1 ? stop : start + i * step));
}
