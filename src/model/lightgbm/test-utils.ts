import { Rng } from '../../core/rng.js';
import { Booster } from './booster.js';
import { Dataset, type DatasetOptions } from './dataset.js';
import type { DenseMatrix } from './matrix.js';
import type { LightGbmParams } from './params.js';

/** A binary task: rows x cols standard normals, label ~ Bernoulli(sigmoid(logit(row))). */
export interface Task {
  readonly matrix: DenseMatrix & { readonly data: Float32Array };
  readonly label: Float32Array;
}

/** Default signal: two informative columns, the others noise. */
export const twoFeatureLogit = (row: Float32Array): number => 2 * row[0]! - 1.5 * row[1]!;

export function makeTask(
  rows: number,
  cols: number,
  seed: number,
  logit: (row: Float32Array) => number = twoFeatureLogit,
): Task {
  const rng = new Rng(seed);
  const data = new Float32Array(rows * cols);
  const label = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    const row = data.subarray(r * cols, (r + 1) * cols);
    for (let c = 0; c < cols; c++) row[c] = rng.normal();
    label[r] = rng.chance(1 / (1 + Math.exp(-logit(row)))) ? 1 : 0;
  }
  return { matrix: { data, nrow: rows, ncol: cols }, label };
}

/** Rows [start, end) of a task, copied. */
export function sliceTask(task: Task, start: number, end: number): Task {
  const { ncol } = task.matrix;
  return {
    matrix: { data: task.matrix.data.slice(start * ncol, end * ncol), nrow: end - start, ncol },
    label: task.label.slice(start, end),
  };
}

/**
 * Quiet, deterministic parameters for tests. One thread: OpenMP barriers spin, and on a busy
 * machine (parallel test files, other jobs) two threads measured 30x slower than one.
 */
export const TEST_PARAMS: LightGbmParams = {
  num_threads: 1,
  objective: 'binary',
  metric: 'binary_logloss',
  num_leaves: 15,
  learning_rate: 0.1,
  min_data_in_leaf: 20,
  seed: 7,
  deterministic: true,
  force_row_wise: true,
};

export function datasetOf(task: Task, options: Omit<DatasetOptions, 'label'> = {}): Dataset {
  return Dataset.fromMatrix(task.matrix, { label: task.label, ...options });
}

/** Trains `rounds` iterations without validation; the dataset is freed, the booster returned. */
export function quickBooster(task: Task, rounds: number, params: LightGbmParams = TEST_PARAMS): Booster {
  using dataset = datasetOf(task);
  const booster = Booster.create(params, dataset);
  for (let i = 0; i < rounds; i++) booster.updateOneIter();
  return booster;
}
