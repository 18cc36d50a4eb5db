import { describe, expect, it } from 'vitest';

import { fitLogisticRegression } from './fit.js';
import type { LogregMatrix } from './input.js';
import { allRows, syntheticMatrix } from './synthetic.js';

function norm(values: readonly { weight: number }[]): number {
  return Math.sqrt(values.reduce((s, c) => s + c.weight ** 2, 0));
}

/** Solves a x = b by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    const pivot = m
      .slice(c)
      .reduce((best, row, i) => (Math.abs(row[c]!) > Math.abs(m[best]![c]!) ? c + i : best), c);
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

describe('fitLogisticRegression', () => {
  it('recovers known log-odds slopes on generated data', () => {
    const beta = [0.8, -0.5, 0.25, 0];
    const matrix = syntheticMatrix({ rows: 20_000, numeric: 4, beta, intercept: -1, seed: 1 });
    const model = fitLogisticRegression(matrix, allRows(matrix.nrow), { gradientTolerance: 1e-7 });
    expect(model.training.converged).toBe(true);
    for (const [j, b] of beta.entries()) {
      const c = model.coefficients.find((f) => f.name === `x${j}`)!;
      // Raw-scale slope = standardised weight / scale; standard errors are about 0.01 here.
      expect(Math.abs(c.weight / c.scale - b)).toBeLessThan(0.05);
    }
    const x = model.coefficients.map((c) => c.name);
    expect(x).toEqual(['x0', 'x1', 'x2', 'x3']); // no missing values: no indicators
  });

  it('reaches the exact optimum of a tiny problem (Newton solution, zero gradient)', () => {
    const x1 = [0.5, 1.5, -1, 2, 3, -0.5, 1, 0];
    const x2 = [2, -1, 0.5, 1, -2, 1.5, 0, 3];
    const y = [0, 1, 0, 1, 1, 0, 0, 1];
    const matrix: LogregMatrix = {
      columns: ['a', 'b'],
      categorical: [],
      nrow: 8,
      ncol: 2,
      data: Float32Array.from(x1.flatMap((v, i) => [v, x2[i]!])),
      labels: Float32Array.from(y),
    };
    const C = 0.7;
    const model = fitLogisticRegression(matrix, allRows(8), {
      C,
      gradientTolerance: 1e-12,
      relativeTolerance: 0,
    });
    // Standardise by hand (population standard deviation).
    const standardise = (x: number[]): number[] => {
      const m = x.reduce((s, v) => s + v, 0) / x.length;
      const sd = Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / x.length);
      return x.map((v) => (v - m) / sd);
    };
    const z = [standardise(x1), standardise(x2), x1.map(() => 1)]; // intercept last
    const penalised = [1, 1, 0];
    const gradientAt = (theta: number[]): { g: number[]; h: number[][] } => {
      const g = theta.map((t, k) => penalised[k]! * t);
      const h = theta.map((_, k) => theta.map((__, l) => (k === l ? penalised[k]! : 0)));
      for (let i = 0; i < 8; i++) {
        const eta = z.reduce((s, col, k) => s + theta[k]! * col[i]!, 0);
        const p = 1 / (1 + Math.exp(-eta));
        for (let k = 0; k < 3; k++) {
          g[k]! += C * (p - y[i]!) * z[k]![i]!;
          for (let l = 0; l < 3; l++) h[k]![l]! += C * p * (1 - p) * z[k]![i]! * z[l]![i]!;
        }
      }
      return { g, h };
    };
    let theta = [0, 0, 0];
    for (let step = 0; step < 30; step++) {
      const { g, h } = gradientAt(theta);
      const delta = solve(h, g);
      theta = theta.map((t, k) => t - delta[k]!);
    }
    expect(Math.max(...gradientAt(theta).g.map(Math.abs))).toBeLessThan(1e-12);
    const fitted = [model.coefficient('a')!, model.coefficient('b')!, model.intercept];
    for (let k = 0; k < 3; k++) expect(fitted[k]).toBeCloseTo(theta[k]!, 5);
    // The objective's gradient at the fitted point, in float64 from the hand design.
    expect(Math.max(...gradientAt(fitted).g.map(Math.abs))).toBeLessThan(1e-5);
    expect(model.coefficients.map((c) => c.scale)).toEqual([
      expect.closeTo(Math.sqrt(x1.reduce((s, v) => s + (v - 0.8125) ** 2, 0) / 8), 12),
      expect.any(Number),
    ]);
  });

  it('shrinks the coefficients as C decreases', () => {
    const matrix = syntheticMatrix({ rows: 2_000, numeric: 6, beta: [1, -1, 0.5], seed: 2 });
    const norms = [100, 1, 0.01, 0.0001].map((C) =>
      norm(fitLogisticRegression(matrix, allRows(matrix.nrow), { C, gradientTolerance: 1e-8 }).coefficients),
    );
    for (let k = 1; k < norms.length; k++) expect(norms[k]).toBeLessThan(norms[k - 1]!);
    expect(norms[3]).toBeLessThan(0.05 * norms[0]!);
  });

  it('treats a weight as that many copies of the row', () => {
    const matrix = syntheticMatrix({
      rows: 400,
      numeric: 5,
      categorical: [6],
      beta: [1, -0.5],
      levelEffect: 0.7,
      missingColumns: 0.4,
      missingRate: 0.3,
      seed: 4,
    });
    const weights = new Float64Array(matrix.nrow);
    const repeated: number[] = [];
    for (let i = 0; i < matrix.nrow; i++) {
      weights[i] = (i * 7) % 4; // 0, 1, 2 or 3 copies
      for (let k = 0; k < weights[i]!; k++) repeated.push(i);
    }
    const options = { minCategoryCount: 15, gradientTolerance: 1e-9, relativeTolerance: 0 };
    const weighted = fitLogisticRegression(matrix, allRows(matrix.nrow), { ...options, weights });
    const copied = fitLogisticRegression(matrix, Int32Array.from(repeated), options);
    expect(weighted.coefficients.map((c) => c.name)).toEqual(copied.coefficients.map((c) => c.name));
    expect(weighted.coefficients.some((c) => c.kind === 'missing')).toBe(true);
    expect(weighted.coefficients.some((c) => c.kind === 'level')).toBe(true);
    for (const [i, c] of weighted.coefficients.entries()) {
      const other = copied.coefficients[i]!;
      expect(c.mean).toBeCloseTo(other.mean, 12);
      expect(c.scale).toBeCloseTo(other.scale, 12);
      expect(c.median).toBe(other.median);
      expect(c.weight).toBeCloseTo(other.weight, 6);
    }
    const a = weighted.predictProbability(matrix);
    const b = copied.predictProbability(matrix);
    for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i]!, 7);
  });
});
