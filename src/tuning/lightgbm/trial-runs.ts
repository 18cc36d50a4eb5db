/**
 * Each trial as an MLflow child run of the study's parent run. The run starts with the trial
 * (tag optuna.trial_state = RUNNING, the sampled parameters as params), so an interrupted trial
 * stays visible as a KILLED run still RUNNING by its tag; it ends with the trial's fold AUCs,
 * curves, CV metrics and state. Run status: COMPLETE -> FINISHED, PRUNED -> FINISHED (the tag
 * says PRUNED: KILLED is kept for runs a signal interrupted), FAIL -> FAILED.
 */
import type { MetricPoint, RunStatus, TrackedRun, Tracker } from '../../tracking/index.js';
import type { Objective } from '../study.js';
import type { Trial } from '../trial.js';
import type { FrozenTrial, TrialState } from '../trial-record.js';
import type { CvObjective, TrialCv } from './cv-objective.js';

export const TUNING_EXPERIMENT = 'clairscore-tuning';
/** Tag holding the trial state (tpe.md §6): RUNNING while it runs, then COMPLETE, PRUNED or FAIL. */
export const STATE_TAG = 'optuna.trial_state';
export const NUMBER_TAG = 'optuna.trial_number';
export const STUDY_TAG = 'clairscore.study';

const STATUS: Readonly<Record<TrialState, Exclude<RunStatus, 'RUNNING'>>> = {
  COMPLETE: 'FINISHED',
  PRUNED: 'FINISHED',
  FAIL: 'FAILED',
};

export interface TrialRunsOptions {
  readonly tracker: Tracker;
  readonly parentRunId: string;
  /** Tags every trial run gets (study name, sampler...). */
  readonly tags: Readonly<Record<string, string>>;
  /** Run name prefix (default "trial"). */
  readonly prefix?: string;
}

/** Starts and ends the child runs of one study session. */
export class TrialRuns {
  private readonly open = new Map<number, TrackedRun>();
  private failure: unknown;

  constructor(private readonly options: TrialRunsOptions) {}

  /**
   * The CV objective with a child run around each trial. A tracking error is not the trial's
   * fault: it is kept and rethrown by finish(), which stops the study.
   */
  wrap(cv: CvObjective): Objective {
    return async (trial: Trial) => {
      try {
        await this.start(trial);
      } catch (error) {
        this.failure = error;
        throw error;
      }
      return cv.evaluate(trial);
    };
  }

  /** Ends the trial's run with what the trial gave; returns its run id. */
  async finish(trial: FrozenTrial, cv: TrialCv | undefined): Promise<string> {
    if (this.failure !== undefined) throw this.failure;
    const run = this.open.get(trial.number);
    if (run === undefined) throw new Error(`trial ${trial.number} has no open run`);
    this.open.delete(trial.number);
    await run.logMetrics(trialMetrics(trial, cv));
    if (cv !== undefined)
      await run.logArtifact('lightgbm-params.json', `${JSON.stringify(cv.params, null, 2)}\n`);
    await run.setTags(finalTags(trial));
    await run.end(STATUS[trial.state]);
    return run.runId;
  }

  private async start(trial: Trial): Promise<void> {
    const { tracker, parentRunId, tags, prefix } = this.options;
    const run = await tracker.startRun({
      experimentName: TUNING_EXPERIMENT,
      runName: `${prefix ?? 'trial'}-${String(trial.number).padStart(3, '0')}`,
      parentRunId,
      tags: { ...tags, [STATE_TAG]: 'RUNNING', [NUMBER_TAG]: String(trial.number) },
    });
    this.open.set(trial.number, run);
    await run.logParams(trial.params);
  }
}

/** Intermediate values (fold_auc, step = fold), per-round curves, and the CV summary when complete. */
export function trialMetrics(trial: FrozenTrial, cv: TrialCv | undefined): MetricPoint[] {
  const points: MetricPoint[] = trial.intermediate.map((iv) => ({
    key: 'fold_auc',
    value: iv.value,
    step: iv.step,
  }));
  for (const fold of cv?.folds ?? []) {
    points.push({ key: 'best_iteration', value: fold.bestIteration, step: fold.fold });
    points.push({ key: 'fold_seconds', value: fold.seconds, step: fold.fold });
  }
  cv?.curves.forEach((curve, fold) =>
    curve.forEach((auc, i) => points.push({ key: `valid_auc.fold${fold + 1}`, value: auc, step: i + 1 })),
  );
  if (trial.state === 'COMPLETE' && trial.value !== null) {
    const aucs = trial.intermediate.map((iv) => iv.value);
    const mean = trial.value;
    const std = Math.sqrt(aucs.reduce((s, a) => s + (a - mean) ** 2, 0) / Math.max(1, aucs.length));
    points.push({ key: 'cv_auc', value: mean }, { key: 'cv_auc_std', value: std });
    points.push({ key: 'cv_auc_min', value: Math.min(...aucs) });
  }
  points.push({ key: 'duration_s', value: trial.durationMs / 1000 });
  return points;
}

function finalTags(trial: FrozenTrial): Record<string, string> {
  const tags: Record<string, string> = {
    [STATE_TAG]: trial.state,
    'clairscore.trial.duration_s': (trial.durationMs / 1000).toFixed(3),
  };
  if (trial.state === 'PRUNED') {
    tags['clairscore.trial.pruned_after_folds'] = String(trial.intermediate.length);
  }
  if (trial.error !== undefined) tags['clairscore.trial.error'] = truncate(trial.error, 4000);
  return tags;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
