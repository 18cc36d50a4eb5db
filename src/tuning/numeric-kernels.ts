/**
 * Truncated-normal kernels of a numeric Parzen estimator (tpe.md §2.4): one per observation
 * at the observation, plus the prior at the middle of the range with sigma = range.
 * Everything lives in the transformed space: ln for log scales, bounds widened by step/2 for
 * ints and stepped floats so each grid value owns a cell of equal width.
 */
import type { Rng } from '../core/rng.js';
import type { ParzenOptions } from './tpe-defaults.js';
import { snapToStep } from './rounding.js';
import type { NumericParam } from './search-space.js';
import { logNormalPdf } from './normal-math.js';
import { logNormalMass, sampleTruncatedNormal } from './truncated-normal.js';

/** Kernels in the transformed space; the prior is the last one. */
export interface NumericKernels {
  readonly kind: 'numeric';
  readonly mus: readonly number[];
  readonly sigmas: readonly number[];
  /** Transformed support (ln-space for log scales, widened by step/2 when discrete). */
  readonly low: number;
  readonly high: number;
  /** A value in the parameter's units from kernel j. */
  sample(rng: Rng, j: number): number;
  /** ln density (continuous, per unit of the parameter) or ln probability (discrete) under kernel j. */
  logDensity(j: number, x: number): number;
}

/**
 * Optuna's univariate bandwidth: each kernel spans the larger gap to its sorted neighbours
 * (the bounds count as neighbours); without consider_endpoints the first and last kernels
 * take the gap on their inner side only.
 */
export function neighbourBandwidths(
  mus: readonly number[],
  low: number,
  high: number,
  considerEndpoints: boolean,
): number[] {
  const order = mus.map((_, i) => i).sort((a, b) => mus[a]! - mus[b]!);
  const s = [low, ...order.map((i) => mus[i]!), high];
  const sorted = order.map((_, k) => Math.max(s[k + 1]! - s[k]!, s[k + 2]! - s[k + 1]!));
  if (!considerEndpoints && s.length >= 4) {
    sorted[0] = s[2]! - s[1]!;
    sorted[sorted.length - 1] = s[s.length - 2]! - s[s.length - 3]!;
  }
  const sigmas = new Array<number>(mus.length);
  order.forEach((original, k) => (sigmas[original] = sorted[k]!));
  return sigmas;
}

export function buildNumericKernels(
  param: NumericParam,
  observations: readonly number[],
  options: ParzenOptions,
): NumericKernels {
  const step = param.step;
  const to = param.log ? Math.log : (x: number): number => x;
  const low = to(step === undefined ? param.low : param.low - step / 2);
  const high = to(step === undefined ? param.high : param.high + step / 2);
  const mus = observations.map(to);
  const range = high - low;
  // Magic clip: no kernel narrower than range / min(100, 1 + n_kernels), n_kernels counting the prior.
  const minSigma = options.considerMagicClip ? range / Math.min(100, 1 + mus.length + 1) : 1e-12;
  const priorMu = (low + high) / 2;
  // Optuna's code (3.x to 4.x) counts the prior's centre as a neighbour when measuring gaps,
  // which tpe.md's pseudo-code leaves out; both are offered, Optuna's by default.
  const neighbours = options.priorInBandwidth ? [...mus, priorMu] : mus;
  const sigmas = neighbourBandwidths(neighbours, low, high, options.considerEndpoints)
    .slice(0, mus.length)
    .map((s) => Math.min(Math.max(s, minSigma), range));
  mus.push(priorMu);
  sigmas.push(range);
  const logSupport = mus.map((mu, j) => logNormalMass(mu, sigmas[j]!, low, high));
  const logSigmas = sigmas.map(Math.log);

  return {
    kind: 'numeric',
    mus,
    sigmas,
    low,
    high,
    sample(rng: Rng, j: number): number {
      const t = sampleTruncatedNormal(rng, mus[j]!, sigmas[j]!, low, high);
      const x = param.log ? Math.exp(t) : t;
      if (step !== undefined) return snapToStep(x, param.low, param.high, step);
      return Math.min(Math.max(x, param.low), param.high);
    },
    logDensity(j: number, x: number): number {
      if (step === undefined) {
        const t = to(x);
        if (!(t >= low && t <= high)) return -Infinity;
        const scale = options.omitKernelScale ? 0 : logSigmas[j]!;
        const logPdf = logNormalPdf((t - mus[j]!) / sigmas[j]!) - scale - logSupport[j]!;
        // Per unit of x, not of ln x: the Jacobian makes the density integrate to 1 over [low, high].
        return param.log ? logPdf - t : logPdf;
      }
      const cellLow = to(x - step / 2);
      const cellHigh = to(x + step / 2);
      return logNormalMass(mus[j]!, sigmas[j]!, cellLow, cellHigh) - logSupport[j]!;
    },
  };
}
