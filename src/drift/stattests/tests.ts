/**
 * The six statistical tests of Evidently's drift presets (drift.md §3), each as a pure
 * function of two cleaned columns returning the drift score Evidently reports.
 */
import { unionKeys, type CleanColumn } from '../column-values.js';
import { binnedShares } from './binning.js';
import { twoSampleKsP } from './kolmogorov.js';
import { chiSquareSurvival, normalTwoSidedP } from './special-functions.js';

/** scipy.stats.ks_2samp(reference, current)[1], two-sided, method 'auto'. */
export function ksPValue(reference: CleanColumn, current: CleanColumn): number {
  return twoSampleKsP(reference.size, current.size, ksStatistic(reference, current)).p;
}

/** Largest distance between the two empirical CDFs (over every value of either sample). */
export function ksStatistic(reference: CleanColumn, current: CleanColumn): number {
  const a = reference.sorted!;
  const b = current.sorted!;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < a.length || j < b.length) {
    const v = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    while (i < a.length && a[i] === v) i++;
    while (j < b.length && b[j] === v) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  return d;
}

/** Chi-square goodness of fit of current counts against reference counts scaled to the current size. */
export function chiSquarePValue(reference: CleanColumn, current: CleanColumn): number {
  const keys = unionKeys(reference, current);
  const refCounts = reference.counts();
  const curCounts = current.counts();
  const scale = current.size / reference.size;
  let statistic = 0;
  for (const key of keys) {
    const expected = (refCounts.get(key) ?? 0) * scale;
    const observed = curCounts.get(key) ?? 0;
    // a value never seen in the reference: infinite statistic, p = 0 (as SciPy)
    statistic += expected === 0 ? Number.POSITIVE_INFINITY : (observed - expected) ** 2 / expected;
  }
  return chiSquareSurvival(statistic, keys.length - 1);
}

/** Two-proportion Z-test: the smallest value against all the others. */
export function zTestPValue(reference: CleanColumn, current: CleanColumn): number {
  const refCounts = reference.counts();
  const curCounts = current.counts();
  if (refCounts.size === 1 && curCounts.size === 1 && [...refCounts.keys()][0] === [...curCounts.keys()][0])
    return 1;
  const first = unionKeys(reference, current)[0]!;
  const p1 = 1 - (refCounts.get(first) ?? 0) / reference.size;
  const p2 = 1 - (curCounts.get(first) ?? 0) / current.size;
  const n1 = reference.size;
  const n2 = current.size;
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return normalTwoSidedP(z);
}

/** Population standard deviation (NumPy's np.std, ddof = 0), two-pass. */
export function populationStd(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return Math.sqrt(squares / values.length);
}

/** scipy.stats.wasserstein_distance: ∫|F_ref − F_cur| over the merged support. */
export function wassersteinDistance(reference: Float64Array, current: Float64Array): number {
  let i = 0;
  let j = 0;
  let total = 0;
  let previous = Number.NaN;
  while (i < reference.length || j < current.length) {
    const v =
      j >= current.length || (i < reference.length && reference[i]! <= current[j]!)
        ? reference[i]!
        : current[j]!;
    if (!Number.isNaN(previous)) {
      total += Math.abs(i / reference.length - j / current.length) * (v - previous);
    }
    while (i < reference.length && reference[i] === v) i++;
    while (j < current.length && current[j] === v) j++;
    previous = v;
  }
  return total;
}

/** Wasserstein distance divided by the reference's standard deviation (at least 0.001). */
export function wassersteinNormed(reference: CleanColumn, current: CleanColumn): number {
  const norm = Math.max(populationStd(reference.sorted!), 0.001);
  return wassersteinDistance(reference.sorted!, current.sorted!) / norm;
}

const relativeEntropy = (x: number, y: number): number =>
  x > 0 && y > 0 ? x * Math.log(x / y) : x === 0 && y >= 0 ? 0 : Number.POSITIVE_INFINITY;

/** scipy.spatial.distance.jensenshannon(p, q), natural log: a distance in [0, √ln 2]. */
export function jensenShannonDistance(p: Float64Array, q: Float64Array): number {
  const sumP = p.reduce((s, v) => s + v, 0);
  const sumQ = q.reduce((s, v) => s + v, 0);
  let divergence = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]! / sumP;
    const qi = q[i]! / sumQ;
    const m = (pi + qi) / 2;
    divergence += relativeEntropy(pi, m) + relativeEntropy(qi, m);
  }
  return Math.sqrt(divergence / 2);
}

export function jensenShannon(reference: CleanColumn, current: CleanColumn, numerical: boolean): number {
  const shares = binnedShares(reference, current, numerical, false);
  return jensenShannonDistance(shares.reference, shares.current);
}

/** Population stability index Σ (ref − cur)·ln(ref/cur) on zero-filled shares. */
export function psi(reference: CleanColumn, current: CleanColumn, numerical: boolean): number {
  const shares = binnedShares(reference, current, numerical, true);
  let total = 0;
  for (let i = 0; i < shares.reference.length; i++) {
    const r = shares.reference[i]!;
    const c = shares.current[i]!;
    total += (r - c) * Math.log(r / c);
  }
  return total;
}
