import { ClairscoreError } from '../../core/index.js';
import { buildDesign } from './design.js';
import { checkMatrix, checkRows, checkTrainingTarget, type LogregMatrix } from './input.js';
import { minimizeLbfgs } from './lbfgs.js';
import { LogisticRegression } from './model.js';
import { logisticObjective } from './objective.js';
import { fitPreprocessing } from './preprocess.js';

export interface LogisticRegressionOptions {
  /** Inverse L2 strength, sklearn's C (default 1): smaller shrinks the coefficients more. */
  readonly C?: number;
  /** One weight per matrix row (finite, >= 0), read as a frequency: 2 counts the row twice. */
  readonly weights?: Float32Array | Float64Array;
  /** Category codes rarer than this (weighted count) in training encode as all zeros (default 10). */
  readonly minCategoryCount?: number;
  /** L-BFGS iterations at most (default 100, sklearn's max_iter). */
  readonly maxIterations?: number;
  /** Stop when the objective's largest gradient component is below this (default 1e-4, sklearn's tol). */
  readonly gradientTolerance?: number;
  /** Stop when the objective's relative decrease is below this (default 2.2e-9, scipy's factr 1e7). */
  readonly relativeTolerance?: number;
  /** L-BFGS correction pairs (default 10). */
  readonly memory?: number;
}

function checkOptions(o: LogisticRegressionOptions): void {
  const bad = (name: string, value: unknown, rule: string): ClairscoreError =>
    new ClairscoreError('CS_ERR_USAGE', `Logistic regression option ${name} = ${String(value)}: ${rule}.`);
  if (o.C !== undefined && !(o.C > 0 && Number.isFinite(o.C)))
    throw bad('C', o.C, 'give a finite number > 0');
  const counts: [string, number | undefined, number][] = [
    ['maxIterations', o.maxIterations, 0],
    ['memory', o.memory, 1],
  ];
  for (const [name, value, min] of counts)
    if (value !== undefined && !(Number.isInteger(value) && value >= min))
      throw bad(name, value, `give an integer >= ${min}`);
  const reals: [string, number | undefined][] = [
    ['minCategoryCount', o.minCategoryCount],
    ['gradientTolerance', o.gradientTolerance],
    ['relativeTolerance', o.relativeTolerance],
  ];
  for (const [name, value] of reals)
    if (value !== undefined && !(value >= 0 && Number.isFinite(value)))
      throw bad(name, value, 'give a number >= 0');
}

/**
 * Fits preprocessing and an L2 logistic regression on `rows` of the matrix (indices, repeats
 * allowed), with L-BFGS from zero coefficients and the intercept at the weighted prior log-odds.
 * Minimises 0.5 ||w||^2 + C * sum_i weight_i * log-loss_i (sklearn's C; intercept not
 * penalised), divided by C * sum_i weight_i for the stopping rules (see objective.ts).
 */
export function fitLogisticRegression(
  matrix: LogregMatrix,
  rows: Int32Array,
  options: LogisticRegressionOptions = {},
): LogisticRegression {
  const started = performance.now();
  checkMatrix(matrix);
  checkRows(rows, matrix.nrow, 'training');
  checkOptions(options);
  const { weights } = options;
  checkTrainingTarget(matrix, rows, weights);
  const C = options.C ?? 1;
  const features = fitPreprocessing(matrix, rows, weights, options.minCategoryCount ?? 10);
  const n = rows.length;
  const p = features.length;
  if (n * p >= 2 ** 32)
    throw new ClairscoreError(
      'CS_ERR_USAGE',
      `The design matrix (${n} rows x ${p} features) exceeds one typed array: train on fewer rows or columns.`,
    );
  const design = buildDesign(features, matrix, rows);
  const labels = new Uint8Array(n);
  const rowWeights = new Float64Array(n);
  let weightSum = 0;
  let positive = 0;
  for (let k = 0; k < n; k++) {
    const r = rows[k]!;
    labels[k] = matrix.labels[r]!;
    weightSum += rowWeights[k] = weights ? weights[r]! : 1;
    positive += labels[k]! * rowWeights[k]!;
  }
  const theta = new Float64Array(p + 1);
  theta[p] = Math.log(positive / (weightSum - positive));
  const result = minimizeLbfgs(logisticObjective(design, p, labels, rowWeights, C), theta, {
    maxIterations: options.maxIterations ?? 100,
    gradientTolerance: options.gradientTolerance ?? 1e-4,
    relativeTolerance: options.relativeTolerance ?? 2.2e-9,
    memory: options.memory ?? 10,
  });
  let gradientMaxAbs = 0;
  for (const g of result.gradient) gradientMaxAbs = Math.max(gradientMaxAbs, Math.abs(g));
  const coefficients = features.map((f, j) => ({ ...f, weight: result.x[j]! }));
  return new LogisticRegression(C, result.x[p]!, coefficients, {
    rows: n,
    weightSum,
    iterations: result.iterations,
    evaluations: result.evaluations,
    stopReason: result.reason,
    converged: result.reason === 'gradient' || result.reason === 'relative-change',
    objective: result.value,
    gradientMaxAbs,
    seconds: (performance.now() - started) / 1000,
  });
}
