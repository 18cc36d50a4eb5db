export type {
  CategoricalParam,
  CategoricalValue,
  FloatParam,
  IntParam,
  NumericOptions,
  NumericParam,
  ParamSpec,
  ParamValue,
  Params,
  SearchSpace,
} from './search-space.js';
export { categoricalParam, findParam, floatParam, intParam } from './search-space.js';
export { defineSearchSpace, parseSearchSpace } from './space-validation.js';
export type { NameRule, ValidationOptions } from './space-validation.js';
export { defaultSearchSpace, loadSearchSpace } from './space-config.js';
export {
  CLAIRSCORE_PARAM_NAMES,
  CLASS_WEIGHTINGS,
  LIGHTGBM_ALIASES,
  LIGHTGBM_PARAM_NAMES,
} from './lightgbm-params.js';

export type { Sampler } from './sampler.js';
export { RandomSampler } from './random-sampler.js';
export type { RandomSamplerOptions } from './random-sampler.js';
export { GridSampler, MAX_GRID_COMBINATIONS } from './grid-sampler.js';
export type { GridSamplerOptions } from './grid-sampler.js';
export { TpeSampler } from './tpe-sampler.js';
export type { TpeEstimators, TpeSamplerOptions } from './tpe-sampler.js';
export { buildParzenEstimator } from './parzen-estimator.js';
export type { ParzenEstimator } from './parzen-estimator.js';
export { DEFAULT_PARZEN_OPTIONS, defaultGamma, defaultWeights, hyperoptGamma } from './tpe-defaults.js';
export type { ParzenOptions } from './tpe-defaults.js';

export type { Pruner, RunningTrial } from './pruner.js';
export { NopPruner } from './pruner.js';
export { MedianPruner, PercentilePruner } from './median-pruner.js';
export type { PercentilePrunerOptions } from './median-pruner.js';

export { Study } from './study.js';
export type { Objective, OptimizeOptions, StudyOptions, StudyRecord } from './study.js';
export { Trial, TrialPruned } from './trial.js';
export { bestTrial } from './trial-record.js';
export { trialsFromJson } from './trial-json.js';
export type { Direction, FrozenTrial, IntermediateValue, StudyView, TrialState } from './trial-record.js';

export { compareSamplers, convergenceCurve } from './compare-samplers.js';
export type {
  CompareOptions,
  ConvergencePoint,
  SamplerComparison,
  SamplerEntry,
  SamplerRun,
  SamplerSummary,
} from './compare-samplers.js';
export { quartiles } from './stats.js';
export type { Quartiles } from './stats.js';
export { BRANIN, HARTMANN6, NOISY_QUADRATIC, TEST_FUNCTIONS } from './test-functions.js';
export type { TestFunction } from './test-functions.js';
