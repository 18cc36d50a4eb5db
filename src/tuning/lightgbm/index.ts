// LightGBM tuning: the cross-validated objective, studies on disk with every trial tracked as a
// child run, and the sampler comparison. Apart from ../index.ts so that the search core stays
// free of training, tracking and the native library.
export { CvObjective } from './cv-objective.js';
export type { CvObjectiveOptions, FoldOutcome, TrialCv } from './cv-objective.js';
export { DATASET_PARAMS, lightgbmParamsFor, paramsFileContent } from './trial-params.js';
export { runTuning } from './tune-study.js';
export type { TuneOptions, TuneReport } from './tune-study.js';
export { runComparison } from './compare-run.js';
export type { CompareRunOptions, CompareRunReport, ComparisonDocument } from './compare-run.js';
export { comparisonSvg } from './comparison-chart.js';
export { createPruner, createSampler, defaultStudyName, newConfig, resumedConfig } from './study-config.js';
export type { RequestedConfig } from './study-config.js';
export {
  BEST_PARAMS_FILE,
  COMPARISON_JSON,
  COMPARISON_SVG,
  PRUNER_NAMES,
  readStudy,
  SAMPLER_NAMES,
  spaceToJson,
  STUDY_FILE,
  studyDir,
  TRIALS_FILE,
  tuningDir,
} from './study-files.js';
export type {
  PrunerName,
  SamplerName,
  StoredTrial,
  StudyConfig,
  StudyFile,
  StudySession,
} from './study-files.js';
export { NUMBER_TAG, STATE_TAG, STUDY_TAG, TrialRuns, TUNING_EXPERIMENT } from './trial-runs.js';
