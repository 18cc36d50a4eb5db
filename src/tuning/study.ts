/**
 * A study: runs an objective for a number of trials or until a timeout, one trial at a time,
 * and keeps a plain record of every finished trial. Resuming = constructing a study with the
 * saved trials; samplers draw from per-trial streams, so it continues as if never stopped.
 */
import { ClairscoreError } from '../core/errors.js';
import { MedianPruner } from './median-pruner.js';
import type { Pruner } from './pruner.js';
import type { Sampler } from './sampler.js';
import type { Params, SearchSpace } from './search-space.js';
import { TpeSampler } from './tpe-sampler.js';
import { Trial, TrialPruned } from './trial.js';
import type { Direction, FrozenTrial, StudyView, TrialState } from './trial-record.js';
import { bestTrial, lastStep } from './trial-record.js';

/** The objective: its value for a trial (AUC, log loss...). Throwing fails the trial, not the study. */
export type Objective = (trial: Trial) => Promise<number> | number;

export interface StudyOptions {
  readonly space: SearchSpace;
  /** Default: TPE, seed 0. */
  readonly sampler?: Sampler;
  /** Default: MedianPruner (Optuna's default). */
  readonly pruner?: Pruner;
  /** Default 'minimize', as in Optuna. */
  readonly direction?: Direction;
  readonly name?: string;
  /** Trials of an interrupted study to resume from. */
  readonly trials?: readonly FrozenTrial[];
  /** Clock in epoch milliseconds; tests pass a fake one. */
  readonly now?: () => number;
}

export interface OptimizeOptions {
  /** New trials to run in this call. */
  readonly nTrials?: number;
  /** Start no new trial after this many seconds (a running trial is not interrupted). */
  readonly timeoutSeconds?: number;
  /** Called after each trial is recorded (the tracking layer writes the child run here). */
  readonly onTrialEnd?: (trial: FrozenTrial, study: Study) => void | Promise<void>;
}

/** The plain, serialisable record of a study. */
export interface StudyRecord {
  readonly name: string;
  readonly direction: Direction;
  readonly sampler: string;
  readonly pruner: string;
  readonly trials: readonly FrozenTrial[];
}

const defaultNow = (): number => performance.timeOrigin + performance.now();

export class Study implements StudyView {
  readonly name: string;
  readonly space: SearchSpace;
  readonly sampler: Sampler;
  readonly pruner: Pruner;
  readonly direction: Direction;
  private readonly records: FrozenTrial[];
  private readonly now: () => number;
  private stopRequested = false;

  constructor(options: StudyOptions) {
    this.space = options.space;
    this.sampler = options.sampler ?? new TpeSampler();
    this.pruner = options.pruner ?? new MedianPruner();
    this.direction = options.direction ?? 'minimize';
    this.name = options.name ?? 'study';
    this.now = options.now ?? defaultNow;
    this.records = [...(options.trials ?? [])].sort((a, b) => a.number - b.number);
    const numbers = new Set(this.records.map((t) => t.number));
    if (numbers.size !== this.records.length) {
      throw new ClairscoreError('CS_ERR_USAGE', `Study ${this.name}: the saved trials repeat a trial number`);
    }
    // Refuse an unsearchable space (e.g. a float with no grid values) before any trial runs.
    this.sampler.check?.(this.space);
  }

  /** Finished trials, in number order. */
  get trials(): readonly FrozenTrial[] {
    return this.records;
  }

  /** The best COMPLETE trial, or undefined. */
  get bestTrial(): FrozenTrial | undefined {
    return bestTrial(this.records, this.direction);
  }

  /** Ends optimize() after the running trial. */
  stop(): void {
    this.stopRequested = true;
  }

  /** Runs trials until nTrials new ones ran, the timeout passed, stop() was called or the grid is exhausted. */
  async optimize(objective: Objective, options: OptimizeOptions): Promise<void> {
    const { nTrials, timeoutSeconds } = options;
    if (nTrials === undefined && timeoutSeconds === undefined && this.sampler.isExhausted === undefined) {
      throw new ClairscoreError(
        'CS_ERR_USAGE',
        'Give a number of trials or a timeout, or the study never ends',
      );
    }
    this.stopRequested = false;
    const start = this.now();
    for (let run = 0; nTrials === undefined || run < nTrials; run++) {
      if (this.stopRequested) break;
      if (timeoutSeconds !== undefined && this.now() - start >= timeoutSeconds * 1000) break;
      if (this.sampler.isExhausted?.(this.space, this) === true) break;
      const record = await this.runTrial(objective);
      this.records.push(record);
      await options.onTrialEnd?.(record, this);
    }
  }

  /** The plain record of the study, for tracking and resuming. */
  toRecord(): StudyRecord {
    return {
      name: this.name,
      direction: this.direction,
      sampler: this.sampler.name,
      pruner: this.pruner.name,
      trials: this.records,
    };
  }

  private async runTrial(objective: Objective): Promise<FrozenTrial> {
    const number = this.records.length === 0 ? 0 : this.records[this.records.length - 1]!.number + 1;
    const startedAt = this.now();
    const params: Params = this.sampler.sample(this.space, this, number);
    const trial = new Trial(number, params, this.space, this.pruner, this);
    let state: TrialState;
    let value: number | null = null;
    let error: string | undefined;
    try {
      const result = await objective(trial);
      if (typeof result === 'number' && Number.isFinite(result)) {
        state = 'COMPLETE';
        value = result;
      } else {
        state = 'FAIL';
        error = `the objective returned ${String(result)}, not a finite number`;
      }
    } catch (thrown) {
      if (thrown instanceof TrialPruned) {
        state = 'PRUNED';
        // As Optuna: a pruned trial's value is its last reported one, if it is a number.
        const step = lastStep(trial.intermediate);
        const last = trial.intermediate.find((iv) => iv.step === step)?.value;
        value = last !== undefined && !Number.isNaN(last) ? last : null;
      } else {
        state = 'FAIL';
        error = thrown instanceof Error ? thrown.message : String(thrown);
      }
    }
    const completedAt = this.now();
    return {
      number,
      state,
      params,
      value,
      intermediate: [...trial.intermediate],
      startedAt,
      completedAt,
      durationMs: completedAt - startedAt,
      ...(error === undefined ? {} : { error }),
    };
  }
}
