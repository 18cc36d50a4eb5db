import { describe, expect, it } from 'vitest';

import { erfc, logNdtr, ndtr, ndtri } from './normal-math.js';

// Reference values from CPython's math.erfc and statistics.NormalDist.inv_cdf.
const ERFC: [number, number][] = [
  [-5, 1.9999999999984626],
  [-3, 1.9999779095030015],
  [-1, 1.842700792949715],
  [-0.1, 1.1124629160182848],
  [0, 1],
  [0.5, 0.4795001221869535],
  [1.9, 0.0072095707647425325],
  [2, 0.004677734981047265],
  [2.1, 0.002979466656332984],
  [3, 2.2090496998585438e-5],
  [5, 1.5374597944280351e-12],
  [8, 1.1224297172982928e-29],
  [26, 5.663192408856143e-296],
];

const INV_CDF: [number, number][] = [
  [1e-300, -37.0470962993612],
  [1e-20, -9.262340089798405],
  [1e-5, -4.2648907939228256],
  [0.01, -2.3263478740408408],
  [0.3, -0.5244005127080407],
  [0.7, 0.5244005127080407],
  [0.99, 2.3263478740408408],
];

describe('normal math', () => {
  it('erfc matches reference values to ~1e-13 relative', () => {
    for (const [x, expected] of ERFC) expect(Math.abs(erfc(x) / expected - 1)).toBeLessThan(2e-13);
  });

  it('ln Φ is finite and matches the asymptotic series deep in the lower tail', () => {
    for (const x of [-40, -100, -1000]) {
      const series =
        (-x * x) / 2 -
        Math.log(-x) -
        0.5 * Math.log(2 * Math.PI) +
        Math.log(1 - 1 / x ** 2 + 3 / x ** 4 - 15 / x ** 6);
      expect(Math.abs(logNdtr(x) / series - 1)).toBeLessThan(1e-12);
    }
    expect(logNdtr(0)).toBeCloseTo(Math.log(0.5), 15);
    expect(logNdtr(10)).toBeCloseTo(-7.61985302416047e-24, 35);
  });

  it('Φ⁻¹ inverts Φ across the range', () => {
    for (const [p, expected] of INV_CDF) expect(ndtri(p)).toBeCloseTo(expected, 11);
    for (const p of [1e-12, 0.001, 0.2, 0.5, 0.8, 0.999999]) expect(ndtr(ndtri(p)) / p).toBeCloseTo(1, 12);
  });
});
