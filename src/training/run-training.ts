import type { Workspace } from '../core/index.js';
import { exportWorkspaceMatrix, type FeatureMatrix } from '../features/index.js';
import type { CostWeights, LightGbmParams } from '../model/index.js';
import { registerVersion, type ModelCard } from '../registry/index.js';
import { gitCommit, openTracker, type TrackedRun } from '../tracking/index.js';
import { versionFiles } from './artifacts.js';
import { metricName } from './metric-name.js';
import { recordTraining } from './record-training.js';
import { trainModels, type ModelKind, type TrainingOutcome } from './train-models.js';

export interface RunTrainingOptions {
  readonly models?: readonly ModelKind[];
  readonly folds?: number;
  readonly seed?: number;
  readonly costs: CostWeights;
  /** Half-width of the review band around the threshold; 0 (off) by default. */
  readonly reviewBand?: number;
  readonly params?: LightGbmParams;
  readonly numBoostRound?: number;
  readonly earlyStoppingRounds?: number;
  readonly runName?: string;
  /** Makes the training a child run (e.g. of a tuning study). */
  readonly parentRunId?: string;
  readonly onStep?: (step: string) => void;
}

export interface TrainingReport {
  readonly outcome: TrainingOutcome;
  /** The registered version; undefined when only the logistic regression was trained. */
  readonly card: ModelCard | undefined;
  readonly runId: string;
  readonly trackingLocation: string;
}

export const TRAINING_EXPERIMENT = 'clairscore-training';

/**
 * `clairscore train` end to end: the training rows of the feature table, every candidate
 * cross-validated, the chosen LightGBM registered as a new version (not champion), and the
 * whole run tracked. A failure marks the run FAILED and registers nothing.
 */
export async function runTraining(
  workspace: Workspace,
  options: RunTrainingOptions,
): Promise<TrainingReport> {
  const matrix: FeatureMatrix = await exportWorkspaceMatrix(workspace, { rows: 'train' });
  const tracker = openTracker(workspace);
  const run: TrackedRun = await tracker.startRun({
    experimentName: TRAINING_EXPERIMENT,
    runName: options.runName ?? `train-${new Date().toISOString().slice(0, 19)}`,
    ...(options.parentRunId === undefined ? {} : { parentRunId: options.parentRunId }),
  });
  try {
    const iterations: { key: string; value: number; step: number }[] = [];
    const outcome = await trainModels(matrix, {
      ...options,
      onIteration: (model, fold, iteration, auc) =>
        iterations.push({
          key: `${metricName(model)}.valid_auc.fold${fold + 1}`,
          value: auc,
          step: iteration,
        }),
    });
    try {
      const reviewBand = options.reviewBand ?? 0;
      let card: ModelCard | undefined;
      if (outcome.final) {
        const commit = (await gitCommit(process.cwd())) ?? null;
        card = registerVersion(
          workspace,
          modelCard(matrix, outcome, options, reviewBand, commit, run.runId),
          versionFiles(matrix, outcome, outcome.final),
        );
      }
      await recordTraining(run, { matrix, outcome, options, reviewBand, card, iterations });
      await run.end('FINISHED');
      return { outcome, card, runId: run.runId, trackingLocation: tracker.location };
    } finally {
      outcome.final?.booster.free();
    }
  } catch (error) {
    await run.end('FAILED');
    throw error;
  }
}

function modelCard(
  matrix: FeatureMatrix,
  outcome: TrainingOutcome,
  options: RunTrainingOptions,
  reviewBand: number,
  commit: string | null,
  runId: string,
): Omit<ModelCard, 'version'> {
  const final = outcome.final!;
  const { summary } = final.assessment;
  return {
    name: 'clairscore',
    createdAt: new Date().toISOString(),
    gitCommit: commit,
    runId,
    kind: final.kind,
    featureVersion: matrix.version,
    features: matrix.columns,
    categorical: matrix.categorical,
    includeSensitive: matrix.columns.includes('CODE_GENDER'),
    trainingData: {
      rows: outcome.rows,
      defaults: outcome.defaults,
      defaultRate: outcome.defaults / outcome.rows,
      folds: outcome.foldCount,
      seed: outcome.seed,
    },
    params: final.params,
    rounds: final.rounds,
    classWeighting: final.classWeighting,
    metrics: summary.metrics,
    foldSpread: summary.folds,
    calibration: final.assessment.calibrator.toJSON(),
    decision: {
      threshold: summary.threshold,
      fnCost: options.costs.fnCost,
      fpCost: options.costs.fpCost,
      reviewBand,
    },
    comparison: outcome.comparison,
  };
}
