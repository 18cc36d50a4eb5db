import { checkBinaryInput, evaluationError, type Labels, type Scores } from './input.js';
import { nextUp, rankValidated, type RankedCounts } from './ranking.js';
import { DEFAULT_CURVE_POINTS, thinIndices } from './thin.js';

/**
 * Business cost of a decision threshold. The positive class is default (label 1) and the decision
 * rule is: refuse when probability >= threshold, accept otherwise. Hence
 *   TP = defaulter refused,  FN = defaulter accepted (the costly error, fnCost each),
 *   FP = good client refused (a lost client, fpCost each),  TN = good client accepted.
 * cost = fnCost x FN + fpCost x FP; costPerApplication = cost / rows.
 */
export interface CostWeights {
  readonly fnCost: number;
  readonly fpCost: number;
}

/** The product's defaults (`--fn-cost 10 --fp-cost 1`). */
export const DEFAULT_COSTS: CostWeights = { fnCost: 10, fpCost: 1 };

export interface Confusion {
  /** Defaulters refused. */
  readonly tp: number;
  /** Good clients refused. */
  readonly fp: number;
  /** Good clients accepted. */
  readonly tn: number;
  /** Defaulters accepted. */
  readonly fn: number;
}

export interface BusinessCost {
  /** Refuse when probability >= threshold. */
  readonly threshold: number;
  readonly confusion: Confusion;
  readonly cost: number;
  readonly costPerApplication: number;
  /** Share of applications refused, (tp + fp) / rows. */
  readonly refusalRate: number;
}

/** One point of the cost-versus-threshold curve. */
export interface CostPoint {
  readonly threshold: number;
  readonly cost: number;
  readonly costPerApplication: number;
  readonly fn: number;
  readonly fp: number;
  readonly refused: number;
}

export interface CostCurve {
  readonly costs: CostWeights;
  /** At most `maxPoints`, thinned along the curve, always including the best threshold. */
  readonly points: readonly CostPoint[];
  /** Candidate thresholds swept: every distinct probability plus "refuse nobody". */
  readonly totalPoints: number;
  readonly best: BusinessCost;
}

/** Checks cost weights are finite and non-negative. */
export function checkCosts(what: string, costs: CostWeights): void {
  for (const [name, value] of [
    ['fnCost', costs.fnCost],
    ['fpCost', costs.fpCost],
  ] as const) {
    if (!(Number.isFinite(value) && value >= 0)) {
      throw evaluationError(what, `${name} is ${String(value)}; costs must be finite and >= 0`);
    }
  }
}

function checkThreshold(what: string, threshold: number): void {
  if (Number.isNaN(threshold)) throw evaluationError(what, 'threshold is NaN; give a number');
}

/** Confusion counts at one threshold (refuse when probability >= threshold). */
export function confusion(labels: Labels, probabilities: Scores, threshold: number): Confusion {
  checkBinaryInput('confusion', labels, probabilities);
  checkThreshold('confusion', threshold);
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < labels.length; i++) {
    const refused = probabilities[i]! >= threshold;
    if (labels[i] === 1) {
      if (refused) tp++;
      else fn++;
    } else if (refused) fp++;
    else tn++;
  }
  return { tp, fp, tn, fn };
}

/** Cost of a confusion table. */
export function costOfConfusion(
  c: Confusion,
  costs: CostWeights = DEFAULT_COSTS,
): { cost: number; costPerApplication: number } {
  checkCosts('costOfConfusion', costs);
  const cost = costs.fnCost * c.fn + costs.fpCost * c.fp;
  const rows = c.tp + c.fp + c.tn + c.fn;
  return { cost, costPerApplication: rows > 0 ? cost / rows : Number.NaN };
}

/** The business cost of applying `threshold` to these probabilities. */
export function businessCost(
  labels: Labels,
  probabilities: Scores,
  threshold: number,
  costs: CostWeights = DEFAULT_COSTS,
): BusinessCost {
  const c = confusion(labels, probabilities, threshold);
  const { cost, costPerApplication } = costOfConfusion(c, costs);
  return { threshold, confusion: c, cost, costPerApplication, refusalRate: (c.tp + c.fp) / labels.length };
}

/**
 * Cost at every candidate threshold in one sweep over the sorted probabilities: each distinct
 * probability (refuse it and everything above) and, first, "refuse nobody" (threshold nextUp of
 * the highest probability). The best threshold minimises the cost; among equal costs it is the
 * highest one, i.e. the one accepting the most clients.
 */
export function costCurve(
  labels: Labels,
  probabilities: Scores,
  costs: CostWeights = DEFAULT_COSTS,
  options: { maxPoints?: number } = {},
): CostCurve {
  checkCosts('costCurve', costs);
  const positives = checkBinaryInput('costCurve', labels, probabilities);
  return costCurveOf(rankValidated(labels, probabilities, positives), costs, options);
}

/** The same from an existing ranking (probabilities already validated). */
export function costCurveOf(
  r: RankedCounts,
  costs: CostWeights,
  options: { maxPoints?: number } = {},
): CostCurve {
  const rows = r.positives + r.negatives;
  const count = r.thresholds.length + 1;
  // Index 0 refuses nobody; index k + 1 refuses every probability >= thresholds[k].
  const threshold = (i: number): number => (i === 0 ? nextUp(r.thresholds[0]!) : r.thresholds[i - 1]!);
  const tp = (i: number): number => (i === 0 ? 0 : r.tp[i - 1]!);
  const fp = (i: number): number => (i === 0 ? 0 : r.fp[i - 1]!);
  const cost = (i: number): number => costs.fnCost * (r.positives - tp(i)) + costs.fpCost * fp(i);
  let bestIndex = 0;
  let bestCost = cost(0);
  for (let i = 1; i < count; i++) {
    const c = cost(i);
    // Strictly lower (beyond rounding) only: a tie keeps the earlier, higher threshold.
    if (c < bestCost - 1e-12 * Math.max(1, Math.abs(bestCost))) {
      bestCost = c;
      bestIndex = i;
    }
  }
  const point = (i: number): CostPoint => ({
    threshold: threshold(i),
    cost: cost(i),
    costPerApplication: cost(i) / rows,
    fn: r.positives - tp(i),
    fp: fp(i),
    refused: tp(i) + fp(i),
  });
  const indices = thinIndices(count, threshold, cost, options.maxPoints ?? DEFAULT_CURVE_POINTS, [bestIndex]);
  const b = point(bestIndex);
  const best: BusinessCost = {
    threshold: b.threshold,
    confusion: { tp: tp(bestIndex), fp: b.fp, tn: r.negatives - b.fp, fn: b.fn },
    cost: b.cost,
    costPerApplication: b.costPerApplication,
    refusalRate: b.refused / rows,
  };
  return { costs, points: indices.map(point), totalPoints: count, best };
}

/** The cost-minimising threshold (ties: the one accepting more clients) and its cost. */
export function bestThreshold(
  labels: Labels,
  probabilities: Scores,
  costs: CostWeights = DEFAULT_COSTS,
): BusinessCost {
  return costCurve(labels, probabilities, costs, { maxPoints: 2 }).best;
}
