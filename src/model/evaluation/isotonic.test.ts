import { describe, expect, it } from 'vitest';

import { Rng } from '../../core/rng.js';
import { fitIsotonic, predictIsotonic, type IsotonicFit } from './isotonic.js';
import { sklearnFixture } from './test-data.js';

/** Best non-decreasing fit by enumerating every split into consecutive blocks (each at its mean). */
function bruteIsotonic(y: readonly number[]): { fitted: number[]; sse: number } {
  const n = y.length;
  let best = { fitted: [] as number[], sse: Infinity };
  for (let mask = 0; mask < 1 << (n - 1); mask++) {
    const fitted: number[] = [];
    let start = 0;
    for (let i = 0; i < n; i++) {
      if (i === n - 1 || mask & (1 << i)) {
        const block = y.slice(start, i + 1);
        const mean = block.reduce((s, v) => s + v, 0) / block.length;
        fitted.push(...block.map(() => mean));
        start = i + 1;
      }
    }
    if (fitted.some((v, i) => i > 0 && v < fitted[i - 1]! - 1e-12)) continue;
    const sse = fitted.reduce((s, v, i) => s + (v - y[i]!) ** 2, 0);
    if (sse < best.sse) best = { fitted, sse };
  }
  return best;
}

const predictAll = (fit: IsotonicFit, xs: readonly number[]): number[] =>
  xs.map((x) => predictIsotonic(fit, x));

describe('fitIsotonic', () => {
  it("matches sklearn's IsotonicRegression(out_of_bounds='clip') on a small example with ties", () => {
    const fit = fitIsotonic([0.1, 0.2, 0.2, 0.3, 0.5, 0.6, 0.6, 0.8, 0.9], [0, 1, 0, 0, 1, 0, 1, 1, 1]);
    expect(fit.x).toEqual([0.1, 0.2, 0.3, 0.5, 0.6, 0.8, 0.9]);
    expect(fit.y.map((v) => Number(v.toFixed(12)))).toEqual([
      0, 0.333333333333, 0.333333333333, 0.666666666667, 0.666666666667, 1, 1,
    ]);
    const predicted = predictAll(fit, [0.0, 0.15, 0.25, 0.55, 0.7, 0.85, 1.0]);
    const sklearn = [
      0.0, 0.1666666666666666, 0.3333333333333333, 0.6666666666666666, 0.8333333333333333, 1.0, 1.0,
    ];
    predicted.forEach((v, i) => expect(v).toBeCloseTo(sklearn[i]!, 14));
  });

  it('matches sklearn on the 60-row fixture, breakpoints included', () => {
    const f = sklearnFixture();
    const fit = fitIsotonic(f.scores, f.labels);
    expect(fit.x.length).toBe(12);
    const grid = [0, 0.03, 0.1, 0.125, 0.33, 0.5, 0.61, 0.77, 0.9, 0.99, 1];
    const sklearn = [0, 0, 0, 0.11111111111111112, 0.3333333333333333, 0.5, 0.6666666666666666, 0.8, 1, 1, 1];
    predictAll(fit, grid).forEach((v, i) => expect(v).toBeCloseTo(sklearn[i]!, 14));
  });

  it('minimises squared error: equals the brute force over all block splits on tiny inputs', () => {
    const rng = new Rng(7);
    for (let trial = 0; trial < 40; trial++) {
      const n = rng.int(1, 9);
      const y = Array.from({ length: n }, () => Math.round(rng.uniform(-2, 2) * 10) / 10);
      const x = Array.from({ length: n }, (_, i) => i / 10);
      const fit = fitIsotonic(x, y);
      const brute = bruteIsotonic(y);
      predictAll(fit, x).forEach((v, i) => expect(v).toBeCloseTo(brute.fitted[i]!, 12));
    }
  });

  it('is non-decreasing on random data and clips outside the fitted range', () => {
    const rng = new Rng(8);
    const x = Array.from({ length: 2000 }, () => Math.round(rng.next() * 300) / 300);
    const y = x.map((v) => (rng.chance(v * v) ? 1 : 0));
    const fit = fitIsotonic(x, y);
    for (let i = 1; i < fit.x.length; i++) {
      expect(fit.x[i]!).toBeGreaterThan(fit.x[i - 1]!);
      expect(fit.y[i]!).toBeGreaterThanOrEqual(fit.y[i - 1]!);
    }
    const grid = Array.from({ length: 101 }, (_, i) => i / 100);
    const values = predictAll(fit, grid);
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
    expect(predictIsotonic(fit, -5)).toBe(fit.y[0]);
    expect(predictIsotonic(fit, 5)).toBe(fit.y.at(-1));
  });

  it('uses weights as repeated rows', () => {
    const weighted = fitIsotonic([1, 2, 3], [1, 0, 2], [1, 3, 1]);
    const repeated = fitIsotonic([1, 2, 2, 2, 3], [1, 0, 0, 0, 2]);
    expect(predictAll(weighted, [1, 2, 3])).toEqual(predictAll(repeated, [1, 2, 3]));
    expect(predictIsotonic(weighted, 1)).toBeCloseTo(0.25, 15);
  });

  it('refuses mismatched, empty and non-finite input', () => {
    expect(() => fitIsotonic([1, 2], [1])).toThrow(/2 inputs but 1 targets/);
    expect(() => fitIsotonic([], [])).toThrow(/no rows/);
    expect(() => fitIsotonic([1, Number.NaN], [0, 1])).toThrow(/row 1/);
  });
});
