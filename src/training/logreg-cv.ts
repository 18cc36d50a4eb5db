import type { FeatureMatrix } from '../features/index.js';
import { fitLogisticRegression } from '../model/logreg/index.js';
import type { FoldSplit } from './folds.js';

/** Out-of-fold probabilities of the logistic-regression baseline (preprocessing fitted per fold). */
export function crossValidateLogreg(matrix: FeatureMatrix, splits: readonly FoldSplit[]): Float64Array {
  const oof = new Float64Array(matrix.nrow);
  for (const split of splits) {
    const model = fitLogisticRegression(matrix, split.train);
    const probabilities = model.predictProbability(matrix, split.valid);
    split.valid.forEach((row, i) => (oof[row] = probabilities[i]!));
  }
  return oof;
}
