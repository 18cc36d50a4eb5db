import { ClairscoreError } from '../../core/index.js';
import { buildDesign, margins } from './design.js';
import type { DesignFeature } from './features.js';
import { checkRows, type LogregMatrix } from './input.js';
import type { StopReason } from './lbfgs.js';
import { LOGREG_FORMAT, parseLogisticRegressionJson, type LogisticRegressionJson } from './model-json.js';

/** A design feature with its coefficient (on the standardised scale: log-odds per standard deviation). */
export interface Coefficient extends DesignFeature {
  readonly weight: number;
}

/** How the fit went. */
export interface TrainingSummary {
  readonly rows: number;
  readonly weightSum: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly stopReason: StopReason;
  /** Stopped on the gradient or the relative change, not on a limit. */
  readonly converged: boolean;
  /** The objective at the solution (see objective.ts for its scale). */
  readonly objective: number;
  readonly gradientMaxAbs: number;
  readonly seconds: number;
}

function sigmoid(eta: number): number {
  if (eta >= 0) return 1 / (1 + Math.exp(-eta));
  const t = Math.exp(eta);
  return t / (1 + t);
}

/** A fitted L2 logistic regression with its preprocessing; immutable. */
export class LogisticRegression {
  /** Inverse L2 strength it was fitted with (sklearn's C). */
  readonly C: number;
  readonly intercept: number;
  readonly coefficients: readonly Coefficient[];
  readonly training: TrainingSummary;
  private readonly weights: Float64Array;
  private readonly byName: ReadonlyMap<string, number>;

  /** Use fitLogisticRegression or LogisticRegression.fromJSON rather than this. */
  constructor(C: number, intercept: number, coefficients: readonly Coefficient[], training: TrainingSummary) {
    this.C = C;
    this.intercept = intercept;
    this.coefficients = coefficients.map((c) => Object.freeze({ ...c }));
    this.training = Object.freeze({ ...training });
    this.weights = Float64Array.from(coefficients, (c) => c.weight);
    this.byName = new Map(coefficients.map((c, i) => [c.name, i]));
  }

  /** Matrix columns the model reads, in order of first use. */
  get columns(): readonly string[] {
    return [...new Set(this.coefficients.map((c) => c.column))];
  }

  /** Coefficient of a design feature (`COLUMN`, `COLUMN#missing`, `COLUMN=code`); undefined if absent. */
  coefficient(name: string): number | undefined {
    const i = this.byName.get(name);
    return i === undefined ? undefined : this.weights[i];
  }

  /** Probabilities of default of the given rows (default all), columns matched by name. */
  predictProbability(matrix: LogregMatrix, rows?: Int32Array): Float64Array {
    const eta = this.predictMargin(matrix, rows);
    for (let i = 0; i < eta.length; i++) eta[i] = sigmoid(eta[i]!);
    return eta;
  }

  /** Log-odds of default of the given rows (default all). */
  predictMargin(matrix: LogregMatrix, rows?: Int32Array): Float64Array {
    if (matrix.data.length !== matrix.nrow * matrix.ncol || matrix.columns.length !== matrix.ncol)
      throw new ClairscoreError(
        'CS_ERR_USAGE',
        `The matrix's data (${matrix.data.length} values) and ${matrix.columns.length} columns do not make ${matrix.nrow} x ${matrix.ncol}.`,
      );
    if (rows) checkRows(rows, matrix.nrow, 'prediction');
    return margins(this.coefficients, this.weights, this.intercept, matrix, rows ?? null);
  }

  /**
   * Each feature's share of one row's log-odds, aligned with `coefficients`: weight x standardised
   * value. They sum to the log-odds minus the intercept.
   */
  contributions(matrix: LogregMatrix, row: number): Float64Array {
    const rows = Int32Array.of(row);
    checkRows(rows, matrix.nrow, 'explained');
    const z = buildDesign(this.coefficients, matrix, rows);
    return Float64Array.from(z, (v, i) => v * this.weights[i]!);
  }

  toJSON(): LogisticRegressionJson {
    return {
      format: LOGREG_FORMAT,
      formatVersion: 1,
      C: this.C,
      intercept: this.intercept,
      columns: [...this.columns],
      features: this.coefficients.map((c) => ({ ...c })),
      training: { ...this.training },
    };
  }

  /** A model from `toJSON`'s output or its JSON text, checked; CS_ERR_BAD_VALUE when invalid. */
  static fromJSON(input: string | unknown): LogisticRegression {
    const json = parseLogisticRegressionJson(input);
    return new LogisticRegression(json.C, json.intercept, json.features, json.training);
  }
}
