/**
 * Search-space declarations: what a sampler may choose for each parameter.
 * Mirrors Optuna's distributions (FloatDistribution, IntDistribution, CategoricalDistribution)
 * so a data scientist reads the config the way they read `trial.suggest_*` calls.
 */

/** A value a categorical parameter may take. */
export type CategoricalValue = string | number | boolean;

/** A sampled parameter value. */
export type ParamValue = CategoricalValue;

/** One trial's parameters, by name. */
export type Params = Readonly<Record<string, ParamValue>>;

/** A float in [low, high]; `log` samples uniformly in ln-space, `step` restricts to low + k*step. */
export interface FloatParam {
  readonly kind: 'float';
  readonly name: string;
  readonly low: number;
  readonly high: number;
  readonly log: boolean;
  readonly step: number | undefined;
  /** Values the grid sampler visits; without it the grid uses every step (step required). */
  readonly grid: readonly number[] | undefined;
}

/** An integer in [low, high] on the step grid (step 1 by default); `log` requires step 1. */
export interface IntParam {
  readonly kind: 'int';
  readonly name: string;
  readonly low: number;
  readonly high: number;
  readonly log: boolean;
  readonly step: number;
  /** Values the grid sampler visits; without it the grid uses every step. */
  readonly grid: readonly number[] | undefined;
}

/** One of a fixed list of choices (the grid sampler visits them all). */
export interface CategoricalParam {
  readonly kind: 'categorical';
  readonly name: string;
  readonly choices: readonly CategoricalValue[];
}

export type NumericParam = FloatParam | IntParam;
export type ParamSpec = FloatParam | IntParam | CategoricalParam;

/** A validated search space: parameters in declaration order, names unique. */
export interface SearchSpace {
  readonly params: readonly ParamSpec[];
}

/** Options of a numeric declaration; omitted fields take Optuna's defaults. */
export interface NumericOptions {
  readonly log?: boolean;
  readonly step?: number;
  readonly grid?: readonly number[];
}

/** Declares a float parameter (validated when the space is built by `defineSearchSpace`). */
export function floatParam(
  name: string,
  low: number,
  high: number,
  options: NumericOptions = {},
): FloatParam {
  return {
    kind: 'float',
    name,
    low,
    high,
    log: options.log ?? false,
    step: options.step,
    grid: options.grid,
  };
}

/** Declares an integer parameter (step 1 unless given). */
export function intParam(name: string, low: number, high: number, options: NumericOptions = {}): IntParam {
  return {
    kind: 'int',
    name,
    low,
    high,
    log: options.log ?? false,
    step: options.step ?? 1,
    grid: options.grid,
  };
}

/** Declares a categorical parameter. */
export function categoricalParam(name: string, choices: readonly CategoricalValue[]): CategoricalParam {
  return { kind: 'categorical', name, choices };
}

/** The declared parameter called `name`, or undefined. */
export function findParam(space: SearchSpace, name: string): ParamSpec | undefined {
  return space.params.find((p) => p.name === name);
}
