// Training: candidates cross-validated on the same folds, calibrated, thresholded by business
// cost; the chosen LightGBM registered and the run tracked.
export { runTraining, TRAINING_EXPERIMENT } from './run-training.js';
export type { RunTrainingOptions, TrainingReport } from './run-training.js';
export { MODEL_KINDS, trainModels } from './train-models.js';
export type { FinalModel, ModelKind, TrainingOutcome, TrainOptions } from './train-models.js';
export type { Assessment } from './assess.js';
export { crossValidateLightGbm, fullDataset } from './lightgbm-cv.js';
export type { LightGbmCvOptions, LightGbmCvResult, LightGbmFoldResult } from './lightgbm-cv.js';
export { allRows, foldSplits, matrixRows } from './folds.js';
export type { FoldSplit } from './folds.js';
export {
  DEFAULT_EARLY_STOPPING,
  DEFAULT_FOLDS,
  DEFAULT_ROUNDS,
  DEFAULT_SEED,
  LIGHTGBM_DEFAULTS,
} from './defaults.js';
export { COMPARISON_FILE, COST_CURVE_FILE, RELIABILITY_FILE } from './artifacts.js';
export { evaluateVersion } from './evaluate-version.js';
export type { EvaluationReport, OracleComparison } from './evaluate-version.js';
