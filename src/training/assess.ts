import {
  brierScore,
  chooseCalibration,
  costCurve,
  foldSpread,
  ksStatistic,
  logLoss,
  prAuc,
  reliabilityTable,
  rocAuc,
  type Calibrator,
  type CostCurve,
  type CostWeights,
  type ReliabilityBin,
} from '../model/index.js';
import type { CandidateSummary, FoldSpread, MetricSummary } from '../registry/index.js';
import type { FoldSplit } from './folds.js';

/** A candidate's out-of-fold predictions, judged: metrics, its calibration and its threshold. */
export interface Assessment {
  readonly summary: CandidateSummary;
  readonly calibrator: Calibrator;
  /** The out-of-fold probabilities as the model gave them. */
  readonly oof: Float64Array;
  /** The out-of-fold probabilities after calibration. */
  readonly calibrated: Float64Array;
  readonly costCurve: CostCurve;
  readonly reliability: readonly ReliabilityBin[];
}

function pick(values: ArrayLike<number>, rows: Int32Array): Float64Array {
  return Float64Array.from(rows, (row) => values[row]!);
}

/**
 * Ranking metrics (ROC AUC, PR AUC, KS) are taken on the raw out-of-fold scores, as calibration
 * only reorders ties; probability metrics (Brier, log loss) and the business cost on the
 * calibrated ones, since those are what people see and what the threshold applies to.
 */
function metricsOf(
  labels: ArrayLike<number>,
  raw: ArrayLike<number>,
  calibrated: ArrayLike<number>,
  threshold: number,
  costs: CostWeights,
): MetricSummary {
  let fn = 0;
  let fp = 0;
  for (let i = 0; i < labels.length; i++) {
    const refused = calibrated[i]! >= threshold;
    if (labels[i] === 1 && !refused) fn++;
    if (labels[i] === 0 && refused) fp++;
  }
  const cost = costs.fnCost * fn + costs.fpCost * fp;
  return {
    rocAuc: rocAuc(labels, raw),
    prAuc: prAuc(labels, raw),
    brier: brierScore(labels, calibrated),
    logLoss: logLoss(labels, calibrated),
    ks: ksStatistic(labels, raw).statistic,
    cost,
    costPerApplication: cost / labels.length,
  };
}

export interface AssessOptions {
  readonly name: string;
  readonly labels: Float32Array;
  readonly oof: Float64Array;
  readonly splits: readonly FoldSplit[];
  readonly costs: CostWeights;
  readonly seed: number;
  readonly seconds: number;
}

/** Calibrates a candidate's out-of-fold probabilities, sets its threshold and measures it. */
export function assess(options: AssessOptions): Assessment {
  const { labels, oof, splits, costs } = options;
  const calibration = chooseCalibration(labels, oof, options.seed);
  const calibrator = calibration.calibrator;
  const calibrated = Float64Array.from(oof, (p) => calibrator.apply(p));
  const curve = costCurve(labels, calibrated, costs);
  const threshold = curve.best.threshold;
  const metrics = metricsOf(labels, oof, calibrated, threshold, costs);
  const perFold = splits.map((split) =>
    metricsOf(
      pick(labels, split.valid),
      pick(oof, split.valid),
      pick(calibrated, split.valid),
      threshold,
      costs,
    ),
  );
  const folds: Record<string, FoldSpread> = {};
  for (const key of Object.keys(metrics) as (keyof MetricSummary)[]) {
    folds[key] = foldSpread(perFold.map((m) => m[key]));
  }
  return {
    summary: {
      name: options.name,
      metrics,
      folds,
      threshold,
      calibration: calibrator.kind,
      seconds: options.seconds,
    },
    calibrator,
    oof,
    calibrated,
    costCurve: curve,
    reliability: reliabilityTable(labels, calibrated),
  };
}
