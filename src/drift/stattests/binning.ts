/**
 * Binning shared by Jensen-Shannon and PSI (Evidently's get_binned_data, drift.md §3.7),
 * with NumPy's exact semantics: Sturges edges from linspace, half-open bins but the last.
 */
import { unionKeys, type CleanColumn } from '../column-values.js';

/** numpy.histogram_bin_edges(values, bins='sturges') for sorted values. */
export function sturgesEdges(sorted: Float64Array): Float64Array {
  let first = sorted[0]!;
  let last = sorted[sorted.length - 1]!;
  const range = last - first;
  const width = range / (Math.log2(sorted.length) + 1);
  const bins = width ? Math.ceil(range / width) : 1;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  return linspace(first, last, bins + 1);
}

/** numpy.linspace with endpoint: start + i·step, the last edge set to stop exactly. */
export function linspace(start: number, stop: number, count: number): Float64Array {
  const edges = new Float64Array(count);
  const step = (stop - start) / (count - 1);
  for (let i = 0; i < count; i++) edges[i] = i * step + start;
  edges[count - 1] = stop;
  return edges;
}

/** numpy.histogram counts on uniform edges (values outside the edges are not counted). */
export function histogram(values: Float64Array, edges: Float64Array): Float64Array {
  const bins = edges.length - 1;
  const first = edges[0]!;
  const last = edges[bins]!;
  const norm = bins / (last - first);
  const counts = new Float64Array(bins);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < first || v > last) continue;
    let at = Math.trunc((v - first) * norm);
    if (at === bins) at--;
    // NumPy corrects the computed index against the actual edges (rounding at boundaries)
    if (v < edges[at]!) at--;
    else if (at !== bins - 1 && v >= edges[at + 1]!) at++;
    counts[at]!++;
  }
  return counts;
}

export interface BinnedShares {
  readonly reference: Float64Array;
  readonly current: Float64Array;
}

/**
 * Shares of each side per bin: Sturges bins on the combined sample for a numerical column
 * with more than 20 distinct reference values, else one bin per distinct value.
 * fillZeroes (PSI only) replaces empty bins by a small share so the logarithm is finite.
 */
export function binnedShares(
  reference: CleanColumn,
  current: CleanColumn,
  numerical: boolean,
  fillZeroes: boolean,
): BinnedShares {
  let ref: Float64Array;
  let cur: Float64Array;
  if (numerical && reference.sorted && current.sorted && reference.distinct() > 20) {
    const edges = sturgesEdges(mergeSorted(reference.sorted, current.sorted));
    ref = histogram(reference.sorted, edges).map((c) => c / reference.size);
    cur = histogram(current.sorted, edges).map((c) => c / current.size);
  } else {
    const keys = unionKeys(reference, current);
    const refCounts = reference.counts();
    const curCounts = current.counts();
    ref = Float64Array.from(keys, (k) => (refCounts.get(k) ?? 0) / reference.size);
    cur = Float64Array.from(keys, (k) => (curCounts.get(k) ?? 0) / current.size);
  }
  if (fillZeroes) {
    fillZeroShares(ref);
    fillZeroShares(cur);
  }
  return { reference: ref, current: cur };
}

function fillZeroShares(shares: Float64Array): void {
  let smallest = Number.POSITIVE_INFINITY;
  for (const s of shares) if (s > 0 && s < smallest) smallest = s;
  const fill = smallest <= 0.0001 ? smallest / 1e6 : 0.0001;
  for (let i = 0; i < shares.length; i++) if (shares[i] === 0) shares[i] = fill;
}

export function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
