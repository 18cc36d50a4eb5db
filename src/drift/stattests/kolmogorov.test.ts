import { describe, expect, it } from 'vitest';

import { exactTwoSampleP, kolmogorovSurvival, smirnovSurvival } from './kolmogorov.js';
import { chiSquareSurvival, erfc, logGamma, normalTwoSidedP } from './special-functions.js';

/** Two-sided KS statistic of two samples without ties, from the ranks of the first sample. */
function statistic(firstRanks: readonly boolean[], n1: number, n2: number): number {
  let a = 0;
  let b = 0;
  let d = 0;
  for (const inFirst of firstRanks) {
    if (inFirst) a++;
    else b++;
    d = Math.max(d, Math.abs(a / n1 - b / n2));
  }
  return d;
}

/** Exact p-value by enumerating every way to interleave the two samples (small sizes only). */
function bruteForceP(n1: number, n2: number, observed: number): number {
  let total = 0;
  let extreme = 0;
  const walk = (order: boolean[], left1: number, left2: number): void => {
    if (left1 === 0 && left2 === 0) {
      total++;
      if (statistic(order, n1, n2) >= observed - 1e-12) extreme++;
      return;
    }
    if (left1 > 0) walk([...order, true], left1 - 1, left2);
    if (left2 > 0) walk([...order, false], left1, left2 - 1);
  };
  walk([], n1, n2);
  return extreme / total;
}

describe('exact two-sample K-S distribution', () => {
  it.each([
    [5, 4, 0.55],
    [6, 6, 0.5],
    [7, 3, 0.7142857142857143],
    [8, 5, 0.4],
  ])('n1=%i n2=%i d=%f equals the enumeration of all interleavings', (n1, n2, d) => {
    expect(exactTwoSampleP(n1, n2, d)).toBeCloseTo(bruteForceP(n1, n2, d), 12);
  });

  it('gives p = 1 when the statistic rounds to zero', () => {
    expect(exactTwoSampleP(100, 80, 0)).toBe(1);
  });
});

describe('one-sample Kolmogorov distribution (large-sample branch)', () => {
  it('tends to the limiting Kolmogorov distribution: P(K > 1.3581) = 0.05', () => {
    const n = 200_000;
    expect(kolmogorovSurvival(n, 1.3581 / Math.sqrt(n))).toBeCloseTo(0.05, 3);
  });

  it('is decreasing in the statistic and stays a probability', () => {
    let previous = 1;
    for (let x = 0.001; x < 0.3; x += 0.004) {
      const p = kolmogorovSurvival(500, x);
      expect(p).toBeLessThanOrEqual(previous + 1e-12);
      expect(p).toBeGreaterThanOrEqual(0);
      previous = p;
    }
  });

  it('one-sided Smirnov: n = 1 is exactly 1 − x', () => {
    expect(smirnovSurvival(1, 0.3)).toBeCloseTo(0.7, 14);
  });
});

describe('special functions', () => {
  it('log-gamma of integers is the log-factorial', () => {
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });

  it('chi-square survival: closed forms for 2 and 1 degrees of freedom', () => {
    for (const x of [0.1, 1, 5.99, 30]) {
      expect(chiSquareSurvival(x, 2)).toBeCloseTo(Math.exp(-x / 2), 14);
    }
    expect(chiSquareSurvival(3.841458820694124, 1)).toBeCloseTo(0.05, 12);
    expect(chiSquareSurvival(Number.POSITIVE_INFINITY, 3)).toBe(0);
    expect(chiSquareSurvival(1, 0)).toBeNaN();
  });

  it('erfc and the two-sided normal tail', () => {
    expect(erfc(1)).toBeCloseTo(0.15729920705028513, 14);
    expect(erfc(-1)).toBeCloseTo(1.8427007929497148, 14);
    expect(normalTwoSidedP(1.959963984540054)).toBeCloseTo(0.05, 12);
  });
});
