import { ClairscoreError } from '../../core/index.js';
import type { FeatureMatrix } from '../../features/index.js';

/** The part of the exported feature matrix the logistic regression reads. */
export type LogregMatrix = Pick<
  FeatureMatrix,
  'columns' | 'categorical' | 'nrow' | 'ncol' | 'data' | 'labels'
>;

function usage(message: string, details: Record<string, unknown> = {}): ClairscoreError {
  return new ClairscoreError('CS_ERR_USAGE', message, details);
}

/** Checks that the matrix's parts agree with each other. */
export function checkMatrix(matrix: LogregMatrix): void {
  const { nrow, ncol } = matrix;
  if (!Number.isInteger(nrow) || !Number.isInteger(ncol) || nrow < 0 || ncol < 0)
    throw usage(`The feature matrix has an invalid shape ${nrow} x ${ncol}.`);
  if (matrix.data.length !== nrow * ncol)
    throw usage(
      `The feature matrix holds ${matrix.data.length} values, not ${nrow} x ${ncol}: export it again.`,
    );
  if (matrix.columns.length !== ncol)
    throw usage(`The feature matrix names ${matrix.columns.length} columns but has ${ncol}.`);
  if (matrix.labels.length !== nrow)
    throw usage(`The feature matrix has ${matrix.labels.length} labels for ${nrow} rows: they must match.`, {
      labels: matrix.labels.length,
      rows: nrow,
    });
  for (const c of matrix.categorical) {
    if (!Number.isInteger(c) || c < 0 || c >= ncol)
      throw usage(`Categorical column position ${c} is outside the ${ncol} columns.`);
  }
}

/** Checks row indices against the matrix; `what` names them in the message. */
export function checkRows(rows: Int32Array, nrow: number, what: string): void {
  if (rows.length === 0) throw usage(`No ${what} rows given: pass at least one row index.`);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    if (r < 0 || r >= nrow)
      throw usage(`${what} row index ${r} (position ${k}) is outside the matrix's ${nrow} rows.`, {
        position: k,
        row: r,
      });
  }
}

/**
 * Checks weights (one per matrix row, finite, >= 0) and labels of the training rows (0 or 1,
 * both classes present among rows of positive weight).
 */
export function checkTrainingTarget(
  matrix: LogregMatrix,
  rows: Int32Array,
  weights: ArrayLike<number> | undefined,
): void {
  if (weights !== undefined && weights.length !== matrix.nrow)
    throw usage(`${weights.length} weights for a matrix of ${matrix.nrow} rows: give one weight per row.`);
  let positive = 0;
  let negative = 0;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    const w = weights === undefined ? 1 : weights[r]!;
    if (!(w >= 0) || !Number.isFinite(w))
      throw usage(`Row ${r} has weight ${w}: weights must be finite and non-negative.`, { row: r });
    const y = matrix.labels[r]!;
    if (y !== 0 && y !== 1)
      throw new ClairscoreError(
        'CS_ERR_BAD_TARGET',
        `Training row ${r} has label ${y}: labels must be 0 or 1 (test rows have none).`,
        { row: r, label: y },
      );
    if (w > 0) {
      if (y === 1) positive++;
      else negative++;
    }
  }
  if (positive === 0 || negative === 0)
    throw new ClairscoreError(
      'CS_ERR_BAD_TARGET',
      `The training rows hold a single class (${positive} defaults, ${negative} non-defaults with positive weight): a classifier needs both.`,
      { positive, negative },
    );
}
