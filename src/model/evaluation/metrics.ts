import { checkBinaryInput, type Labels, type Scores } from './input.js';
import { rankCounts, type RankedCounts } from './ranking.js';

/**
 * Scalar metrics of a binary classifier. Labels are 0/1 (1 = default, the positive class).
 * Conventions: bad input (length mismatch, no rows, a label other than 0/1, a NaN or non-finite
 * score, a probability outside [0, 1]) throws CS_ERR_EVALUATION_INPUT; a ranking metric that is
 * undefined for the labels given (one class only) is NaN, as sklearn returns with a warning.
 */

/** Clipping of log loss, as sklearn's log_loss(eps='auto') does for float64: machine epsilon. */
export const LOG_LOSS_EPSILON = Number.EPSILON;

/**
 * ROC AUC: the probability that a random positive scores above a random negative, ties counted
 * half (the trapezoidal area, equal to Mann-Whitney U / (P x N)). NaN when one class is absent.
 * Scores may be any finite numbers (probabilities or raw margins).
 */
export function rocAuc(labels: Labels, scores: Scores): number {
  return rocAucOf(rankCounts('rocAuc', labels, scores, 'scores'));
}

export function rocAucOf(r: RankedCounts): number {
  if (r.positives === 0 || r.negatives === 0) return Number.NaN;
  // Twice the area in count units: integers, so the sum is exact.
  let twiceArea = 0;
  let prevTp = 0;
  let prevFp = 0;
  for (let k = 0; k < r.thresholds.length; k++) {
    const tp = r.tp[k]!;
    const fp = r.fp[k]!;
    twiceArea += (fp - prevFp) * (tp + prevTp);
    prevTp = tp;
    prevFp = fp;
  }
  return twiceArea / (2 * r.positives * r.negatives);
}

/**
 * PR AUC as average precision, sklearn's average_precision_score: the sum over distinct
 * thresholds (highest first) of (recall gained) x (precision there), with no interpolation.
 * NaN when there is no positive; 1 when every label is positive (as sklearn).
 */
export function prAuc(labels: Labels, scores: Scores): number {
  return prAucOf(rankCounts('prAuc', labels, scores, 'scores'));
}

export function prAucOf(r: RankedCounts): number {
  if (r.positives === 0) return Number.NaN;
  let sum = 0;
  let prevTp = 0;
  for (let k = 0; k < r.thresholds.length; k++) {
    const tp = r.tp[k]!;
    if (tp > prevTp) sum += ((tp - prevTp) * tp) / (tp + r.fp[k]!);
    prevTp = tp;
  }
  return sum / r.positives;
}

/** Kolmogorov-Smirnov statistic and the threshold (flag when score >= threshold) where it occurs. */
export interface KsResult {
  /** max over thresholds of |TPR - FPR|, in [0, 1]; NaN when one class is absent. */
  readonly statistic: number;
  /** The highest threshold reaching the maximum; NaN when the statistic is NaN. */
  readonly threshold: number;
}

/** KS: the largest gap between the score distributions of positives and negatives. */
export function ksStatistic(labels: Labels, scores: Scores): KsResult {
  return ksOf(rankCounts('ksStatistic', labels, scores, 'scores'));
}

export function ksOf(r: RankedCounts): KsResult {
  if (r.positives === 0 || r.negatives === 0) return { statistic: Number.NaN, threshold: Number.NaN };
  let best = -1;
  let threshold = Number.NaN;
  for (let k = 0; k < r.thresholds.length; k++) {
    const gap = Math.abs(r.tp[k]! / r.positives - r.fp[k]! / r.negatives);
    if (gap > best) {
      best = gap;
      threshold = r.thresholds[k]!;
    }
  }
  return { statistic: best, threshold };
}

/** Brier score: mean squared difference between probability and label (defined for one class too). */
export function brierScore(labels: Labels, probabilities: Scores): number {
  checkBinaryInput('brierScore', labels, probabilities);
  return brierValidated(labels, probabilities);
}

export function brierValidated(labels: Labels, probabilities: Scores): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const d = probabilities[i]! - labels[i]!;
    sum += d * d;
  }
  return sum / labels.length;
}

/**
 * Log loss (mean negative log-likelihood, natural log), probabilities clipped to
 * [LOG_LOSS_EPSILON, 1 - LOG_LOSS_EPSILON] as sklearn does, so a confident mistake costs about 36,
 * not Infinity. Defined for one class too (sklearn refuses that without `labels=`).
 */
export function logLoss(labels: Labels, probabilities: Scores): number {
  checkBinaryInput('logLoss', labels, probabilities);
  return logLossValidated(labels, probabilities);
}

export function logLossValidated(labels: Labels, probabilities: Scores): number {
  const low = LOG_LOSS_EPSILON;
  const high = 1 - LOG_LOSS_EPSILON;
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(high, Math.max(low, probabilities[i]!));
    sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return sum / labels.length;
}
