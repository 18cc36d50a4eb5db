import { describe, expect, it } from 'vitest';

import { ClairscoreError, type ErrorCode } from '../../core/index.js';
import { fitLogisticRegression, type LogisticRegressionOptions } from './fit.js';
import type { LogregMatrix } from './input.js';
import { allRows, syntheticMatrix } from './synthetic.js';

const matrix = syntheticMatrix({ rows: 200, numeric: 3, beta: [1], seed: 5 });

function expectError(call: () => unknown, code: ErrorCode, pattern: RegExp): void {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(ClairscoreError);
    expect((error as ClairscoreError).code).toBe(code);
    expect((error as ClairscoreError).message).toMatch(pattern);
    return;
  }
  expect.fail('no error was thrown');
}

const fit = (m: LogregMatrix, rows: Int32Array, options?: LogisticRegressionOptions): unknown =>
  fitLogisticRegression(m, rows, options);

describe('logistic regression input checks', () => {
  it('refuses row indices outside the matrix, for training and prediction', () => {
    expectError(() => fit(matrix, Int32Array.of(0, 1, 200)), 'CS_ERR_USAGE', /row index 200 .*200 rows/);
    expectError(() => fit(matrix, Int32Array.of(-1)), 'CS_ERR_USAGE', /row index -1/);
    expectError(() => fit(matrix, new Int32Array(0)), 'CS_ERR_USAGE', /No training rows/);
    const model = fitLogisticRegression(matrix, allRows(200));
    expectError(
      () => model.predictProbability(matrix, Int32Array.of(5, 300)),
      'CS_ERR_USAGE',
      /row index 300/,
    );
  });

  it('refuses labels or data that do not match the rows', () => {
    const shortLabels = { ...matrix, labels: matrix.labels.subarray(0, 199) };
    expectError(() => fit(shortLabels, allRows(10)), 'CS_ERR_USAGE', /199 labels for 200 rows/);
    const shortData = { ...matrix, data: matrix.data.subarray(1) };
    expectError(() => fit(shortData, allRows(10)), 'CS_ERR_USAGE', /599 values/);
    expectError(() => fit({ ...matrix, categorical: [3] }, allRows(10)), 'CS_ERR_USAGE', /position 3/);
  });

  it('refuses a single class, labels other than 0/1 and test rows', () => {
    const zeros = Int32Array.from(allRows(200).filter((i) => matrix.labels[i] === 0));
    expectError(() => fit(matrix, zeros), 'CS_ERR_BAD_TARGET', /single class \(0 defaults/);
    const labels = Float32Array.from(matrix.labels);
    labels[3] = Number.NaN;
    expectError(() => fit({ ...matrix, labels }, allRows(200)), 'CS_ERR_BAD_TARGET', /row 3 has label NaN/);
    labels[3] = 2;
    expectError(() => fit({ ...matrix, labels }, allRows(200)), 'CS_ERR_BAD_TARGET', /row 3 has label 2/);
    // Weight 0 on every positive leaves one class.
    const weights = Float64Array.from(matrix.labels, (y) => (y === 1 ? 0 : 1));
    expectError(() => fit(matrix, allRows(200), { weights }), 'CS_ERR_BAD_TARGET', /single class/);
  });

  it('refuses bad weights and options', () => {
    const weights = new Float64Array(200).fill(1);
    weights[7] = -1;
    expectError(() => fit(matrix, allRows(200), { weights }), 'CS_ERR_USAGE', /Row 7 has weight -1/);
    expectError(
      () => fit(matrix, allRows(200), { weights: new Float64Array(10) }),
      'CS_ERR_USAGE',
      /10 weights/,
    );
    expectError(() => fit(matrix, allRows(200), { C: 0 }), 'CS_ERR_USAGE', /C = 0/);
    expectError(() => fit(matrix, allRows(200), { maxIterations: 1.5 }), 'CS_ERR_USAGE', /maxIterations/);
  });

  it('refuses to predict on a matrix lacking a column the model reads', () => {
    const model = fitLogisticRegression(matrix, allRows(200));
    const renamed = { ...matrix, columns: ['x0', 'x1', 'other'] };
    expectError(() => model.predictProbability(renamed), 'CS_ERR_UNKNOWN_FEATURE', /lacks 1 column.*x2/);
  });
});
