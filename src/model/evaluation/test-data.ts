import { Rng } from '../../core/rng.js';

/** Test data and brute-force references for the evaluation tests (not used by the product). */

/** n rows: labels with rate `prevalence`, probabilities informative but noisy, rounded to `digits` (ties). */
export function randomScores(
  n: number,
  seed: number,
  prevalence = 0.3,
  digits = 2,
): { labels: Float64Array; scores: Float64Array } {
  const rng = new Rng(seed);
  const labels = new Float64Array(n);
  const scores = new Float64Array(n);
  const scale = 10 ** digits;
  for (let i = 0; i < n; i++) {
    labels[i] = rng.chance(prevalence) ? 1 : 0;
    const z = rng.normal(labels[i] === 1 ? 0.8 : 0, 1);
    scores[i] = Math.round(scale / (1 + Math.exp(-z + 1))) / scale;
  }
  return { labels, scores };
}

/** The 60-row fixture whose sklearn 1.2.1 outputs the tests quote (same formula in Python). */
export function sklearnFixture(): { labels: number[]; scores: number[] } {
  const labels: number[] = [];
  const scores: number[] = [];
  for (let i = 0; i < 60; i++) {
    const raw = (((i * 37) % 60) + 0.5) / 60;
    scores.push(Math.floor(raw * 20 + 0.5) / 20);
    labels.push(((i * 7 + 3) % 11) / 11 < raw ? 1 : 0);
  }
  return { labels, scores };
}

/** AUC over all (positive, negative) pairs, ties half: O(n^2). */
export function bruteAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 1) continue;
    for (let j = 0; j < labels.length; j++) {
      if (labels[j] !== 0) continue;
      pairs++;
      if (scores[i]! > scores[j]!) wins++;
      else if (scores[i] === scores[j]) wins += 0.5;
    }
  }
  return wins / pairs;
}

/** Counts at "flag when score >= t", by a full pass. */
export function bruteCounts(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  t: number,
): { tp: number; fp: number; positives: number; negatives: number } {
  let tp = 0;
  let fp = 0;
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === 1) positives++;
    if (scores[i]! >= t) {
      if (labels[i] === 1) tp++;
      else fp++;
    }
  }
  return { tp, fp, positives, negatives: labels.length - positives };
}

/** Distinct values, highest first. */
export function distinctDescending(values: ArrayLike<number>): number[] {
  return [...new Set(Array.from(values))].sort((a, b) => b - a);
}

/** Average precision by its definition: sum over thresholds of (recall gain) x precision. O(n^2). */
export function bruteAveragePrecision(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  let previousRecall = 0;
  let ap = 0;
  for (const t of distinctDescending(scores)) {
    const c = bruteCounts(labels, scores, t);
    const recall = c.tp / c.positives;
    ap += (recall - previousRecall) * (c.tp / (c.tp + c.fp));
    previousRecall = recall;
  }
  return ap;
}
