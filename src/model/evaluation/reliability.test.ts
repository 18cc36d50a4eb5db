import { describe, expect, it } from 'vitest';

import { expectedCalibrationError, reliabilityTable } from './reliability.js';

describe('reliabilityTable', () => {
  it("matches sklearn's calibration_curve (uniform bins, an edge value in the lower bin)", () => {
    const p = [0.05, 0.1, 0.15, 0.2, 0.35, 0.5, 0.55, 0.9, 1.0, 0.0];
    const y = [0, 0, 1, 0, 1, 0, 1, 1, 1, 0];
    const table = reliabilityTable(y, p, 4);
    // sklearn: prob_true [0.2, 0.5, 1, 1], prob_pred [0.1, 0.425, 0.55, 0.95].
    expect(table.map((b) => b.count)).toEqual([5, 2, 1, 2]);
    table.forEach((b, i) => {
      expect(b.observedRate).toBeCloseTo([0.2, 0.5, 1, 1][i]!, 15);
      expect(b.meanPredicted).toBeCloseTo([0.1, 0.425, 0.55, 0.95][i]!, 15);
    });
    expect(table[1]).toMatchObject({ lower: 0.25, upper: 0.5 });
  });

  it('keeps empty bins with NaN means, and gives the count-weighted calibration error', () => {
    const table = reliabilityTable([0, 1, 1], [0.05, 0.95, 0.85]);
    expect(table).toHaveLength(10);
    expect(table[5]!.count).toBe(0);
    expect(table[5]!.meanPredicted).toBeNaN();
    // Bins: [0.05 -> 0], [0.85 -> 1], [0.95 -> 1]: |0.05| + |0.15| + |0.05| over 3.
    expect(expectedCalibrationError(table)).toBeCloseTo(0.25 / 3, 15);
  });

  it('refuses a bad bin count and NaN probabilities', () => {
    expect(() => reliabilityTable([0, 1], [0.1, 0.2], 0)).toThrow(/bins is 0/);
    expect(() => reliabilityTable([0, 1], [0.1, Number.NaN])).toThrow(/row 1 is NaN/);
  });
});
