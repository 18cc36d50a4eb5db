export { bestThreshold, businessCost, confusion, costCurve, costOfConfusion, DEFAULT_COSTS } from './cost.js';
export type { BusinessCost, Confusion, CostCurve, CostPoint, CostWeights } from './cost.js';
export { prCurve, rocCurve } from './curves.js';
export type { Curve, CurveOptions, PrPoint, RocPoint } from './curves.js';
export { decide, reviewInterval } from './decide.js';
export type { Decision } from './decide.js';
export { foldSpread, splitFold, stratifiedKFold } from './folds.js';
export type { FoldSpread } from './folds.js';
export { brierScore, ksStatistic, LOG_LOSS_EPSILON, logLoss, prAuc, rocAuc } from './metrics.js';
export type { KsResult } from './metrics.js';
export {
  applyCalibrator,
  CalibratorJsonSchema,
  calibratorFromJson,
  fitIsotonicCalibrator,
  fitPlattCalibrator,
  identityCalibrator,
} from './calibrator.js';
export type { CalibrationKind, Calibrator, CalibratorJson } from './calibrator.js';
export { chooseCalibration } from './choose-calibration.js';
export type { CalibrationChoice, CalibrationScore } from './choose-calibration.js';
export { expectedCalibrationError, reliabilityTable } from './reliability.js';
export type { ReliabilityBin } from './reliability.js';
export { metricSuite, suiteScalars } from './suite.js';
export type { MetricSuite, SuiteCost, SuiteOptions } from './suite.js';
export { costSvg, prSvg, reliabilitySvg, rocSvg } from './svg-plots.js';
export type { PlotOptions } from './svg-plots.js';
