/**
 * Truncated normal distribution: masses, log density and inverse-CDF sampling.
 * All masses are computed in log space so far-away kernels give −∞-safe log densities
 * instead of 0/0 (see normal-math.ts).
 */
import type { Rng } from '../core/rng.js';
import { log1mExp, logAddExp, logNdtr, logNormalPdf, ndtriLog } from './normal-math.js';

/** ln of the standard normal mass of [a, b] (−∞ when a >= b). */
export function logGaussMass(a: number, b: number): number {
  if (!(a < b)) return -Infinity;
  // Work in whichever tail keeps both ends small, where ln Φ is accurate.
  if (b <= 0) return logNdtr(b) + log1mExp(logNdtr(a) - logNdtr(b));
  if (a >= 0) return logGaussMass(-b, -a);
  // The interval straddles 0: its mass is 1 − Φ(a) − Φ(−b), at least min(Φ(b), 1 − Φ(a)) − 0.5.
  return Math.log1p(-Math.exp(logNdtr(a)) - Math.exp(logNdtr(-b)));
}

/** ln of the N(mu, sigma²) mass of [low, high]. */
export function logNormalMass(mu: number, sigma: number, low: number, high: number): number {
  return logGaussMass((low - mu) / sigma, (high - mu) / sigma);
}

/** ln density at x of N(mu, sigma²) truncated to [low, high] (−∞ outside). */
export function truncatedNormalLogPdf(
  x: number,
  mu: number,
  sigma: number,
  low: number,
  high: number,
): number {
  if (x < low || x > high) return -Infinity;
  return logNormalPdf((x - mu) / sigma) - Math.log(sigma) - logNormalMass(mu, sigma, low, high);
}

/** The u-quantile (u in [0, 1)) of the standard normal truncated to [a, b]. */
export function truncatedStandardQuantile(u: number, a: number, b: number): number {
  if (a >= 0) return -truncatedStandardQuantile(1 - u, -b, -a);
  const logMass = logGaussMass(a, b);
  let x: number;
  if (b <= 0) {
    // Whole interval in the lower tail: ln p = ln(Φ(a) + u·mass), all in log space.
    x = ndtriLog(logAddExp(logNdtr(a), Math.log(u) + logMass));
  } else {
    const mass = Math.exp(logMass);
    const p = Math.exp(logNdtr(a)) + u * mass;
    // Above the median, invert the upper-tail probability instead so precision is kept near b.
    x = p <= 0.5 ? ndtriLog(Math.log(p)) : -ndtriLog(Math.log(Math.exp(logNdtr(-b)) + (1 - u) * mass));
  }
  return Math.min(Math.max(x, a), b);
}

/** One draw of N(mu, sigma²) truncated to [low, high], by inverse CDF of one uniform. */
export function sampleTruncatedNormal(
  rng: Rng,
  mu: number,
  sigma: number,
  low: number,
  high: number,
): number {
  const z = truncatedStandardQuantile(rng.next(), (low - mu) / sigma, (high - mu) / sigma);
  return Math.min(Math.max(mu + sigma * z, low), high);
}
