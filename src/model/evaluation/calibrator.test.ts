import { describe, expect, it } from 'vitest';

import { ClairscoreError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import {
  applyCalibrator,
  calibratorFromJson,
  fitIsotonicCalibrator,
  fitPlattCalibrator,
  identityCalibrator,
} from './calibrator.js';
import { chooseCalibration } from './choose-calibration.js';
import { logLoss } from './metrics.js';
import { sigmoid } from './platt.js';

/** Raw probabilities and labels drawn from `truth(raw)`. */
function distorted(n: number, seed: number, truth: (raw: number) => number) {
  const rng = new Rng(seed);
  const raw = new Float64Array(n);
  const labels = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    raw[i] = sigmoid(rng.normal(-1.5, 1.3));
    labels[i] = rng.chance(truth(raw[i]!)) ? 1 : 0;
  }
  return { raw, labels };
}

const grid = Array.from({ length: 51 }, (_, i) => i / 50);

describe('Calibrator JSON', () => {
  it('round-trips each kind through JSON text with identical outputs', () => {
    const { raw, labels } = distorted(3000, 1, (p) => p * 0.6);
    for (const calibrator of [
      identityCalibrator(),
      fitPlattCalibrator(labels, raw),
      fitIsotonicCalibrator(labels, raw),
    ]) {
      const copy = calibratorFromJson(JSON.stringify(calibrator));
      expect(copy.kind).toBe(calibrator.kind);
      expect(copy.toJSON()).toEqual(calibrator.toJSON());
      expect(grid.map((p) => copy.apply(p))).toEqual(grid.map((p) => calibrator.apply(p)));
    }
  });

  it('refuses invalid stored calibrations with CS_ERR_CALIBRATION and the reason', () => {
    const cases: [unknown, RegExp][] = [
      ['{not json', /not valid JSON/],
      [{ kind: 'beta', a: 1 }, /kind is "beta"/],
      [null, /kind is undefined/],
      [{ kind: 'platt', a: 1 }, /\/b/],
      [{ kind: 'platt', a: 1, b: 0, c: 2 }, /c/],
      [{ kind: 'platt', a: Number.NaN, b: 0 }, /finite|a/],
      [{ kind: 'isotonic', x: [0.1, 0.1], y: [0, 1] }, /not strictly increasing at index 1/],
      [{ kind: 'isotonic', x: [0.1, 0.2], y: [0.5, 0.4] }, /y decreases at index 1/],
      [{ kind: 'isotonic', x: [0.1, 0.2], y: [0.5] }, /x has 2 values but y 1/],
      [{ kind: 'isotonic', x: [0.1], y: [1.5] }, /\/y\/0/],
      [{ kind: 'isotonic', x: [], y: [] }, /\/x/],
    ];
    for (const [json, pattern] of cases) {
      let caught: unknown;
      try {
        calibratorFromJson(json);
      } catch (error) {
        caught = error;
      }
      expect(caught, JSON.stringify(json)).toBeInstanceOf(ClairscoreError);
      expect((caught as ClairscoreError).code).toBe('CS_ERR_CALIBRATION');
      expect((caught as Error).message).toMatch(pattern);
    }
  });

  it('refuses NaN or out-of-range probabilities when applied', () => {
    expect(() => identityCalibrator().apply(Number.NaN)).toThrow(/probability NaN/);
    expect(() => applyCalibrator(identityCalibrator(), [0.2, -0.1])).toThrow(/row 1/);
  });
});

describe('chooseCalibration', () => {
  it('picks isotonic for a step-shaped miscalibration Platt cannot follow', () => {
    const { raw, labels } = distorted(20_000, 2, (p) => (p < 0.2 ? 0.02 : p < 0.4 ? 0.5 : 0.1));
    const choice = chooseCalibration(labels, raw, 9);
    expect(choice.chosen).toBe('isotonic');
    expect(choice.calibrator.kind).toBe('isotonic');
    expect(choice.scores.isotonic.logLoss).toBeLessThan(choice.scores.platt.logLoss);
    expect(choice.heldOut.rows).toBe(4000);
  });

  it('picks Platt when the distortion is a sigmoid of the logit, and improves on the raw scores', () => {
    const { raw, labels } = distorted(5000, 5, (p) => sigmoid(0.5 * Math.log(p / (1 - p)) - 1));
    const choice = chooseCalibration(labels, raw, 9);
    expect(choice.chosen).toBe('platt');
    expect(choice.scores.platt.logLoss).toBeLessThan(choice.scores.uncalibrated.logLoss);
    expect(choice.scores.platt.brier).toBeLessThan(choice.scores.uncalibrated.brier);
    // Refitted on every row: better in-sample than the uncalibrated probabilities.
    expect(logLoss(labels, applyCalibrator(choice.calibrator, raw))).toBeLessThan(logLoss(labels, raw));
  });

  it('is deterministic for a seed and needs five rows of each class', () => {
    const { raw, labels } = distorted(2000, 4, (p) => p);
    const a = chooseCalibration(labels, raw, 5);
    const b = chooseCalibration(labels, raw, 5);
    expect(a.scores).toEqual(b.scores);
    expect(a.calibrator.toJSON()).toEqual(b.calibrator.toJSON());
    expect(() =>
      chooseCalibration([0, 0, 0, 0, 0, 1, 1, 1, 1], [0.1, 0.1, 0.1, 0.1, 0.1, 0.9, 0.9, 0.9, 0.9], 1),
    ).toThrow(/each class needs at least 5/);
  });
});
