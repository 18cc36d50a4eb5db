/**
 * The handle an objective receives: the sampled parameters, intermediate-value reports and
 * the pruning question. Parameters come from the declared search space (sampled when the
 * trial starts), so `suggest*` reads and type-checks rather than declaring on the fly.
 */
import { ClairscoreError } from '../core/errors.js';
import type { Pruner } from './pruner.js';
import type { CategoricalValue, ParamSpec, Params, SearchSpace } from './search-space.js';
import { findParam } from './search-space.js';
import type { IntermediateValue, StudyView } from './trial-record.js';

/** Thrown by an objective to end its trial as PRUNED (Optuna's TrialPruned). */
export class TrialPruned extends Error {
  constructor(message = 'trial pruned') {
    super(message);
    this.name = 'TrialPruned';
  }
}

export class Trial {
  readonly number: number;
  readonly params: Params;
  private readonly reports: IntermediateValue[] = [];

  constructor(
    number: number,
    params: Params,
    private readonly space: SearchSpace,
    private readonly pruner: Pruner,
    private readonly study: StudyView,
  ) {
    this.number = number;
    this.params = params;
  }

  /** The value of the float parameter `name`. */
  suggestFloat(name: string): number {
    return this.value(name, 'float') as number;
  }

  /** The value of the int parameter `name`. */
  suggestInt(name: string): number {
    return this.value(name, 'int') as number;
  }

  /** The value of the categorical parameter `name`. */
  suggestCategorical(name: string): CategoricalValue {
    return this.value(name, 'categorical');
  }

  /** Records the objective's value at `step` (a fold, a boosting round); a repeated step is ignored. */
  report(step: number, value: number): void {
    if (!Number.isInteger(step) || step < 0)
      throw new RangeError(`step must be a non-negative integer (got ${step})`);
    if (this.reports.some((r) => r.step === step)) return;
    this.reports.push({ step, value });
  }

  /** True when the pruner says to stop; the objective then throws TrialPruned. */
  shouldPrune(): boolean {
    return this.pruner.shouldPrune({ number: this.number, intermediate: this.reports }, this.study);
  }

  /** Intermediate values reported so far, in report order. */
  get intermediate(): readonly IntermediateValue[] {
    return this.reports;
  }

  private value(name: string, kind: ParamSpec['kind']): CategoricalValue {
    const param = findParam(this.space, name);
    if (param === undefined) {
      throw new ClairscoreError(
        'CS_ERR_SEARCH_SPACE',
        `The objective asked for parameter '${name}', which the search space does not declare`,
        { name },
      );
    }
    if (param.kind !== kind) {
      throw new ClairscoreError(
        'CS_ERR_SEARCH_SPACE',
        `The objective asked for '${name}' as ${kind}, but the search space declares it ${param.kind}`,
        { name },
      );
    }
    return this.params[name]!;
  }
}
