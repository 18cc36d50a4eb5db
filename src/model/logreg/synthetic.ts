import { Rng } from '../../core/index.js';
import type { LogregMatrix } from './input.js';

/** A generated binary classification task for tests and the bench. */
export interface SyntheticSpec {
  readonly rows: number;
  /** Numeric columns `x0`, `x1`, ...: column j is N(j, (1 + j % 3)^2). */
  readonly numeric: number;
  /** Level counts of the categorical columns `c0`, `c1`, ... (codes 0..levels-1, skewed). */
  readonly categorical?: readonly number[];
  /** Log-odds slopes of the first numeric columns, on their raw scale. */
  readonly beta?: readonly number[];
  /** Log-odds effect of code k of every categorical column: levelEffect * (k % 3 - 1). */
  readonly levelEffect?: number;
  readonly intercept?: number;
  /** Share of the numeric columns (the last ones) with missing values, and their missing rate. */
  readonly missingColumns?: number;
  readonly missingRate?: number;
  /** Share of each numeric column's variance from a factor common to its block of 10 columns. */
  readonly correlation?: number;
  readonly seed: number;
}

/** Labels drawn from the logistic model of the complete values, then values hidden at random. */
export function syntheticMatrix(spec: SyntheticSpec): LogregMatrix {
  const rng = new Rng(spec.seed);
  const levels = spec.categorical ?? [];
  const beta = spec.beta ?? [];
  const ncol = spec.numeric + levels.length;
  const nrow = spec.rows;
  const data = new Float32Array(nrow * ncol);
  const labels = new Float32Array(nrow);
  const firstMissing = spec.numeric - Math.round((spec.missingColumns ?? 0) * spec.numeric);
  const missingRate = spec.missingRate ?? 0;
  const shared = Math.sqrt(spec.correlation ?? 0);
  const own = Math.sqrt(1 - (spec.correlation ?? 0));
  let factor = 0;
  for (let i = 0; i < nrow; i++) {
    const o = i * ncol;
    let eta = spec.intercept ?? 0;
    for (let j = 0; j < spec.numeric; j++) {
      if (shared > 0 && j % 10 === 0) factor = rng.normal();
      const x = Math.fround(j + (1 + (j % 3)) * (shared * factor + own * rng.normal()));
      if (j < beta.length) eta += beta[j]! * x;
      data[o + j] = j >= firstMissing && rng.chance(missingRate) ? Number.NaN : x;
    }
    for (let c = 0; c < levels.length; c++) {
      // Skewed codes: the low ones common, the high ones rare.
      const code = Math.min(levels[c]! - 1, Math.floor(levels[c]! * rng.next() ** 2));
      eta += (spec.levelEffect ?? 0) * ((code % 3) - 1);
      data[o + spec.numeric + c] = code;
    }
    labels[i] = rng.chance(1 / (1 + Math.exp(-eta))) ? 1 : 0;
  }
  const columns = [
    ...Array.from({ length: spec.numeric }, (_, j) => `x${j}`),
    ...levels.map((_, c) => `c${c}`),
  ];
  const categorical = levels.map((_, c) => spec.numeric + c);
  return { columns, categorical, nrow, ncol, data, labels };
}

/** Row indices 0..n-1. */
export function allRows(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}
