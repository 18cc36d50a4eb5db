/** Default number of points kept in a stored or plotted curve. */
export const DEFAULT_CURVE_POINTS = 200;

/**
 * Indices of at most `maxPoints` points of a polyline of n points, spaced evenly along its length
 * (each axis scaled to its range), always keeping the first, the last and the indices in `keep`.
 * Spacing by length rather than by index keeps the bends a plot needs: a ROC curve of 300,000
 * thresholds spends most of its points in a few steep stretches.
 */
export function thinIndices(
  n: number,
  x: (i: number) => number,
  y: (i: number) => number,
  maxPoints = DEFAULT_CURVE_POINTS,
  keep: readonly number[] = [],
): number[] {
  if (n <= Math.max(maxPoints, 2)) return Array.from({ length: n }, (_, i) => i);
  const kept = new Set(keep.filter((i) => i > 0 && i < n - 1));
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 0; i < n; i++) {
    xMin = Math.min(xMin, x(i));
    xMax = Math.max(xMax, x(i));
    yMin = Math.min(yMin, y(i));
    yMax = Math.max(yMax, y(i));
  }
  const xScale = xMax > xMin ? 1 / (xMax - xMin) : 1;
  const yScale = yMax > yMin ? 1 / (yMax - yMin) : 1;
  const segment = (i: number): number => Math.hypot((x(i) - x(i - 1)) * xScale, (y(i) - y(i - 1)) * yScale);
  let length = 0;
  for (let i = 1; i < n; i++) length += segment(i);
  // Each point kept for distance uses at least `step` of length, so they number at most `budget`.
  const budget = Math.max(1, maxPoints - 2 - kept.size);
  const step = length / budget;
  const out = [0];
  let travelled = 0;
  for (let i = 1; i < n - 1; i++) {
    travelled += segment(i);
    if (kept.has(i) || (step > 0 && travelled >= step)) {
      out.push(i);
      travelled = 0;
    }
  }
  out.push(n - 1);
  return out;
}
