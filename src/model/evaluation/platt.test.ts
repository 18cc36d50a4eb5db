import { describe, expect, it } from 'vitest';

import { Rng } from '../../core/rng.js';
import { fitPlatt, logit, predictPlatt, sigmoid } from './platt.js';
import { sklearnFixture } from './test-data.js';

describe('fitPlatt', () => {
  it('recovers a known sigmoid of the logit', () => {
    const rng = new Rng(31);
    const n = 60_000;
    const raw = new Float64Array(n);
    const labels = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const f = rng.normal(-1, 1.5);
      raw[i] = sigmoid(f);
      labels[i] = rng.chance(sigmoid(2 * f - 1)) ? 1 : 0;
    }
    const fit = fitPlatt(labels, raw);
    expect(fit.a).toBeCloseTo(2, 1);
    expect(fit.b).toBeCloseTo(-1, 1);
    expect(predictPlatt(fit, 0.5)).toBeCloseTo(sigmoid(fit.b), 15);
  });

  it("matches sklearn's sigmoid calibration (Platt's targets) given the logits", () => {
    // sklearn.calibration._sigmoid_calibration(logit(p), y) gives A, B of 1 / (1 + exp(A f + B)).
    const f = sklearnFixture();
    const fit = fitPlatt(f.labels, f.scores);
    expect(fit.a).toBeCloseTo(0.833141366390095, 4);
    expect(fit.b).toBeCloseTo(0.04582839733292143, 4);
  });

  it('stays finite on separable classes thanks to the smoothed targets', () => {
    const fit = fitPlatt([0, 0, 0, 1, 1, 1], [0.1, 0.2, 0.3, 0.7, 0.8, 0.9]);
    expect(Number.isFinite(fit.a) && Number.isFinite(fit.b)).toBe(true);
    expect(fit.a).toBeGreaterThan(0);
    // The target of a positive is (3 + 1) / (3 + 2) = 0.8: the fit cannot reach 1.
    expect(predictPlatt(fit, 0.9)).toBeLessThan(0.999);
  });

  it('clips 0 and 1 before the logit and refuses one class', () => {
    expect(Number.isFinite(logit(0)) && Number.isFinite(logit(1))).toBe(true);
    expect(() => fitPlatt([1, 1], [0.2, 0.4])).toThrow(/both classes/);
  });
});
