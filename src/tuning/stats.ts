/** Order statistics shared by the pruner and the sampler comparison (numpy's defaults). */

/** numpy.nanpercentile(values, q) with linear interpolation; NaN when no value is a number. */
export function nanPercentile(values: readonly number[], q: number): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const position = (q / 100) * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  const fraction = position - lower;
  // Exact positions return the value itself, so an ±∞ there does not turn into NaN.
  if (fraction === 0) return sorted[lower]!;
  return sorted[lower]! + fraction * (sorted[upper]! - sorted[lower]!);
}

/** Lower quartile, median and upper quartile. */
export interface Quartiles {
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
}

export function quartiles(values: readonly number[]): Quartiles {
  return { q1: nanPercentile(values, 25), median: nanPercentile(values, 50), q3: nanPercentile(values, 75) };
}
