import type { Rng } from '../../../core/index.js';

/** Gamma(shape, 1) by Marsaglia-Tsang; shapes below 1 through the boost u^(1/shape). */
export function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(rng.next() || 1e-12, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Negative binomial count with the given mean and size (gamma-Poisson): small sizes give
 * many zeros and a long tail, as the social-circle and bureau-enquiry counts have.
 */
export function negativeBinomial(rng: Rng, mean: number, size: number): number {
  if (mean <= 0) return 0;
  return rng.poisson((mean * gamma(rng, size)) / size);
}
