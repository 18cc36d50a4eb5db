import { ClairscoreError } from '../core/index.js';
import type { FeatureMatrix } from '../features/index.js';
import {
  stratifiedKFold,
  type Booster,
  type Calibrator,
  type CostCurve,
  type CostWeights,
  type LightGbmParams,
  type ReliabilityBin,
} from '../model/index.js';
import type { CandidateSummary } from '../registry/index.js';
import { assess, type Assessment } from './assess.js';
import {
  DEFAULT_EARLY_STOPPING,
  DEFAULT_FOLDS,
  DEFAULT_ROUNDS,
  DEFAULT_SEED,
  LIGHTGBM_DEFAULTS,
  RANDOM_FOREST_DEFAULTS,
  RANDOM_FOREST_TREES,
} from './defaults.js';
import { foldSplits, type FoldSplit } from './folds.js';
import {
  crossValidateLightGbm,
  fullDataset,
  trainFinalLightGbm,
  type LightGbmFoldResult,
} from './lightgbm-cv.js';
import { crossValidateLogreg } from './logreg-cv.js';

export type ModelKind = 'lightgbm' | 'logreg' | 'rf';
export const MODEL_KINDS: readonly ModelKind[] = ['lightgbm', 'logreg', 'rf'];

export interface TrainOptions {
  /** Which models; all of them (with the prior-only dummy) by default. */
  readonly models?: readonly ModelKind[];
  readonly folds?: number;
  readonly seed?: number;
  readonly costs: CostWeights;
  /** LightGBM parameters over the defaults (e.g. the best ones of a tuning study). */
  readonly params?: LightGbmParams;
  readonly numBoostRound?: number;
  readonly earlyStoppingRounds?: number;
  /** Progress in words, for the CLI. */
  readonly onStep?: (step: string) => void;
  /** Every boosting round of every fold (model name, fold, round, validation AUC), for tracking. */
  readonly onIteration?: (model: string, fold: number, iteration: number, validAuc: number) => void;
}

/** The model that will be registered: a LightGBM booster with everything needed to use it. */
export interface FinalModel {
  readonly kind: 'lightgbm' | 'rf';
  readonly name: string;
  readonly booster: Booster;
  readonly params: LightGbmParams;
  readonly rounds: number;
  readonly classWeighting: 'none' | 'is_unbalance';
  readonly assessment: Assessment;
  readonly folds: readonly LightGbmFoldResult[];
}

export interface TrainingOutcome {
  readonly rows: number;
  readonly defaults: number;
  readonly foldCount: number;
  readonly seed: number;
  /** Every candidate, best cost first. */
  readonly comparison: readonly CandidateSummary[];
  /** Undefined when only the logistic regression was asked for (it is not registered). */
  readonly final: FinalModel | undefined;
  readonly assessments: ReadonlyMap<string, Assessment>;
}

export type { Calibrator, CostCurve, ReliabilityBin };

interface LightGbmCandidate {
  readonly name: string;
  readonly kind: 'lightgbm' | 'rf';
  readonly params: LightGbmParams;
  readonly classWeighting: 'none' | 'is_unbalance';
  readonly rounds: number;
  readonly earlyStopping: number | undefined;
}

function lightGbmCandidates(
  options: TrainOptions,
  models: readonly ModelKind[],
  seed: number,
): LightGbmCandidate[] {
  const tuned = { ...LIGHTGBM_DEFAULTS, ...options.params, seed };
  const rounds = options.numBoostRound ?? DEFAULT_ROUNDS;
  const earlyStopping = options.earlyStoppingRounds ?? DEFAULT_EARLY_STOPPING;
  const candidates: LightGbmCandidate[] = [];
  if (models.includes('lightgbm')) {
    // Class imbalance compared: plain log loss vs positives up-weighted to balance the classes.
    candidates.push({
      name: 'lightgbm',
      kind: 'lightgbm',
      params: { ...tuned, is_unbalance: false },
      classWeighting: 'none',
      rounds,
      earlyStopping,
    });
    candidates.push({
      name: 'lightgbm (class weights)',
      kind: 'lightgbm',
      params: { ...tuned, is_unbalance: true },
      classWeighting: 'is_unbalance',
      rounds,
      earlyStopping,
    });
  }
  if (models.includes('rf')) {
    candidates.push({
      name: 'rf',
      kind: 'rf',
      params: { ...RANDOM_FOREST_DEFAULTS, seed },
      classWeighting: 'none',
      rounds: RANDOM_FOREST_TREES,
      earlyStopping: undefined,
    });
  }
  return candidates;
}

/** The prior-only baseline: every validation row gets its training folds' default rate. */
function dummyOof(labels: Float32Array, splits: readonly FoldSplit[]): Float64Array {
  const oof = new Float64Array(labels.length);
  for (const split of splits) {
    let positives = 0;
    for (const row of split.train) positives += labels[row]!;
    const prior = positives / split.train.length;
    for (const row of split.valid) oof[row] = prior;
  }
  return oof;
}

