/** The interface of trial pruners, consulted each time a trial reports an intermediate value. */
import type { IntermediateValue, StudyView } from './trial-record.js';

/** The running trial as a pruner sees it: what it has reported so far, latest included. */
export interface RunningTrial {
  readonly number: number;
  readonly intermediate: readonly IntermediateValue[];
}

export interface Pruner {
  readonly name: string;
  /** True when the running trial should stop now (the objective then throws TrialPruned). */
  shouldPrune(trial: RunningTrial, study: StudyView): boolean;
}

/** Never prunes: for studies whose objective reports nothing, or to compare with pruning off. */
export class NopPruner implements Pruner {
  readonly name = 'none';
  shouldPrune(): boolean {
    return false;
  }
}
