/**
 * Standard normal CDF, its logarithm and its inverse, accurate far into the tails.
 * Kernels of the Parzen estimators are clipped to sigma >= range/100, so a candidate can sit
 * ~100 standard deviations from a kernel: plain Φ underflows there and ratios of masses
 * become 0/0, hence everything is also available in log space.
 */

const SQRT1_2 = Math.SQRT1_2;
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/**
 * erf(x) for 0 <= x < 3 by the all-positive series
 * erf(x) = 2/√π · e^{-x²} · Σ 2^n x^{2n+1} / (1·3·…·(2n+1)), which has no cancellation.
 */
function erfSeries(x: number): number {
  let term = x;
  let sum = x;
  const x2 = 2 * x * x;
  for (let n = 0; n < 200; n++) {
    term *= x2 / (2 * n + 3);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
}

/**
 * e^{x²}·erfc(x) for x >= 2 by the Laplace continued fraction
 * erfc(x) = e^{-x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated with Lentz's method.
 */
function erfcxContinuedFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = f;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? 1 / tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / (f * Math.sqrt(Math.PI));
}

/** ln erfc(x), finite for every finite x (erfc(30) alone would underflow to 0). */
export function logErfc(x: number): number {
  if (x >= 2) return -x * x + Math.log(erfcxContinuedFraction(x));
  if (x >= 0) return Math.log1p(-erfSeries(x));
  if (x > -3) return Math.log1p(erfSeries(-x));
  return Math.log(2 - Math.exp(logErfc(-x)));
}

/** erfc(x). */
export function erfc(x: number): number {
  return Math.exp(logErfc(x));
}

/** Φ(x), the standard normal CDF. */
export function ndtr(x: number): number {
  return 0.5 * erfc(-x * SQRT1_2);
}

/** ln Φ(x), accurate in both tails. */
export function logNdtr(x: number): number {
  if (x > 5) return Math.log1p(-0.5 * erfc(x * SQRT1_2));
  return logErfc(-x * SQRT1_2) - Math.LN2;
}

/** ln φ(x), the standard normal log density. */
export function logNormalPdf(x: number): number {
  return -0.5 * x * x - LN_SQRT_2PI;
}

/**
 * The x with ln Φ(x) = logP, for logP <= ln 0.5 (the lower half; use symmetry for the upper).
 * Starts from the Abramowitz–Stegun 26.2.23 rational guess (error < 5e-4) and refines by
 * Newton steps on ln Φ, which stay well conditioned deep in the tail.
 */
export function ndtriLog(logP: number): number {
  if (logP === -Infinity) return -Infinity;
  const t = Math.sqrt(-2 * logP);
  let x = -(
    t -
    (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t ** 3)
  );
  for (let i = 0; i < 50; i++) {
    const logCdf = logNdtr(x);
    const step = (logCdf - logP) / Math.exp(logNormalPdf(x) - logCdf);
    x -= step;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(x))) break;
  }
  return x;
}

/** Φ⁻¹(p) for p in (0, 1). */
export function ndtri(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  return p <= 0.5 ? ndtriLog(Math.log(p)) : -ndtriLog(Math.log1p(-p));
}

/** ln(e^a + e^b) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
}

/** ln(1 − e^d) for d <= 0, accurate both near 0 and for very negative d. */
export function log1mExp(d: number): number {
  return d > -Math.LN2 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d));
}

/** ln Σ exp(values), −∞ for an empty list. */
export function logSumExp(values: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < values.length; i++) m = Math.max(m, values[i]!);
  if (m === -Infinity) return -Infinity;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp(values[i]! - m);
  return m + Math.log(sum);
}
