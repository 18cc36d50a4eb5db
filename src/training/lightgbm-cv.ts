import type { FeatureMatrix } from '../features/index.js';
import { Booster, Dataset, denseMatrix, trainAsync, type LightGbmParams } from '../model/index.js';
import { matrixRows, type FoldSplit } from './folds.js';

/** How one LightGBM configuration is cross-validated. */
export interface LightGbmCvOptions {
  readonly params: LightGbmParams;
  /** Upper bound on boosting rounds per fold. */
  readonly numBoostRound: number;
  /** Rounds without a better validation AUC before a fold stops. */
  readonly earlyStoppingRounds?: number;
  /** After every round of every fold, with that fold's validation AUC (e.g. for tracking). */
  readonly onIteration?: (fold: number, iteration: number, validAuc: number) => void;
  /** After every fold, with its validation AUC at its best round; throwing stops the run (pruning). */
  readonly onFold?: (fold: number, validAuc: number, bestIteration: number) => void;
}

export interface LightGbmFoldResult {
  readonly fold: number;
  readonly bestIteration: number;
  readonly validAuc: number;
  /** Validation AUC after each round, for curves. */
  readonly aucByIteration: readonly number[];
  readonly seconds: number;
}

export interface LightGbmCvResult {
  /** Out-of-fold probability for every row of the matrix. */
  readonly oof: Float64Array;
  readonly folds: readonly LightGbmFoldResult[];
  /** Rounds for the final model: the folds' best iterations, averaged and rounded. */
  readonly finalRounds: number;
}

/** The binned training set every fold is cut from (one binning for all folds and variants). */
export function fullDataset(matrix: FeatureMatrix, params: LightGbmParams = {}): Dataset {
  return Dataset.fromMatrix(matrix, {
    label: matrix.labels,
    categoricalFeatures: matrix.categorical,
    featureNames: matrix.columns,
    params,
  });
}

/** AUC is the early-stopping metric: the first one listed is the one LightGBM's stop uses too. */
function withAucMetric(params: LightGbmParams): LightGbmParams {
  return { objective: 'binary', ...params, metric: 'auc' };
}

/**
 * K-fold cross-validation of one configuration: each fold trains on a subset of `full`, stops
 * early on its validation rows, and predicts them, giving out-of-fold probabilities.
 */
export async function crossValidateLightGbm(
  full: Dataset,
  matrix: FeatureMatrix,
  splits: readonly FoldSplit[],
  options: LightGbmCvOptions,
): Promise<LightGbmCvResult> {
  const oof = new Float64Array(matrix.nrow).fill(Number.NaN);
  const params = withAucMetric(options.params);
  const folds: LightGbmFoldResult[] = [];
  for (const split of splits) {
    const started = performance.now();
    using trainSet = full.subset(split.train);
    using validSet = full.subset(split.valid);
    const aucByIteration: number[] = [];
    const result = await trainAsync(params, trainSet, {
      valid: [validSet],
      numBoostRound: options.numBoostRound,
      ...(options.earlyStoppingRounds === undefined
        ? {}
        : { earlyStoppingRounds: options.earlyStoppingRounds }),
      onIteration: (event) => {
        const auc = event.valid[0]?.[0]?.value ?? Number.NaN;
        aucByIteration.push(auc);
        options.onIteration?.(split.fold, event.iteration, auc);
      },
    });
    using booster = result.booster;
    const probabilities = booster.predict(denseMatrix(matrixRows(matrix, split.valid), matrix.ncol));
    split.valid.forEach((row, i) => (oof[row] = probabilities[i]!));
    const validAuc = aucByIteration[result.bestIteration - 1] ?? Number.NaN;
    folds.push({
      fold: split.fold,
      bestIteration: result.bestIteration,
      validAuc,
      aucByIteration,
      seconds: (performance.now() - started) / 1000,
    });
    options.onFold?.(split.fold, validAuc, result.bestIteration);
  }
  const meanBest = folds.reduce((sum, fold) => sum + fold.bestIteration, 0) / folds.length;
  return { oof, folds, finalRounds: Math.max(1, Math.round(meanBest)) };
}

/** The model to register: trained on every training row for a fixed number of rounds. */
export async function trainFinalLightGbm(
  full: Dataset,
  params: LightGbmParams,
  rounds: number,
): Promise<Booster> {
  return (await trainAsync(withAucMetric(params), full, { numBoostRound: rounds })).booster;
}
