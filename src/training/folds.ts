import type { FeatureMatrix } from '../features/index.js';

/** One cross-validation fold: the rows it trains on and the rows it predicts (ascending). */
export interface FoldSplit {
  readonly fold: number;
  readonly train: Int32Array;
  readonly valid: Int32Array;
}

/** Splits rows by their fold number (0..k-1), keeping row order inside each part. */
export function foldSplits(foldOfRow: ArrayLike<number>, k: number): FoldSplit[] {
  const validCounts = new Array<number>(k).fill(0);
  for (let row = 0; row < foldOfRow.length; row++) validCounts[foldOfRow[row]!]!++;
  return validCounts.map((validCount, fold) => {
    const train = new Int32Array(foldOfRow.length - validCount);
    const valid = new Int32Array(validCount);
    let t = 0;
    let v = 0;
    for (let row = 0; row < foldOfRow.length; row++) {
      if (foldOfRow[row] === fold) valid[v++] = row;
      else train[t++] = row;
    }
    return { fold, train, valid };
  });
}

/** The given rows of the matrix, copied into a dense block (for prediction). */
export function matrixRows(matrix: Pick<FeatureMatrix, 'data' | 'ncol'>, rows: Int32Array): Float32Array {
  const { data, ncol } = matrix;
  const out = new Float32Array(rows.length * ncol);
  for (let i = 0; i < rows.length; i++) {
    const start = rows[i]! * ncol;
    out.set(data.subarray(start, start + ncol), i * ncol);
  }
  return out;
}

/** Every row index 0..n-1. */
export function allRows(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, row) => row);
}
