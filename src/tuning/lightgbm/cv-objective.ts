/**
 * The tuning objective: a trial's LightGBM parameters cross-validated on stratified folds of the
 * training rows; its value is the mean validation AUC of the folds (maximised). After each fold
 * the fold's AUC is reported at step = fold, and the pruner may stop the trial there.
 */
import type { FeatureMatrix } from '../../features/index.js';
import { stratifiedKFold, type Dataset, type LightGbmParams } from '../../model/index.js';
import {
  crossValidateLightGbm,
  foldSplits,
  fullDataset,
  LIGHTGBM_DEFAULTS,
  type FoldSplit,
} from '../../training/index.js';
import type { Objective } from '../study.js';
import { TrialPruned, type Trial } from '../trial.js';
import { DATASET_PARAMS, lightgbmParamsFor } from './trial-params.js';

export interface CvObjectiveOptions {
  readonly folds: number;
  /** Seed of the folds and of LightGBM. */
  readonly seed: number;
  /** Upper bound on boosting rounds per fold. */
  readonly numBoostRound: number;
  readonly earlyStoppingRounds?: number;
  /** LightGBM threads (default: LightGBM binding's default, every core). */
  readonly threads?: number;
  /** Parameters under the sampled ones (default: the training defaults). */
  readonly baseParams?: LightGbmParams;
}

/** What one fold of a trial gave. */
export interface FoldOutcome {
  readonly fold: number;
  readonly validAuc: number;
  readonly bestIteration: number;
  readonly seconds: number;
}

/** Everything a trial's cross-validation produced, kept even when it was pruned or failed midway. */
export interface TrialCv {
  /** The LightGBM parameters the trial trained with. */
  readonly params: LightGbmParams;
  readonly folds: FoldOutcome[];
  /** Validation AUC after each boosting round, per fold (index = fold). */
  readonly curves: number[][];
}

/** A cross-validation objective over one matrix; dispose it to free the binned dataset. */
export class CvObjective implements Disposable {
  readonly splits: readonly FoldSplit[];
  readonly baseParams: LightGbmParams;
  private readonly full: Dataset;
  private readonly results = new Map<number, TrialCv>();

  constructor(
    private readonly matrix: FeatureMatrix,
    private readonly options: CvObjectiveOptions,
  ) {
    this.splits = foldSplits(stratifiedKFold(matrix.labels, options.folds, options.seed), options.folds);
    this.baseParams = {
      ...LIGHTGBM_DEFAULTS,
      seed: options.seed,
      ...(options.threads === undefined ? {} : { num_threads: options.threads }),
      ...options.baseParams,
    };
    this.full = fullDataset(matrix, datasetParams(this.baseParams));
  }

  /** The objective to give Study.optimize. */
  readonly objective: Objective = (trial) => this.evaluate(trial);

  /** Cross-validates the trial's parameters; throws TrialPruned when the pruner says so. */
  async evaluate(trial: Trial): Promise<number> {
    const params = lightgbmParamsFor(trial.params, this.baseParams);
    const cv: TrialCv = { params, folds: [], curves: [] };
    this.results.set(trial.number, cv);
    // A trial that changes the binning cannot reuse the shared dataset (LightGBM refuses it).
    const ownBinning = DATASET_PARAMS.some((name) => name in trial.params);
    const full = ownBinning ? fullDataset(this.matrix, datasetParams(params)) : this.full;
    let foldStart = performance.now();
    try {
      const result = await crossValidateLightGbm(full, this.matrix, this.splits, {
        params,
        numBoostRound: this.options.numBoostRound,
        ...(this.options.earlyStoppingRounds === undefined
          ? {}
          : { earlyStoppingRounds: this.options.earlyStoppingRounds }),
        onIteration: (fold, _iteration, auc) => (cv.curves[fold] ??= []).push(auc),
        onFold: (fold, validAuc, bestIteration) => {
          const seconds = (performance.now() - foldStart) / 1000;
          foldStart = performance.now();
          cv.folds.push({ fold, validAuc, bestIteration, seconds });
          trial.report(fold, validAuc);
          if (trial.shouldPrune()) {
            throw new TrialPruned(`pruned after fold ${fold + 1}: AUC ${validAuc.toFixed(4)}`);
          }
        },
      });
      return result.folds.reduce((sum, f) => sum + f.validAuc, 0) / result.folds.length;
    } finally {
      if (ownBinning) full.free();
    }
  }

  /** The cross-validation record of trial `number` (parameters, folds, curves), if it started. */
  trialCv(number: number): TrialCv | undefined {
    return this.results.get(number);
  }

  /** Forgets a trial's record once it has been written out. */
  forget(number: number): void {
    this.results.delete(number);
  }

  [Symbol.dispose](): void {
    this.full.free();
  }
}

function datasetParams(params: LightGbmParams): LightGbmParams {
  const out: Record<string, LightGbmParams[string]> = {};
  for (const name of DATASET_PARAMS) if (params[name] !== undefined) out[name] = params[name];
  return out;
}
