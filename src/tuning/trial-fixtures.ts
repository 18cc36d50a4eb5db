/** Test helpers: finished-trial records built in one line. */
import type { Params } from './search-space.js';
import type { FrozenTrial, IntermediateValue, TrialState } from './trial-record.js';

/** A finished trial; value defaults to null for FAIL and PRUNED. */
export function frozen(
  number: number,
  state: TrialState,
  params: Params,
  value: number | null = null,
  intermediate: readonly IntermediateValue[] = [],
): FrozenTrial {
  return {
    number,
    state,
    params,
    value,
    intermediate,
    startedAt: number,
    completedAt: number + 1,
    durationMs: 1,
  };
}

/** Intermediate values from a list of values at steps 0, 1, 2... */
export function steps(...values: number[]): IntermediateValue[] {
  return values.map((value, step) => ({ step, value }));
}