function checkTrainable(matrix: FeatureMatrix, folds: number): number {
  let defaults = 0;
  for (const label of matrix.labels) {
    if (label !== 0 && label !== 1) {
      throw new ClairscoreError('CS_ERR_BAD_TARGET', `Training rows need TARGET 0 or 1; found ${label}.`);
    }
    defaults += label;
  }
  if (defaults < folds || matrix.nrow - defaults < folds) {
    throw new ClairscoreError(
      'CS_ERR_BAD_TARGET',
      `${folds}-fold cross-validation needs at least ${folds} defaults and ${folds} repaid loans; the training rows have ${defaults} and ${matrix.nrow - defaults}.`,
    );
  }
  return defaults;
}

type LightGbmRun = {
  candidate: LightGbmCandidate;
  folds: readonly LightGbmFoldResult[];
  finalRounds: number;
};

/** LightGBM is registered when it was trained (its lower-cost weighting), else the forest. */
function chooseRegistered(
  runs: readonly LightGbmRun[],
  assessments: ReadonlyMap<string, Assessment>,
): LightGbmRun | undefined {
  const preferred = runs.some((run) => run.candidate.kind === 'lightgbm')
    ? runs.filter((run) => run.candidate.kind === 'lightgbm')
    : runs;
  const cost = (run: LightGbmRun): number => assessments.get(run.candidate.name)!.summary.metrics.cost;
  return preferred.reduce<LightGbmRun | undefined>(
    (best, run) => (best === undefined || cost(run) < cost(best) ? run : best),
    undefined,
  );
}

/**
 * Cross-validates every candidate on the same stratified folds, calibrates each on its own
 * out-of-fold predictions and sets its cost-minimising threshold; then trains the final
 * LightGBM (the class-weighting variant with the lower business cost) on every row.
 */
export async function trainModels(matrix: FeatureMatrix, options: TrainOptions): Promise<TrainingOutcome> {
  const models = options.models ?? MODEL_KINDS;
  const foldCount = options.folds ?? DEFAULT_FOLDS;
  const seed = options.seed ?? DEFAULT_SEED;
  const defaults = checkTrainable(matrix, foldCount);
  const labels = matrix.labels;
  const splits = foldSplits(stratifiedKFold(labels, foldCount, seed), foldCount);
  const step = options.onStep ?? ((): void => undefined);
  const assessments = new Map<string, Assessment>();
  const judge = (name: string, oof: Float64Array, started: number): void => {
    const seconds = (performance.now() - started) / 1000;
    assessments.set(name, assess({ name, labels, oof, splits, costs: options.costs, seed, seconds }));
  };

  if (options.models === undefined) judge('dummy', dummyOof(labels, splits), performance.now());
  if (models.includes('logreg')) {
    step(`logreg: ${foldCount}-fold cross-validation`);
    const started = performance.now();
    judge('logreg', crossValidateLogreg(matrix, splits, seed), started);
  }
  const candidates = lightGbmCandidates(options, models, seed);
  let final: FinalModel | undefined;
  if (candidates.length > 0) {
    using full = fullDataset(matrix, { max_bin: LIGHTGBM_DEFAULTS.max_bin ?? 255 });
    const runs: LightGbmRun[] = [];
    for (const candidate of candidates) {
      step(`${candidate.name}: ${foldCount}-fold cross-validation`);
      const started = performance.now();
      const cv = await crossValidateLightGbm(full, matrix, splits, {
        params: candidate.params,
        numBoostRound: candidate.rounds,
        ...(candidate.earlyStopping === undefined ? {} : { earlyStoppingRounds: candidate.earlyStopping }),
        onIteration: (fold, iteration, auc) => options.onIteration?.(candidate.name, fold, iteration, auc),
      });
      judge(candidate.name, cv.oof, started);
      runs.push({ candidate, folds: cv.folds, finalRounds: cv.finalRounds });
    }
    const chosen = chooseRegistered(runs, assessments)!;
    step(`${chosen.candidate.name}: final model on ${matrix.nrow} rows, ${chosen.finalRounds} rounds`);
    final = {
      kind: chosen.candidate.kind,
      name: chosen.candidate.name,
      booster: await trainFinalLightGbm(full, chosen.candidate.params, chosen.finalRounds),
      params: chosen.candidate.params,
      rounds: chosen.finalRounds,
      classWeighting: chosen.candidate.classWeighting,
      assessment: assessments.get(chosen.candidate.name)!,
      folds: chosen.folds,
    };
  }
  const comparison = [...assessments.values()]
    .map((assessment) => assessment.summary)
    .sort((a, b) => a.metrics.cost - b.metrics.cost);
  return { rows: matrix.nrow, defaults, foldCount, seed, comparison, final, assessments };
}
