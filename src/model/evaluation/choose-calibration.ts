import {
  applyCalibrator,
  fitIsotonicCalibrator,
  fitPlattCalibrator,
  identityCalibrator,
  type Calibrator,
} from './calibrator.js';
import { splitFold, stratifiedKFold } from './folds.js';
import { checkBinaryInput, evaluationError, type Labels, type Scores } from './input.js';
import { brierValidated, logLossValidated } from './metrics.js';

/** How a calibration did on the held-out rows. */
export interface CalibrationScore {
  readonly logLoss: number;
  readonly brier: number;
}

export interface CalibrationChoice {
  /** The chosen method, refitted on every row. */
  readonly calibrator: Calibrator;
  readonly chosen: 'isotonic' | 'platt';
  /** The held-out split the choice was made on. */
  readonly heldOut: { readonly rows: number; readonly positives: number };
  /** Each candidate fitted on the other rows, scored on the held-out ones. */
  readonly scores: {
    readonly uncalibrated: CalibrationScore;
    readonly isotonic: CalibrationScore;
    readonly platt: CalibrationScore;
  };
}

/** One row in HELD_OUT_FOLDS is held out: 20%, stratified. */
const HELD_OUT_FOLDS = 5;

/**
 * Fits isotonic and Platt calibration on 80% of the out-of-fold probabilities (a stratified split,
 * deterministic for the seed), scores both on the other 20%, and keeps the one with the lower log
 * loss (a tie goes to Platt, the smoother). The kept method is then refitted on every row, so the
 * stored calibrator uses all the data; the held-out scores are reported for the record.
 * Each class needs at least 5 rows.
 */
export function chooseCalibration(labels: Labels, oofProbabilities: Scores, seed: number): CalibrationChoice {
  const positives = checkBinaryInput('chooseCalibration', labels, oofProbabilities);
  const n = labels.length;
  if (positives < HELD_OUT_FOLDS || n - positives < HELD_OUT_FOLDS) {
    throw evaluationError(
      'chooseCalibration',
      `${positives} positive and ${n - positives} negative rows; each class needs at least ${HELD_OUT_FOLDS} to hold some out`,
      { positives, negatives: n - positives },
    );
  }
  const { train, test } = splitFold(stratifiedKFold(labels, HELD_OUT_FOLDS, seed), 0);
  const pick = (rows: Uint32Array, values: ArrayLike<number>): Float64Array =>
    Float64Array.from(rows, (i) => values[i]!);
  const trainY = pick(train, labels);
  const trainP = pick(train, oofProbabilities);
  const testY = pick(test, labels);
  const testP = pick(test, oofProbabilities);
  const score = (calibrator: Calibrator): CalibrationScore => {
    const calibrated = applyCalibrator(calibrator, testP);
    return { logLoss: logLossValidated(testY, calibrated), brier: brierValidated(testY, calibrated) };
  };
  const scores = {
    uncalibrated: score(identityCalibrator()),
    isotonic: score(fitIsotonicCalibrator(trainY, trainP)),
    platt: score(fitPlattCalibrator(trainY, trainP)),
  };
  const chosen = scores.isotonic.logLoss < scores.platt.logLoss ? 'isotonic' : 'platt';
  const calibrator =
    chosen === 'isotonic'
      ? fitIsotonicCalibrator(labels, oofProbabilities)
      : fitPlattCalibrator(labels, oofProbabilities);
  let heldOutPositives = 0;
  for (const y of testY) heldOutPositives += y;
  return { calibrator, chosen, heldOut: { rows: test.length, positives: heldOutPositives }, scores };
}
