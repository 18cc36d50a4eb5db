import { curveFromFacts } from '../stats/quantile-curve.js';

/**
 * DAYS_BIRTH through its real quartiles, refined in the tails with percentiles of the
 * real 4,000-row sample: linear between the quartiles alone would put as many clients
 * at 66 as at 56.
 */
export const DAYS_BIRTH_CURVE = curveFromFacts('DAYS_BIRTH', [
  [0.01, -24540],
  [0.05, -23146],
  [0.1, -22212],
  [0.9, -10254],
  [0.95, -9390],
  [0.99, -8142],
]);

/** Lower bounds of the five-year age bands used by age-dependent categoricals. */
export const AGE_BANDS = [20, 25, 30, 35, 40, 45, 50, 55, 60, 65] as const;

export function bandOf(ageYears: number): number {
  const i = Math.floor((ageYears - 20) / 5);
  return i < 0 ? 0 : i >= AGE_BANDS.length ? AGE_BANDS.length - 1 : i;
}

/** Ages (years) at 2,000 evenly spaced quantiles of the age distribution, for calibrations. */
export const AGE_GRID: readonly number[] = Array.from(
  { length: 2000 },
  (_, i) => -DAYS_BIRTH_CURVE.at((i + 0.5) / 2000) / 365.25,
);

/** Share of clients in each age band. */
export const BAND_WEIGHTS: readonly number[] = AGE_BANDS.map(
  (_, b) => AGE_GRID.filter((a) => bandOf(a) === b).length / AGE_GRID.length,
);

/** Piecewise-linear interpolation through (x, y) points, flat outside. */
export function piecewise(points: readonly (readonly [number, number])[], x: number): number {
  if (x <= points[0]![0]) return points[0]![1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    if (x <= x1) {
      const [x0, y0] = points[i - 1]!;
      return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    }
  }
  return points[points.length - 1]![1];
}

/**
 * The odds multiplier m that makes the average over the age grid of p'(a) = m p / (1 - p + m p)
 * equal to target, for age profiles p(a) of weighted groups: keeps a profile's shape and
 * fixes its overall share.
 */
export function calibrateOdds(
  profiles: readonly (readonly [weight: number, profile: (age: number) => number])[],
  target: number,
): number {
  const total = profiles.reduce((s, [w]) => s + w, 0);
  const meanAt = (m: number): number => {
    let mean = 0;
    for (const [weight, profile] of profiles) {
      let sum = 0;
      for (const a of AGE_GRID) {
        const p = profile(a);
        sum += (m * p) / (1 - p + m * p);
      }
      mean += (weight / total) * (sum / AGE_GRID.length);
    }
    return mean;
  };
  let lo = -10;
  let hi = 10;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (meanAt(Math.exp(mid)) < target) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}
