/**
 * What the report plots per column: both sets' shares on the same bins (10 equal bins over
 * the joint range, Evidently's DEFAULT_NBINSX) or on the same categories. Presentation only.
 */
import { compareKeys, unionKeys, type CategoryKey, type CleanColumn } from './column-values.js';
import type { Distribution } from './report-schema.js';
import { histogram, linspace } from './stattests/binning.js';
import type { ColumnType } from './stattests/registry.js';

const HISTOGRAM_BINS = 10;
/** Categories drawn one by one; the rest are grouped into one bar. */
const MAX_CATEGORIES = 12;

export function distributionOf(reference: CleanColumn, current: CleanColumn, type: ColumnType): Distribution {
  const keys = unionKeys(reference, current);
  if (type === 'num' && reference.sorted && current.sorted && keys.length > HISTOGRAM_BINS) {
    const low = Math.min(reference.sorted[0]!, current.sorted[0]!);
    const high = Math.max(reference.sorted.at(-1)!, current.sorted.at(-1)!);
    const edges = linspace(low, high, HISTOGRAM_BINS + 1);
    return {
      kind: 'histogram',
      edges: [...edges],
      reference: shares(histogram(reference.sorted, edges), reference.size),
      current: shares(histogram(current.sorted, edges), current.size),
    };
  }
  const refCounts = reference.counts();
  const curCounts = current.counts();
  const weight = (k: CategoryKey): number =>
    (refCounts.get(k) ?? 0) / reference.size + (curCounts.get(k) ?? 0) / current.size;
  // numbers stay in numeric order (few distinct values); categories by joint frequency
  const ordered =
    type === 'num' ? keys : [...keys].sort((a, b) => weight(b) - weight(a) || compareKeys(a, b));
  const shown = ordered.length > MAX_CATEGORIES ? ordered.slice(0, MAX_CATEGORIES - 1) : ordered;
  const rest = ordered.slice(shown.length);
  const share = (counts: Map<CategoryKey, number>, size: number, group: readonly CategoryKey[]): number =>
    group.reduce((sum: number, k) => sum + (counts.get(k) ?? 0), 0) / size;
  return {
    kind: 'categories',
    labels: [...shown.map(String), ...(rest.length > 0 ? [`(${rest.length} other values)`] : [])],
    reference: [
      ...shown.map((k) => share(refCounts, reference.size, [k])),
      ...(rest.length > 0 ? [share(refCounts, reference.size, rest)] : []),
    ],
    current: [
      ...shown.map((k) => share(curCounts, current.size, [k])),
      ...(rest.length > 0 ? [share(curCounts, current.size, rest)] : []),
    ],
  };
}

const shares = (counts: Float64Array, size: number): number[] => [...counts].map((c) => c / size);
