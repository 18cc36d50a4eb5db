export { fitLogisticRegression } from './fit.js';
export type { LogisticRegressionOptions } from './fit.js';
export type { DesignFeature } from './features.js';
export type { LogregMatrix } from './input.js';
export type { StopReason } from './lbfgs.js';
export { LogisticRegression } from './model.js';
export type { Coefficient, TrainingSummary } from './model.js';
export { LogisticRegressionJson } from './model-json.js';
