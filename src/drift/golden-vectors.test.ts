// drift.md §9: values computed with SciPy 1.17.1 / NumPy 2.4.6, matched to 1e-6 relative.
import { describe, expect, it } from 'vitest';

import { CleanColumn } from './column-values.js';
import { sturgesEdges } from './stattests/binning.js';
import { kolmogorovSurvival } from './stattests/kolmogorov.js';
import { STAT_TESTS } from './stattests/registry.js';
import {
  chiSquarePValue,
  jensenShannon,
  ksPValue,
  ksStatistic,
  populationStd,
  psi,
  wassersteinNormed,
  zTestPValue,
} from './stattests/tests.js';

function expectRelative(actual: number, expected: number, tolerance = 1e-6): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

const numbers = (n: number, f: (i: number) => number): CleanColumn =>
  CleanColumn.from(Float64Array.from({ length: n }, (_, i) => f(i)));

const categories = (counts: Record<string, number>): CleanColumn =>
  CleanColumn.from(Object.entries(counts).flatMap(([key, n]) => new Array<string>(n).fill(key)));

describe('N1: numerical, 200 vs 150 values', () => {
  const ref = numbers(200, (i) => ((i * 37) % 101) / 10);
  const cur = numbers(150, (i) => ((i * 53) % 103) / 10 + 1.5);

  it('K-S exact p-value, drifted at 0.05', () => {
    const p = ksPValue(ref, cur);
    expectRelative(p, 0.024639248613193974);
    expect(STAT_TESTS.ks.drifted(p, 0.05)).toBe(true);
  });

  it('K-S asymptotic p-value (kstwo with n = 86) is close to SciPy', () => {
    // SciPy uses the exact Pomeranz recursion for n <= 140; Pelz-Good here (DESIGN.md)
    const p = kolmogorovSurvival(86, ksStatistic(ref, cur));
    expect(Math.abs(p - 0.02379942710638997)).toBeLessThan(1e-5);
  });

  it('population std and normed Wasserstein distance', () => {
    expectRelative(populationStd(ref.sorted!), 2.9238210872076285);
    expectRelative(wassersteinNormed(ref, cur), 0.4980354895987726);
  });

  it('Sturges binning on 350 values gives 10 bins; PSI and Jensen-Shannon on them', () => {
    const all = numbers(350, (i) => (i < 200 ? ((i * 37) % 101) / 10 : (((i - 200) * 53) % 103) / 10 + 1.5));
    expect(sturgesEdges(all.sorted!).length - 1).toBe(10);
    expectRelative(psi(ref, cur, true), 1.6186127995164545);
    expectRelative(jensenShannon(ref, cur, true), 0.28588240642787205);
  });
});

describe('C1: categorical with a new category', () => {
  const ref = categories({ a: 50, b: 30, c: 20 });
  const cur = categories({ a: 30, b: 30, c: 30, d: 10 });

  it('Jensen-Shannon and zero-filled PSI', () => {
    expectRelative(jensenShannon(ref, cur, false), 0.22874617893301472);
    expectRelative(psi(ref, cur, false), 0.8327963879343301);
  });

  it('chi-square p is 0: a category absent from the reference', () => {
    expect(chiSquarePValue(ref, cur)).toBe(0);
  });
});

it('C2: chi-square p-value', () => {
  const p = chiSquarePValue(categories({ a: 50, b: 30, c: 20 }), categories({ a: 30, b: 40, c: 30 }));
  expectRelative(p, 0.0002839629839032563);
});

it('B1: two-proportion Z-test', () => {
  const ref = CleanColumn.from(Float64Array.from({ length: 100 }, (_, i) => (i < 70 ? 0 : 1)));
  const cur = CleanColumn.from(Float64Array.from({ length: 100 }, (_, i) => (i < 50 ? 0 : 1)));
  expectRelative(zTestPValue(ref, cur), 0.0038924171227785465);
});

it('Sturges on constant data: one bin [4.5, 5.5]', () => {
  expect([...sturgesEdges(new Float64Array(10).fill(5))]).toEqual([4.5, 5.5]);
});
