import { describe, expect, it } from 'vitest';
import { rocAuc } from './metrics.js';

describe('rocAuc', () => {
  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])).toBe(1);
    expect(rocAuc([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9])).toBe(0);
  });

  it('counts ties as half, so constant scores give 0.5', () => {
    expect(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
    // Pairs (pos, neg): (0.8 > 0.1), (0.8 > 0.4), (0.4 = 0.4) -> half, (0.4 > 0.1) -> 3.5 / 4.
    expect(rocAuc([1, 1, 0, 0], [0.8, 0.4, 0.4, 0.1])).toBe(0.875);
  });

  it('is NaN with a single class', () => {
    expect(rocAuc([1, 1], [0.2, 0.3])).toBeNaN();
  });
});
