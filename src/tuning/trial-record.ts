/**
 * The plain, serialisable record of a finished trial: what the tracking layer writes as a
 * child run and what a resumed study is fed back (tpe.md §5 state names).
 */
import type { Params } from './search-space.js';

/** COMPLETE: objective returned a finite value; PRUNED: stopped by the pruner; FAIL: threw or returned NaN/±∞. */
export type TrialState = 'COMPLETE' | 'PRUNED' | 'FAIL';

/** Which way the objective improves (AUC: maximize; log loss: minimize). */
export type Direction = 'minimize' | 'maximize';

/** One reported intermediate value (a fold or a boosting round). */
export interface IntermediateValue {
  readonly step: number;
  readonly value: number;
}

export interface FrozenTrial {
  /** 0-based, unique in the study, in start order. */
  readonly number: number;
  readonly state: TrialState;
  readonly params: Params;
  /** The objective (COMPLETE), the last intermediate value (PRUNED, when reported), else null. */
  readonly value: number | null;
  /** In report order; a step reported twice keeps its first value (as Optuna does). */
  readonly intermediate: readonly IntermediateValue[];
  /** Epoch milliseconds (fractional). */
  readonly startedAt: number;
  readonly completedAt: number;
  readonly durationMs: number;
  /** Why a FAIL trial failed. */
  readonly error?: string;
}

/** What a sampler or pruner sees of the study. */
export interface StudyView {
  readonly direction: Direction;
  /** Finished trials, in number order. */
  readonly trials: readonly FrozenTrial[];
}

/** The largest step reported, or undefined (Optuna's FrozenTrial.last_step). */
export function lastStep(intermediate: readonly IntermediateValue[]): number | undefined {
  let last: number | undefined;
  for (const { step } of intermediate) if (last === undefined || step > last) last = step;
  return last;
}

/** True when a is strictly better than b in the given direction. */
export function isBetter(a: number, b: number, direction: Direction): boolean {
  return direction === 'minimize' ? a < b : a > b;
}

/** The best COMPLETE trial (first on ties), or undefined when none completed. */
export function bestTrial(trials: readonly FrozenTrial[], direction: Direction): FrozenTrial | undefined {
  let best: FrozenTrial | undefined;
  for (const trial of trials) {
    if (trial.state !== 'COMPLETE' || trial.value === null) continue;
    if (best === undefined || isBetter(trial.value, best.value!, direction)) best = trial;
  }
  return best;
}
