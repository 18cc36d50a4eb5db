import type { FloatArray } from './c-api.js';
import { LightGbmError } from './errors.js';

/** A dense row-major matrix of nrow x ncol values; NaN means missing. */
export interface DenseMatrix {
  readonly data: FloatArray;
  readonly nrow: number;
  readonly ncol: number;
}

/** Wraps row-major data with ncol columns, the row count following from its length. */
export function denseMatrix(data: FloatArray, ncol: number): DenseMatrix {
  if (ncol > 0 && data.length % ncol !== 0) {
    throw new LightGbmError('matrix', `${data.length} values do not fill rows of ${ncol} columns`);
  }
  const matrix = { data, nrow: ncol > 0 ? data.length / ncol : 0, ncol };
  checkMatrix(matrix, 'matrix');
  return matrix;
}

/** Refuses shapes that would let C read past the end of the array. */
export function checkMatrix(matrix: DenseMatrix, operation: string): void {
  const { data, nrow, ncol } = matrix;
  if (!Number.isInteger(nrow) || !Number.isInteger(ncol) || nrow < 1 || ncol < 1) {
    throw new LightGbmError(operation, `matrix shape must be positive integers, got ${nrow} x ${ncol}`);
  }
  if (data.length !== nrow * ncol) {
    throw new LightGbmError(operation, `matrix has ${data.length} values, expected ${nrow} x ${ncol}`);
  }
}
