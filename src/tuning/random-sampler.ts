/**
 * Optuna's RandomSampler (tpe.md §3.1): uniform in the transformed space (ln for log
 * scales, widened by step/2 for discrete values), then mapped back, rounded and clipped.
 * Also TPE's startup sampler, with the same seed.
 */
import type { Rng } from '../core/rng.js';
import { nextDown, roundHalfEven, snapToStep } from './rounding.js';
import type { Sampler } from './sampler.js';
import { streamRng } from './sampler.js';
import type { ParamSpec, ParamValue, Params, SearchSpace } from './search-space.js';
import type { StudyView } from './trial-record.js';

export interface RandomSamplerOptions {
  /** Default 0: studies are deterministic unless a caller asks otherwise. */
  readonly seed?: number;
}

export class RandomSampler implements Sampler {
  readonly name = 'random';
  readonly seed: number;

  constructor(options: RandomSamplerOptions = {}) {
    this.seed = options.seed ?? 0;
  }

  sample(space: SearchSpace, _study: StudyView, number: number): Params {
    const params: Record<string, ParamValue> = {};
    for (const param of space.params) params[param.name] = this.sampleParam(param, number);
    return params;
  }

  /** One parameter of trial `number`, from its own stream. */
  sampleParam(param: ParamSpec, number: number): ParamValue {
    return sampleUniform(param, streamRng(this.seed, 'random', number, param.name));
  }
}

/** A uniform draw of one parameter (tpe.md §3.1). */
export function sampleUniform(param: ParamSpec, rng: Rng): ParamValue {
  if (param.kind === 'categorical') return param.choices[rng.int(0, param.choices.length - 1)]!;
  const { low, high, log, step } = param;
  if (low === high) return low;
  if (param.kind === 'int' && log) {
    // Log ints: uniform on [ln(low − ½), ln(high + ½)], then round in linear space.
    const x = Math.exp(rng.uniform(Math.log(low - 0.5), Math.log(high + 0.5)));
    return Math.min(Math.max(roundHalfEven(x), low), high);
  }
  if (step !== undefined) return snapToStep(rng.uniform(low - step / 2, high + step / 2), low, high, step);
  const x = log ? Math.exp(rng.uniform(Math.log(low), Math.log(high))) : rng.uniform(low, high);
  // exp(ln x) can land a hair outside the bounds; Optuna also keeps floats strictly below high.
  return Math.min(Math.max(x, low), nextDown(high));
}
