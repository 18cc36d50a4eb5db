import type { LightGbmParams } from '../model/index.js';

/** Summary statistics of one model's out-of-fold predictions (calibrated where it matters). */
export interface MetricSummary {
  readonly rocAuc: number;
  readonly prAuc: number;
  readonly brier: number;
  readonly logLoss: number;
  readonly ks: number;
  /** FN_COST x FN + FP_COST x FP at the model's threshold, in total and per application. */
  readonly cost: number;
  readonly costPerApplication: number;
}

/** Mean and spread of a metric over the cross-validation folds. */
export interface FoldSpread {
  readonly mean: number;
  readonly std: number;
  readonly min: number;
  readonly max: number;
}

/** One line of the model comparison: a candidate cross-validated on the same folds. */
export interface CandidateSummary {
  /** e.g. "lightgbm", "lightgbm (class weights)", "logreg", "rf", "dummy". */
  readonly name: string;
  readonly metrics: MetricSummary;
  readonly folds: Readonly<Record<string, FoldSpread>>;
  readonly threshold: number;
  readonly calibration: string;
  readonly seconds: number;
}

/** How decisions are made from a calibrated probability of default. */
export interface DecisionPolicy {
  /** Refuse when the calibrated probability is at or above this. */
  readonly threshold: number;
  readonly fnCost: number;
  readonly fpCost: number;
  /** Half-width of the band around the threshold sent to a person for review; 0 when off. */
  readonly reviewBand: number;
}

/** Everything the registry, the service and people need to know about one model version. */
export interface ModelCard {
  readonly name: string;
  readonly version: number;
  readonly createdAt: string;
  readonly gitCommit: string | null;
  /** The tracking run that trained it, when tracked. */
  readonly runId: string | null;
  readonly kind: 'lightgbm' | 'rf';
  readonly featureVersion: string;
  readonly features: readonly string[];
  readonly categorical: readonly number[];
  /** Sensitive attributes given to the model (CODE_GENDER is left out by default). */
  readonly includeSensitive: boolean;
  readonly trainingData: {
    readonly rows: number;
    readonly defaults: number;
    readonly defaultRate: number;
    readonly folds: number;
    readonly seed: number;
  };
  readonly params: LightGbmParams;
  readonly rounds: number;
  readonly classWeighting: 'none' | 'is_unbalance';
  readonly metrics: MetricSummary;
  readonly foldSpread: Readonly<Record<string, FoldSpread>>;
  /** The calibrator's JSON (see calibratorFromJson). */
  readonly calibration: unknown;
  readonly decision: DecisionPolicy;
  readonly comparison: readonly CandidateSummary[];
}
