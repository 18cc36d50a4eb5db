import { describe, expect, it } from 'vitest';

import { Rng } from '../core/rng.js';
import { ndtr } from './normal-math.js';
import { logGaussMass, sampleTruncatedNormal, truncatedNormalLogPdf } from './truncated-normal.js';

describe('truncated normal', () => {
  it('masses agree with Φ differences where those are accurate, and are symmetric', () => {
    for (const [a, b] of [
      [-1, 1],
      [-3, 0.5],
      [0.2, 2],
      [-2, -1],
    ] as const) {
      expect(Math.exp(logGaussMass(a, b))).toBeCloseTo(ndtr(b) - ndtr(a), 14);
      expect(logGaussMass(a, b)).toBeCloseTo(logGaussMass(-b, -a), 12);
    }
    expect(logGaussMass(1, 1)).toBe(-Infinity);
    // Deep tail: Φ(-40) underflows nothing here; mass of [-41, -40] ≈ Φ(-40).
    expect(logGaussMass(-41, -40)).toBeCloseTo(-804.6084420137538, 6);
  });

  it('log density integrates to 1 over the truncation interval', () => {
    const n = 100_000;
    const h = 3 / n;
    let sum = 0;
    for (let i = 0; i < n; i++)
      sum += Math.exp(truncatedNormalLogPdf(-1 + (i + 0.5) * h, 1.5, 0.7, -1, 2)) * h;
    expect(sum).toBeCloseTo(1, 8);
    expect(truncatedNormalLogPdf(2.1, 1.5, 0.7, -1, 2)).toBe(-Infinity);
  });

  it('samples stay in bounds and follow the CDF, including intervals deep in a tail', () => {
    const rng = new Rng(1);
    for (const [mu, sigma, low, high] of [
      [0, 1, -1, 2],
      [0, 1, 30, 31],
      [0, 1, -31, -30],
      [5, 0.01, 0, 1],
    ] as const) {
      const xs = Array.from({ length: 20_000 }, () => sampleTruncatedNormal(rng, mu, sigma, low, high));
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(low);
      expect(Math.max(...xs)).toBeLessThanOrEqual(high);
      // Median check: half the mass on each side of the exact truncated median.
      const a = (low - mu) / sigma;
      const logHalf = logGaussMass(a, (high - mu) / sigma) + Math.log(0.5);
      let lo: number = low;
      let hi: number = high;
      for (let i = 0; i < 100; i++) {
        const mid = (lo + hi) / 2;
        if (logGaussMass(a, (mid - mu) / sigma) < logHalf) lo = mid;
        else hi = mid;
      }
      expect(xs.filter((x) => x < lo).length / xs.length).toBeCloseTo(0.5, 1);
    }
  });
});
