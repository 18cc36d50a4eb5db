import { describe, expect, it } from 'vitest';

import { Rng } from '../../core/index.js';
import { weightedLowerMedian } from './weighted-median.js';

describe('weightedLowerMedian', () => {
  it('is the lower median of a sort, ties and sorted inputs included', () => {
    const rng = new Rng(11);
    for (const n of [1, 2, 3, 10, 101, 1000]) {
      for (const kind of ['random', 'ties', 'sorted']) {
        const values = Float32Array.from({ length: n }, (_, i) =>
          kind === 'random' ? rng.normal() * 1e3 : kind === 'ties' ? rng.int(-2, 2) : i - n / 2,
        );
        const sorted = Float32Array.from(values).sort();
        expect(weightedLowerMedian(values, null, n)).toBe(sorted[Math.floor((n - 1) / 2)]);
      }
    }
  });

  it('with integer weights equals the median of the values repeated', () => {
    const rng = new Rng(12);
    for (let trial = 0; trial < 50; trial++) {
      const n = rng.int(1, 40);
      const values = Float32Array.from({ length: n }, () => rng.normal());
      const weights = Float64Array.from({ length: n }, () => rng.int(1, 4));
      const repeated = Float32Array.from(
        Array.from(values).flatMap((v, i) => Array<number>(weights[i]!).fill(v)),
      );
      const expected = weightedLowerMedian(repeated, null, repeated.length);
      expect(weightedLowerMedian(values, weights, n)).toBe(expected);
    }
  });

  it('follows the weight, not the count', () => {
    expect(weightedLowerMedian(Float32Array.of(1, 2, 3), Float64Array.of(1, 1, 10), 3)).toBe(3);
    expect(weightedLowerMedian(Float32Array.of(5, -1, 9), Float64Array.of(0.5, 0.25, 0.25), 3)).toBe(5);
  });
});
