import { Rng } from '../core/index.js';
import type { FeatureMatrix } from '../features/index.js';
import { fitLogisticRegression } from '../model/logreg/index.js';
import type { FoldSplit } from './folds.js';

/**
 * Rows a fold's logistic regression learns from at most. The baseline is a reference point,
 * not the product: on 100,000 rows its coefficients are settled (1,400 design columns), and a
 * full-size fold would cost it minutes of single-threaded L-BFGS per fold.
 */
export const LOGREG_MAX_TRAINING_ROWS = 100_000;

/** A seeded random subset of `rows` of at most `size` rows, kept in ascending order. */
function sample(rows: Int32Array, size: number, seed: number): Int32Array {
  if (rows.length <= size) return rows;
  const shuffled = Int32Array.from(rows);
  const rng = new Rng(seed);
  for (let i = 0; i < size; i++) {
    const j = rng.int(i, shuffled.length - 1);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled.subarray(0, size).sort();
}

/** Out-of-fold probabilities of the logistic-regression baseline (preprocessing fitted per fold). */
export function crossValidateLogreg(
  matrix: FeatureMatrix,
  splits: readonly FoldSplit[],
  seed: number,
): Float64Array {
  const oof = new Float64Array(matrix.nrow);
  for (const split of splits) {
    const model = fitLogisticRegression(
      matrix,
      sample(split.train, LOGREG_MAX_TRAINING_ROWS, seed + split.fold),
    );
    const probabilities = model.predictProbability(matrix, split.valid);
    split.valid.forEach((row, i) => (oof[row] = probabilities[i]!));
  }
  return oof;
}
