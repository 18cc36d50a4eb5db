/**
 * Prediction drift: the model's scores (probabilities of default) on the reference and the
 * current applications, tested like any numerical column (drift.md §7: K-S for at most 1000
 * reference scores, else normed Wasserstein). The result goes in the report's `prediction`.
 */
import { columnDrift } from './column-drift.js';
import type { ColumnDrift, DriftOptions, DriftReport } from './report-schema.js';

/** The name overrides use for the score column (perColumnMethod.prediction, ...). */
export const PREDICTION_COLUMN = 'prediction';

export function predictionDrift(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  options: DriftOptions = {},
): ColumnDrift {
  return columnDrift(
    { name: PREDICTION_COLUMN, storage: 'float', type: 'num' },
    Float64Array.from(reference),
    Float64Array.from(current),
    options,
  );
}

/** The report with its prediction entry set (kept apart from the share of drifted columns). */
export function withPredictionDrift(report: DriftReport, prediction: ColumnDrift): DriftReport {
  return { ...report, prediction };
}
