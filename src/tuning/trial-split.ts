/**
 * TPE's split of past trials into "below" (good, fits l(x)) and "above" (fits g(x)),
 * tpe.md §2.2 step 4.
 */
import type { Direction, FrozenTrial } from './trial-record.js';
import { lastStep } from './trial-record.js';

export interface TrialSplit {
  /** Both groups sorted by trial number, which the mixture weights depend on. */
  readonly below: readonly FrozenTrial[];
  readonly above: readonly FrozenTrial[];
}

/**
 * The best `nBelow` COMPLETE trials go below; if there are too few, PRUNED trials fill the
 * rest, those that got further (larger last step) first, then by their value at that step.
 * `trials` holds COMPLETE and PRUNED trials only.
 */
export function splitTrials(
  trials: readonly FrozenTrial[],
  nBelow: number,
  direction: Direction,
): TrialSplit {
  const sign = direction === 'minimize' ? 1 : -1;
  const byNumber = (a: FrozenTrial, b: FrozenTrial): number => a.number - b.number;
  const complete = trials
    .filter((t) => t.state === 'COMPLETE')
    .sort((a, b) => sign * (a.value! - b.value!) || byNumber(a, b));
  const chosen = complete.slice(0, Math.min(nBelow, complete.length));
  if (nBelow > complete.length) {
    const pruned = trials
      .filter((t) => t.state === 'PRUNED')
      .map((t) => ({ trial: t, score: prunedScore(t, sign) }))
      .sort((a, b) => a.score[0] - b.score[0] || a.score[1] - b.score[1] || byNumber(a.trial, b.trial));
    chosen.push(...pruned.slice(0, nBelow - complete.length).map((p) => p.trial));
  }
  const belowNumbers = new Set(chosen.map((t) => t.number));
  return {
    below: [...chosen].sort(byNumber),
    above: trials.filter((t) => !belowNumbers.has(t.number)).sort(byNumber),
  };
}

/** Optuna's pruned-trial rank key: (−last step, direction-adjusted value there); NaN worst; none (1, 0). */
function prunedScore(trial: FrozenTrial, sign: number): [number, number] {
  const step = lastStep(trial.intermediate);
  if (step === undefined) return [1, 0];
  const value = trial.intermediate.find((iv) => iv.step === step)!.value;
  return [-step, Number.isNaN(value) ? Infinity : sign * value];
}
