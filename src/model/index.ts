export { Booster } from './lightgbm/booster.js';
export type {
  EvalResult,
  ImportanceType,
  IterationRange,
  LoadOptions,
  PredictKind,
  PredictOptions,
  SaveOptions,
} from './lightgbm/booster.js';
export { Dataset } from './lightgbm/dataset.js';
export type { DatasetOptions } from './lightgbm/dataset.js';
export { LightGbmError, isLightGbmError } from './lightgbm/errors.js';
export { LIGHTGBM_LIB_ENV, resolveLibraryPath } from './lightgbm/library.js';
export { denseMatrix } from './lightgbm/matrix.js';
export type { DenseMatrix } from './lightgbm/matrix.js';
export { defaultThreads } from './lightgbm/params.js';
export type { LightGbmParams, ParamValue } from './lightgbm/params.js';
export { train, trainAsync } from './lightgbm/train.js';
export type { IterationEvent, TrainOptions, TrainResult } from './lightgbm/train.js';
export * from './evaluation/index.js';
