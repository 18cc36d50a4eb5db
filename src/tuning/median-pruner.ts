/**
 * Optuna's PercentilePruner and MedianPruner (= percentile 50), tpe.md §4.1: stop a trial
 * whose best intermediate value so far is worse than the given percentile of the COMPLETE
 * trials' values at the same step.
 */
import type { Pruner, RunningTrial } from './pruner.js';
import { nanPercentile } from './stats.js';
import type { StudyView } from './trial-record.js';
import { lastStep } from './trial-record.js';

export interface PercentilePrunerOptions {
  /** Never prune before this many trials are COMPLETE (default 5). */
  readonly nStartupTrials?: number;
  /** Never prune at steps below this (default 0). */
  readonly nWarmupSteps?: number;
  /** Check only on the first report of each interval of this many steps after warm-up (default 1). */
  readonly intervalSteps?: number;
  /** Need this many COMPLETE trials with a value at the step to compare with (default 1). */
  readonly nMinTrials?: number;
}

export class PercentilePruner implements Pruner {
  readonly name: string = 'percentile';
  readonly percentile: number;
  readonly nStartupTrials: number;
  readonly nWarmupSteps: number;
  readonly intervalSteps: number;
  readonly nMinTrials: number;

  constructor(percentile: number, options: PercentilePrunerOptions = {}) {
    if (!(percentile >= 0 && percentile <= 100))
      throw new RangeError(`percentile must be in 0..100 (got ${percentile})`);
    this.percentile = percentile;
    this.nStartupTrials = options.nStartupTrials ?? 5;
    this.nWarmupSteps = options.nWarmupSteps ?? 0;
    this.intervalSteps = options.intervalSteps ?? 1;
    this.nMinTrials = options.nMinTrials ?? 1;
  }

  shouldPrune(trial: RunningTrial, study: StudyView): boolean {
    const completed = study.trials.filter((t) => t.state === 'COMPLETE');
    if (completed.length === 0 || completed.length < this.nStartupTrials) return false;
    const step = lastStep(trial.intermediate);
    if (step === undefined || step < this.nWarmupSteps) return false;
    if (!this.isFirstInInterval(step, trial)) return false;

    const minimize = study.direction === 'minimize';
    const own = trial.intermediate.map((iv) => iv.value).filter((v) => !Number.isNaN(v));
    // A trial that reported only NaN cannot get better than the others: prune it.
    if (own.length === 0) return true;
    const best = minimize ? Math.min(...own) : Math.max(...own);

    const atStep: number[] = [];
    for (const t of completed) {
      const found = t.intermediate.find((iv) => iv.step === step);
      if (found !== undefined) atStep.push(found.value);
    }
    if (atStep.length < this.nMinTrials) return false;
    // For maximisation the percentile is mirrored: the 25th-best is the 75th percentile.
    const threshold = nanPercentile(atStep, minimize ? this.percentile : 100 - this.percentile);
    if (Number.isNaN(threshold)) return false;
    return minimize ? best > threshold : best < threshold;
  }

  /** True when no earlier report falls in the interval that `step` belongs to. */
  private isFirstInInterval(step: number, trial: RunningTrial): boolean {
    const intervalStart =
      Math.floor((step - this.nWarmupSteps) / this.intervalSteps) * this.intervalSteps + this.nWarmupSteps;
    let previous = -1;
    for (const iv of trial.intermediate) if (iv.step !== step && iv.step > previous) previous = iv.step;
    return previous < intervalStart;
  }
}

/** Optuna's default pruner: the median of the completed trials' values at the same step. */
export class MedianPruner extends PercentilePruner {
  override readonly name = 'median';

  constructor(options: PercentilePrunerOptions = {}) {
    super(50, options);
  }
}
