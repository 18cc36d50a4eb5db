import type { Labels, Scores } from './input.js';
import { prAucOf, rocAucOf } from './metrics.js';
import { nextUp, rankCounts, type RankedCounts } from './ranking.js';
import { DEFAULT_CURVE_POINTS, thinIndices } from './thin.js';

/** One ROC point: rows with score >= threshold are flagged positive. */
export interface RocPoint {
  readonly threshold: number;
  readonly fpr: number;
  readonly tpr: number;
}

/** One precision-recall point: rows with score >= threshold are flagged positive. */
export interface PrPoint {
  readonly threshold: number;
  readonly recall: number;
  readonly precision: number;
}

/**
 * A curve for plotting and storage: at most `maxPoints` points (thinned evenly along its length),
 * while `area` and `totalPoints` come from every distinct threshold. Points run from the highest
 * threshold (flag nobody: nextUp of the top score, a finite number) to the lowest (flag everyone).
 * No points and a NaN area when the curve is undefined (ROC: one class; PR: no positive).
 */
export interface Curve<P> {
  readonly points: readonly P[];
  readonly area: number;
  readonly totalPoints: number;
}

export interface CurveOptions {
  /** Most points kept (default 200). */
  readonly maxPoints?: number;
}

/** ROC curve (false positive rate, true positive rate); area = ROC AUC. */
export function rocCurve(labels: Labels, scores: Scores, options: CurveOptions = {}): Curve<RocPoint> {
  return rocCurveOf(rankCounts('rocCurve', labels, scores, 'scores'), options);
}

export function rocCurveOf(r: RankedCounts, options: CurveOptions = {}): Curve<RocPoint> {
  const area = rocAucOf(r);
  const n = r.thresholds.length + 1;
  if (Number.isNaN(area)) return { points: [], area, totalPoints: 0 };
  // Index 0 is the "flag nobody" origin, index k + 1 the k-th distinct threshold.
  const fpr = (i: number): number => (i === 0 ? 0 : r.fp[i - 1]! / r.negatives);
  const tpr = (i: number): number => (i === 0 ? 0 : r.tp[i - 1]! / r.positives);
  const points = thinIndices(n, fpr, tpr, options.maxPoints ?? DEFAULT_CURVE_POINTS).map((i) => ({
    threshold: i === 0 ? nextUp(r.thresholds[0]!) : r.thresholds[i - 1]!,
    fpr: fpr(i),
    tpr: tpr(i),
  }));
  return { points, area, totalPoints: n };
}

/**
 * Precision-recall curve; area = average precision (sklearn's step sum, not the trapezoid).
 * The first point is recall 0, precision 1, as sklearn's precision_recall_curve ends with.
 */
export function prCurve(labels: Labels, scores: Scores, options: CurveOptions = {}): Curve<PrPoint> {
  return prCurveOf(rankCounts('prCurve', labels, scores, 'scores'), options);
}

export function prCurveOf(r: RankedCounts, options: CurveOptions = {}): Curve<PrPoint> {
  const area = prAucOf(r);
  const n = r.thresholds.length + 1;
  if (Number.isNaN(area)) return { points: [], area, totalPoints: 0 };
  const recall = (i: number): number => (i === 0 ? 0 : r.tp[i - 1]! / r.positives);
  const precision = (i: number): number => (i === 0 ? 1 : r.tp[i - 1]! / (r.tp[i - 1]! + r.fp[i - 1]!));
  const points = thinIndices(n, recall, precision, options.maxPoints ?? DEFAULT_CURVE_POINTS).map((i) => ({
    threshold: i === 0 ? nextUp(r.thresholds[0]!) : r.thresholds[i - 1]!,
    recall: recall(i),
    precision: precision(i),
  }));
  return { points, area, totalPoints: n };
}
