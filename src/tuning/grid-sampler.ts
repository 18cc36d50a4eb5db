/**
 * Grid search (tpe.md §3.2–3.3): every combination of the parameters' grid values, in the
 * order of itertools.product over names sorted alphabetically (scikit-learn's ParameterGrid),
 * shuffled by the seed as Optuna's GridSampler does unless `shuffle: false`. Trial t < n takes
 * combination t; later trials (resumed or concurrent) take a random unvisited one; the study
 * stops once every combination has been visited.
 */
import { ClairscoreError } from '../core/errors.js';
import type { Sampler } from './sampler.js';
import { streamRng } from './sampler.js';
import type { ParamSpec, ParamValue, Params, SearchSpace } from './search-space.js';
import type { StudyView } from './trial-record.js';

export interface GridSamplerOptions {
  /** Seed of the shuffle; default 0 as in Optuna (`RandomState(seed or 0)`). */
  readonly seed?: number;
  /** false: scikit-learn's deterministic ParameterGrid order. Default true (Optuna). */
  readonly shuffle?: boolean;
}

/** Grids above this many combinations are refused: nobody runs them, and the order table would be huge. */
export const MAX_GRID_COMBINATIONS = 1_000_000;

interface Grid {
  readonly names: readonly string[];
  readonly values: readonly (readonly ParamValue[])[];
  readonly size: number;
  /** Combination id for each trial number < size. */
  readonly order: Int32Array;
}

export class GridSampler implements Sampler {
  readonly name = 'grid';
  readonly seed: number;
  readonly shuffle: boolean;
  private readonly grids = new WeakMap<SearchSpace, Grid>();

  constructor(options: GridSamplerOptions = {}) {
    this.seed = options.seed ?? 0;
    this.shuffle = options.shuffle ?? true;
  }

  check(space: SearchSpace): void {
    this.gridOf(space);
  }

  /** Number of combinations of the space's grid. */
  size(space: SearchSpace): number {
    return this.gridOf(space).size;
  }

  sample(space: SearchSpace, study: StudyView, number: number): Params {
    const grid = this.gridOf(space);
    let id: number;
    if (number < grid.size) {
      id = grid.order[number]!;
    } else {
      const visited = visitedIds(grid, study);
      const unvisited = [...grid.order].filter((g) => !visited.has(g));
      const pool = unvisited.length > 0 ? unvisited : [...grid.order];
      id = pool[streamRng(this.seed, 'grid', number).int(0, pool.length - 1)]!;
    }
    return decode(grid, id);
  }

  isExhausted(space: SearchSpace, study: StudyView): boolean {
    const grid = this.gridOf(space);
    return visitedIds(grid, study).size >= grid.size;
  }

  private gridOf(space: SearchSpace): Grid {
    let grid = this.grids.get(space);
    if (grid === undefined) {
      grid = buildGrid(space, this.shuffle, this.seed);
      this.grids.set(space, grid);
    }
    return grid;
  }
}

/** The values the grid visits for one parameter, or a reason it has none. */
export function gridValuesOf(param: ParamSpec): readonly ParamValue[] | string {
  if (param.kind === 'categorical') return param.choices;
  if (param.grid !== undefined) return param.grid;
  if (param.step === undefined) {
    return `${param.name}: a float needs "grid" values or a "step" for grid search`;
  }
  const count = Math.round((param.high - param.low) / param.step) + 1;
  if (count > MAX_GRID_COMBINATIONS) return `${param.name}: ${count} steps; declare "grid" values`;
  return Array.from({ length: count }, (_, k) => param.low + k * param.step!);
}

function buildGrid(space: SearchSpace, shuffle: boolean, seed: number): Grid {
  const params = [...space.params].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const problems: string[] = [];
  const values: (readonly ParamValue[])[] = [];
  for (const param of params) {
    const v = gridValuesOf(param);
    if (typeof v === 'string') problems.push(v);
    else values.push(v);
  }
  const size = values.reduce((n, v) => n * v.length, 1);
  if (problems.length === 0 && size > MAX_GRID_COMBINATIONS) {
    problems.push(
      `the grid has ${size} combinations (limit ${MAX_GRID_COMBINATIONS}): declare fewer "grid" values`,
    );
  }
  if (problems.length > 0) {
    throw new ClairscoreError(
      'CS_ERR_SEARCH_SPACE',
      `This search space cannot be searched by grid:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      { problems },
    );
  }
  const order = Int32Array.from({ length: size }, (_, i) => i);
  if (shuffle) {
    const rng = streamRng(seed, 'grid-shuffle', 0);
    for (let i = size - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
  }
  return { names: params.map((p) => p.name), values, size, order };
}

/** Combination `id` in itertools.product order (the last name varies fastest). */
function decode(grid: Grid, id: number): Params {
  const params: Record<string, ParamValue> = {};
  let rest = id;
  for (let i = grid.names.length - 1; i >= 0; i--) {
    const options = grid.values[i]!;
    params[grid.names[i]!] = options[rest % options.length]!;
    rest = Math.floor(rest / options.length);
  }
  return params;
}

/** Ids of combinations already tried by finished trials of any state (as Optuna counts them). */
function visitedIds(grid: Grid, study: StudyView): Set<number> {
  const ids = new Set<number>();
  for (const trial of study.trials) {
    let id = 0;
    for (let i = 0; i < grid.names.length && id >= 0; i++) {
      const k = indexOfValue(grid.values[i]!, trial.params[grid.names[i]!]);
      id = k < 0 ? -1 : id * grid.values[i]!.length + k;
    }
    if (id >= 0) ids.add(id);
  }
  return ids;
}

function indexOfValue(options: readonly ParamValue[], value: ParamValue | undefined): number {
  if (value === undefined) return -1;
  return options.findIndex(
    (o) =>
      o === value ||
      (typeof o === 'number' &&
        typeof value === 'number' &&
        Math.abs(o - value) <= 1e-12 * Math.max(1, Math.abs(o))),
  );
}
