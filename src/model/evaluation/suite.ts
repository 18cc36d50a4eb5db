import {
  businessCost,
  checkCosts,
  costCurveOf,
  type BusinessCost,
  type CostCurve,
  type CostWeights,
} from './cost.js';
import { prCurveOf, rocCurveOf, type Curve, type PrPoint, type RocPoint } from './curves.js';
import { checkBinaryInput, type Labels, type Scores } from './input.js';
import { brierValidated, ksOf, logLossValidated, type KsResult } from './metrics.js';
import { rankValidated } from './ranking.js';
import { reliabilityTable, type ReliabilityBin } from './reliability.js';

/** Cost weights, and optionally the threshold to cost (otherwise the cost-minimising one). */
export interface SuiteCost extends CostWeights {
  readonly threshold?: number;
}

export interface SuiteOptions {
  /** Most points per stored curve (default 200). */
  readonly maxPoints?: number;
  /** Bins of the reliability table (default 10). */
  readonly reliabilityBins?: number;
}

/** Every metric of one set of predictions, from a single sort. */
export interface MetricSuite {
  readonly rows: number;
  readonly positives: number;
  readonly prevalence: number;
  /** NaN when one class is absent. */
  readonly rocAuc: number;
  /** Average precision; NaN without positives. */
  readonly prAuc: number;
  readonly brier: number;
  readonly logLoss: number;
  readonly ks: KsResult;
  /** Cost at the given threshold ('given') or at the cost-minimising one ('optimal'). */
  readonly business: BusinessCost & { readonly thresholdSource: 'given' | 'optimal' };
  readonly curves: { readonly roc: Curve<RocPoint>; readonly pr: Curve<PrPoint>; readonly cost: CostCurve };
  readonly reliability: readonly ReliabilityBin[];
}

/**
 * All metrics of probabilities of default against 0/1 labels: ROC AUC, PR AUC (average
 * precision), Brier, log loss, KS, business cost, thinned curves and the reliability table.
 * Bad input throws CS_ERR_EVALUATION_INPUT; one class only gives NaN ranking metrics and empty
 * ROC (and, without positives, PR) curves.
 */
export function metricSuite(
  labels: Labels,
  probabilities: Scores,
  cost: SuiteCost,
  options: SuiteOptions = {},
): MetricSuite {
  checkCosts('metricSuite', cost);
  const positives = checkBinaryInput('metricSuite', labels, probabilities);
  const rows = labels.length;
  const ranked = rankValidated(labels, probabilities, positives);
  const costs: CostWeights = { fnCost: cost.fnCost, fpCost: cost.fpCost };
  const curveOptions = { maxPoints: options.maxPoints };
  const roc = rocCurveOf(ranked, curveOptions);
  const pr = prCurveOf(ranked, curveOptions);
  const costSweep = costCurveOf(ranked, costs, curveOptions);
  const business =
    cost.threshold === undefined
      ? { ...costSweep.best, thresholdSource: 'optimal' as const }
      : { ...businessCost(labels, probabilities, cost.threshold, costs), thresholdSource: 'given' as const };
  return {
    rows,
    positives,
    prevalence: positives / rows,
    rocAuc: roc.area,
    prAuc: pr.area,
    brier: brierValidated(labels, probabilities),
    logLoss: logLossValidated(labels, probabilities),
    ks: ksOf(ranked),
    business,
    curves: { roc, pr, cost: costSweep },
    reliability: reliabilityTable(labels, probabilities, options.reliabilityBins ?? 10),
  };
}

/** The suite's scalars under flat snake_case names, as tracked metrics are logged. */
export function suiteScalars(suite: MetricSuite): Record<string, number> {
  return {
    roc_auc: suite.rocAuc,
    pr_auc: suite.prAuc,
    brier: suite.brier,
    log_loss: suite.logLoss,
    ks: suite.ks.statistic,
    ks_threshold: suite.ks.threshold,
    business_cost: suite.business.cost,
    cost_per_application: suite.business.costPerApplication,
    threshold: suite.business.threshold,
    refusal_rate: suite.business.refusalRate,
    prevalence: suite.prevalence,
  };
}
