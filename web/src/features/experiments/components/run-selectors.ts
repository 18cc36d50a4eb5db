import type { Run } from '../types';

export const STUDY_TAG = 'clairscore.study';
export const SAMPLER_TAG = 'clairscore.sampler';
export const COMPARISON_TAG = 'clairscore.comparison';
export const TRIAL_NUMBER_TAG = 'optuna.trial_number';
export const SAMPLERS = ['grid', 'random', 'tpe'] as const;

/** Top-level runs that are neither a study nor a sampler comparison (training runs). */
export const trainingRuns = (runs: readonly Run[]) =>
  runs.filter((r) => r.parentRunId === null && !r.tags[STUDY_TAG] && !r.tags[COMPARISON_TAG]);

/** The parent runs of tuning studies. */
export const studyRuns = (runs: readonly Run[]) =>
  runs.filter((r) => r.parentRunId === null && r.tags[STUDY_TAG]);

/** The parent runs of sampler comparisons. */
export const comparisonRuns = (runs: readonly Run[]) =>
  runs.filter((r) => r.parentRunId === null && r.tags[COMPARISON_TAG]);

export const childrenOf = (runs: readonly Run[], parent: string) =>
  runs.filter((r) => r.parentRunId === parent);

/** The best complete trial of a study by CV AUC. */
export function bestTrial(trials: readonly Run[]): Run | undefined {
  let best: Run | undefined;
  for (const trial of trials) {
    const auc = trial.metrics.cv_auc;
    if (auc === undefined) continue;
    if (!best || auc > (best.metrics.cv_auc ?? Number.NEGATIVE_INFINITY)) best = trial;
  }
  return best;
}

/** Best CV AUC reached after each trial (in trial order): the convergence curve of one sampler. */
export function bestSoFar(trials: readonly Run[]): [number, number][] {
  const ordered = [...trials].sort(
    (a, b) =>
      Number(a.tags[TRIAL_NUMBER_TAG] ?? a.startTime ?? 0) -
      Number(b.tags[TRIAL_NUMBER_TAG] ?? b.startTime ?? 0),
  );
  const curve: [number, number][] = [];
  let best = Number.NEGATIVE_INFINITY;
  ordered.forEach((trial, i) => {
    const auc = trial.metrics.cv_auc;
    if (auc !== undefined && auc > best) best = auc;
    if (Number.isFinite(best)) curve.push([i + 1, best]);
  });
  return curve;
}
