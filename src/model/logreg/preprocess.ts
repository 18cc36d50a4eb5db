import { levelName, missingName, type DesignFeature } from './features.js';
import type { LogregMatrix } from './input.js';
import { weightedLowerMedian } from './weighted-median.js';

/** Columns gathered per pass: 32 x 307,511 Float32 is 39 MB of scratch. */
const BLOCK = 32;

/**
 * Fits the preprocessing on the training rows only, weights read as frequencies (a row of
 * weight 2 counts as two rows in every statistic, weight 0 as none):
 * - numeric columns: a value feature imputed with the weighted lower median, plus a missing
 *   indicator when the column has missing entries (NaN or infinite);
 * - categorical columns: one indicator per code of weighted count >= minCategoryCount (rarer
 *   and unseen codes encode as all zeros), plus a missing indicator as for numeric columns;
 * - every feature standardised by its weighted mean and standard deviation; constant ones dropped.
 * The matrix is read in blocks of columns gathered over the rows, so nothing is copied whole.
 */
export function fitPreprocessing(
  matrix: LogregMatrix,
  rows: Int32Array,
  weights: ArrayLike<number> | undefined,
  minCategoryCount: number,
): DesignFeature[] {
  const { ncol, data } = matrix;
  const n = rows.length;
  const categorical = new Set(matrix.categorical);
  const rowWeight = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) total += rowWeight[k] = weights === undefined ? 1 : weights[rows[k]!]!;
  const unit = weights === undefined;
  const block = new Float32Array(Math.min(BLOCK, ncol) * n);
  const values = new Float32Array(n);
  const valueWeights = new Float64Array(n);
  const features: DesignFeature[] = [];
  for (let start = 0; start < ncol; start += BLOCK) {
    const width = Math.min(BLOCK, ncol - start);
    for (let k = 0; k < n; k++) {
      const at = rows[k]! * ncol + start;
      for (let c = 0; c < width; c++) block[c * n + k] = data[at + c]!;
    }
    for (let c = 0; c < width; c++) {
      const column = block.subarray(c * n, (c + 1) * n);
      const name = matrix.columns[start + c]!;
      if (categorical.has(start + c)) features.push(...categoricalFeatures(name, column));
      else features.push(...numericFeatures(name, column));
    }
  }
  return features;

  function indicator(
    kind: 'missing' | 'level',
    column: string,
    count: number,
    level?: number,
  ): DesignFeature {
    const p = count / total;
    const name = kind === 'missing' ? missingName(column) : levelName(column, level!);
    return {
      name,
      kind,
      column,
      ...(level === undefined ? {} : { level }),
      mean: p,
      scale: Math.sqrt(p * (1 - p)),
    };
  }

  function numericFeatures(column: string, x: Float32Array): DesignFeature[] {
    const s = numericStats(x, rowWeight, values, valueWeights);
    const out: DesignFeature[] = [];
    if (s.count > 0 && s.max > s.min) {
      const median = weightedLowerMedian(values, unit ? null : valueWeights, s.count);
      const mean = (s.sum + s.missing * median) / total;
      let squares = s.missing * (median - mean) ** 2;
      for (let i = 0; i < s.count; i++) squares += valueWeights[i]! * (values[i]! - mean) ** 2;
      const scale = Math.sqrt(squares / total);
      if (scale > 0 && Number.isFinite(scale))
        out.push({ name: column, kind: 'value', column, median, mean, scale });
    }
    if (s.missing > 0 && s.missing < total) out.push(indicator('missing', column, s.missing));
    return out;
  }

  function categoricalFeatures(column: string, x: Float32Array): DesignFeature[] {
    const counts = new Map<number, number>();
    let missing = 0;
    for (let k = 0; k < n; k++) {
      const w = rowWeight[k]!;
      if (w === 0) continue;
      const v = x[k]!;
      if (v - v !== 0) missing += w;
      else if (v >= 0 && Number.isInteger(v)) counts.set(v, (counts.get(v) ?? 0) + w);
    }
    const out: DesignFeature[] = [];
    for (const level of [...counts.keys()].sort((a, b) => a - b)) {
      const count = counts.get(level)!;
      if (count >= minCategoryCount && count < total) out.push(indicator('level', column, count, level));
    }
    if (missing > 0 && missing < total) out.push(indicator('missing', column, missing));
    return out;
  }
}

/** Copies the present values of rows of positive weight (and their weights) to the front of the buffers. */
function numericStats(
  x: Float32Array,
  rowWeight: Float64Array,
  values: Float32Array,
  valueWeights: Float64Array,
): { count: number; missing: number; sum: number; min: number; max: number } {
  let count = 0;
  let missing = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < x.length; k++) {
    const w = rowWeight[k]!;
    const v = x[k]!;
    if (w === 0) continue;
    if (v - v !== 0) missing += w;
    else {
      values[count] = v;
      valueWeights[count++] = w;
      sum += w * v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return { count, missing, sum, min, max };
}
