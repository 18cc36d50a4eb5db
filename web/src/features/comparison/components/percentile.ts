import type { Histogram } from '../types';

/**
 * Share (0-100) of a histogram's values below the client's bin, plus half of that bin: the
 * client's percentile within a group, to the precision of the bins.
 */
export function binPercentile(histogram: Histogram, bin: number): number | null {
  const present = histogram.size - histogram.missing;
  if (present <= 0 || bin < 0 || bin >= histogram.counts.length) return null;
  let below = 0;
  for (let i = 0; i < bin; i++) below += histogram.counts[i] ?? 0;
  return (100 * (below + (histogram.counts[bin] ?? 0) / 2)) / present;
}

/** Share (0-100) of values strictly below, ties counted half (as the service computes percentiles). */
export function valuePercentile(values: readonly number[], value: number): number | null {
  if (values.length === 0) return null;
  let below = 0;
  let same = 0;
  for (const v of values) {
    if (v < value) below++;
    else if (v === value) same++;
  }
  return (100 * (below + same / 2)) / values.length;
}

/** Counts as shares of the present values (so groups of different sizes compare). */
export function shares(histogram: Histogram): number[] {
  const present = histogram.size - histogram.missing;
  return histogram.counts.map((c) => (present > 0 ? c / present : 0));
}
