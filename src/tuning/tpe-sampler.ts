/**
 * Tree-structured Parzen Estimator with Optuna 4.x defaults, independent (univariate) mode
 * (tpe.md §2.1–2.4). Per parameter: split past trials into good/bad, fit l(x) and g(x), draw
 * 24 candidates from l and keep the one maximising ln l(x) − ln g(x).
 */
import { buildParzenEstimator } from './parzen-estimator.js';
import type { ParzenEstimator } from './parzen-estimator.js';
import { RandomSampler } from './random-sampler.js';
import type { Sampler } from './sampler.js';
import { streamRng } from './sampler.js';
import type { ParamSpec, ParamValue, Params, SearchSpace } from './search-space.js';
import { DEFAULT_PARZEN_OPTIONS, defaultGamma } from './tpe-defaults.js';
import type { ParzenOptions } from './tpe-defaults.js';
import type { FrozenTrial, StudyView } from './trial-record.js';
import { splitTrials } from './trial-split.js';
import type { TrialSplit } from './trial-split.js';

export interface TpeSamplerOptions extends Partial<ParzenOptions> {
  /** Default 0; the startup RandomSampler gets the same seed. */
  readonly seed?: number;
  /** Random sampling until this many trials are COMPLETE or PRUNED (default 10). */
  readonly nStartupTrials?: number;
  /** Candidates drawn from l(x) per parameter (default 24). */
  readonly nEiCandidates?: number;
  /** Number of "below" trials among n (default min(ceil(0.1·n), 25)). */
  readonly gamma?: (n: number) => number;
}

/** The two estimators TPE fitted for one parameter (for tests and diagnostics). */
export interface TpeEstimators {
  readonly below: ParzenEstimator;
  readonly above: ParzenEstimator;
}

export class TpeSampler implements Sampler {
  readonly name = 'tpe';
  readonly seed: number;
  readonly nStartupTrials: number;
  readonly nEiCandidates: number;
  private readonly gamma: (n: number) => number;
  private readonly parzen: ParzenOptions;
  private readonly startup: RandomSampler;

  constructor(options: TpeSamplerOptions = {}) {
    this.seed = options.seed ?? 0;
    this.nStartupTrials = options.nStartupTrials ?? 10;
    this.nEiCandidates = options.nEiCandidates ?? 24;
    this.gamma = options.gamma ?? defaultGamma;
    this.parzen = {
      priorWeight: options.priorWeight ?? DEFAULT_PARZEN_OPTIONS.priorWeight,
      considerMagicClip: options.considerMagicClip ?? DEFAULT_PARZEN_OPTIONS.considerMagicClip,
      considerEndpoints: options.considerEndpoints ?? DEFAULT_PARZEN_OPTIONS.considerEndpoints,
      priorInBandwidth: options.priorInBandwidth ?? DEFAULT_PARZEN_OPTIONS.priorInBandwidth,
      omitKernelScale: options.omitKernelScale ?? DEFAULT_PARZEN_OPTIONS.omitKernelScale,
      weights: options.weights ?? DEFAULT_PARZEN_OPTIONS.weights,
    };
    this.startup = new RandomSampler({ seed: this.seed });
  }

  sample(space: SearchSpace, study: StudyView, number: number): Params {
    const params: Record<string, ParamValue> = {};
    const usable = usableTrials(study.trials);
    if (usable.length < this.nStartupTrials) {
      for (const param of space.params) params[param.name] = this.startup.sampleParam(param, number);
      return params;
    }
    const split = splitTrials(usable, this.gamma(usable.length), study.direction);
    for (const param of space.params) params[param.name] = this.sampleParam(param, split, number);
    return params;
  }

  /** l(x) from the good trials and g(x) from the others, for one parameter. */
  estimators(param: ParamSpec, study: StudyView): TpeEstimators {
    const usable = usableTrials(study.trials);
    return this.fit(param, splitTrials(usable, this.gamma(usable.length), study.direction));
  }

  private fit(param: ParamSpec, split: TrialSplit): TpeEstimators {
    return {
      below: buildParzenEstimator(param, observations(param, split.below), this.parzen),
      above: buildParzenEstimator(param, observations(param, split.above), this.parzen),
    };
  }

  private sampleParam(param: ParamSpec, split: TrialSplit, number: number): ParamValue {
    if (param.kind === 'categorical' ? param.choices.length === 1 : param.low === param.high) {
      return param.kind === 'categorical' ? param.choices[0]! : param.low;
    }
    const { below, above } = this.fit(param, split);
    const candidates = below.sample(streamRng(this.seed, 'tpe', number, param.name), this.nEiCandidates);
    let best = 0;
    let bestScore = -Infinity;
    candidates.forEach((x, i) => {
      const score = below.logDensity(x) - above.logDensity(x);
      // Strictly greater keeps the first maximum, as numpy.argmax does.
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    const x = candidates[best]!;
    return param.kind === 'categorical' ? param.choices[x]! : x;
  }
}

/** COMPLETE and PRUNED trials: the ones TPE learns from (FAIL carries no value). */
function usableTrials(trials: readonly FrozenTrial[]): FrozenTrial[] {
  return trials.filter((t) => t.state === 'COMPLETE' || t.state === 'PRUNED');
}

/**
 * The parameter's values in trials that have it, in trial order: numbers for numeric
 * parameters, choice indices for categoricals. Values the current space excludes (a study
 * resumed with a narrower space) are dropped rather than stretching the kernels.
 */
function observations(param: ParamSpec, trials: readonly FrozenTrial[]): number[] {
  const out: number[] = [];
  for (const trial of trials) {
    const value = trial.params[param.name];
    if (value === undefined) continue;
    if (param.kind === 'categorical') {
      const index = param.choices.indexOf(value);
      if (index >= 0) out.push(index);
    } else if (typeof value === 'number' && value >= param.low && value <= param.high) {
      out.push(value);
    }
  }
  return out;
}
