import { Rng } from '../../core/rng.js';
import { countPositives, evaluationError, type Labels } from './input.js';

/** Stream of the seeded generator reserved for fold assignment, apart from other uses of a seed. */
const FOLD_STREAM = 0x0f01d;

/**
 * Stratified K-fold: the fold (0..k-1) of each row, deterministic for a seed.
 * Positives are shuffled, then negatives, and the concatenation is dealt round-robin. So fold
 * sizes differ by at most one row, positive counts too, and each fold's positive count is within
 * one row of (fold size x overall positive rate). Each class needs at least k rows, so that every
 * fold holds both classes and its metrics are defined.
 */
export function stratifiedKFold(labels: Labels, k: number, seed: number): Int32Array {
  const n = labels.length;
  if (!Number.isInteger(k) || k < 2) {
    throw evaluationError('stratifiedKFold', `k is ${String(k)}; give an integer >= 2`);
  }
  if (!Number.isInteger(seed)) {
    throw evaluationError('stratifiedKFold', `seed is ${String(seed)}; give an integer`);
  }
  const positives = countPositives('stratifiedKFold', labels);
  const negatives = n - positives;
  if (positives < k || negatives < k) {
    throw evaluationError(
      'stratifiedKFold',
      `${positives} positive and ${negatives} negative rows cannot fill ${k} folds; each class needs at least ${k} rows`,
      { positives, negatives, k },
    );
  }
  const order = new Uint32Array(n);
  for (let i = 0, a = 0, b = positives; i < n; i++) {
    if (labels[i] === 1) order[a++] = i;
    else order[b++] = i;
  }
  const rng = new Rng(seed, FOLD_STREAM);
  shuffle(order, 0, positives, rng);
  shuffle(order, positives, n, rng);
  const folds = new Int32Array(n);
  for (let position = 0; position < n; position++) folds[order[position]!] = position % k;
  return folds;
}

/** Fisher-Yates shuffle of values[start..end). */
function shuffle(values: Uint32Array, start: number, end: number, rng: Rng): void {
  for (let i = end - 1; i > start; i--) {
    const j = rng.int(start, i);
    const t = values[i]!;
    values[i] = values[j]!;
    values[j] = t;
  }
}

/** Row indices (ascending) held out in `fold` (test) and the others (train). */
export function splitFold(folds: ArrayLike<number>, fold: number): { train: Uint32Array; test: Uint32Array } {
  let testCount = 0;
  for (let i = 0; i < folds.length; i++) if (folds[i] === fold) testCount++;
  if (testCount === 0) throw evaluationError('splitFold', `no row is in fold ${String(fold)}`);
  const test = new Uint32Array(testCount);
  const train = new Uint32Array(folds.length - testCount);
  for (let i = 0, a = 0, b = 0; i < folds.length; i++) {
    if (folds[i] === fold) test[a++] = i;
    else train[b++] = i;
  }
  return { train, test };
}

/** Mean and spread of one metric over folds. */
export interface FoldSpread {
  readonly count: number;
  readonly mean: number;
  /** Sample standard deviation (divisor n - 1); 0 for a single value. */
  readonly std: number;
  readonly min: number;
  readonly max: number;
}

/** Spread of per-fold values. A NaN value (an undefined fold metric) makes every field NaN. */
export function foldSpread(values: ArrayLike<number>): FoldSpread {
  const count = values.length;
  if (count === 0) throw evaluationError('foldSpread', 'no values; give one value per fold');
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) return { count, mean: NaN, std: NaN, min: NaN, max: NaN };
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const mean = sum / count;
  let squares = 0;
  for (let i = 0; i < count; i++) squares += (values[i]! - mean) ** 2;
  const std = count > 1 ? Math.sqrt(squares / (count - 1)) : 0;
  return { count, mean, std, min, max };
}
