import { describe, expect, it } from 'vitest';

import { Rng } from '../../../core/index.js';
import { formatFloat } from '../csv-format.js';
import { amount, gamma, halfUnits, money, quantileSampler, sampleQuantile, wholeFloat } from './sampling.js';

describe('history sampling helpers', () => {
  it('formats amounts exactly as formatFloat does, over the values the generator writes', () => {
    const rng = new Rng(1, 1);
    const values = [0, -0, NaN, 365243, -2922, 0.005, 4.41, 1e15, 99999999.995];
    for (let i = 0; i < 20000; i++) {
      values.push(money(Math.exp(rng.normal(9, 3))), halfUnits(rng.uniform(0, 5e6)), -rng.int(0, 3000));
    }
    for (const v of values) expect(amount(v), String(v)).toBe(formatFloat(v));
    expect(wholeFloat(-3648)).toBe(formatFloat(-3648));
  });

  it('samples quantiles through the given knots', () => {
    const rng = new Rng(2, 2);
    const q = quantileSampler([
      [0, -2922],
      [0.25, -1647],
      [0.5, -1037],
      [0.75, -492.5],
      [1, 0],
    ]);
    const xs = Array.from({ length: 40000 }, () => sampleQuantile(rng, q)).sort((a, b) => a - b);
    expect(xs[0]).toBeGreaterThanOrEqual(-2922);
    expect(xs[xs.length - 1]).toBeLessThanOrEqual(0);
    expect(xs[10000]).toBeCloseTo(-1647, -2);
    expect(xs[20000]).toBeCloseTo(-1037, -2);
    expect(xs[30000]).toBeCloseTo(-492.5, -2);
  });

  it('draws gamma variates with the right mean and variance', () => {
    const rng = new Rng(3, 3);
    for (const shape of [0.5, 1.45, 9]) {
      const xs = Array.from({ length: 40000 }, () => gamma(rng, shape));
      const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
      const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
      expect(mean / shape).toBeCloseTo(1, 1);
      expect(variance / shape).toBeCloseTo(1, 1);
    }
  });
});
