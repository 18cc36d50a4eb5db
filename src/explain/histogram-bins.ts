import type { FeatureSchema } from '../features/index.js';
import { formatBoth } from './feature-groups.js';
import type { PopulationStats } from './population-stats.js';
import type { Text } from './types.js';

/** How values fall into the bins of one feature's histograms. */
export interface Bins {
  readonly kind: 'continuous' | 'discrete';
  readonly edges: readonly number[];
  readonly labels: readonly Text[];
  readonly count: number;
  /**
   * SQL of a key per row of the DOUBLE expression `x` (NULL when missing) and the values it
   * binds from $first: the value itself for a discrete feature, the bin index otherwise.
   */
  readonly sql: (x: string, first: number) => { sql: string; params: number[] };
  /** Bin of a key the SQL returned. */
  keyToBin(key: number | null): number | null;
  /** Bin index of a value; null when missing. */
  binOf(value: number | null): number | null;
}

/**
 * Shared bins for every histogram of a feature: one per value for a discrete feature, else
 * equal-width bins between the 0.5th and 99.5th percentiles of all clients, the values beyond
 * counted in the end bins (so no value is lost and counts add up to the group size).
 */
export function binsFor(
  feature: string,
  stats: PopulationStats,
  wanted: number,
  schema?: FeatureSchema,
): Bins {
  if (stats.isDiscrete(feature)) {
    const values = stats.discreteValues(feature);
    const index = new Map(values.map((v, i) => [v, i]));
    return {
      kind: 'discrete',
      edges: values,
      labels: values.map((v) => formatBoth(feature, v, schema)),
      count: values.length,
      sql: (x) => ({ sql: x, params: [] }),
      keyToBin: (key) => (key === null || Number.isNaN(key) ? null : (index.get(key) ?? null)),
      binOf: (value) => (value === null || Number.isNaN(value) ? null : (index.get(value) ?? null)),
    };
  }
  let lo = stats.quantile(feature, 0.5);
  let hi = stats.quantile(feature, 99.5);
  if (!(hi > lo)) {
    const { min, max } = stats.summary(feature);
    [lo, hi] = [min, max];
  }
  const count = hi > lo ? wanted : 1;
  const width = hi > lo ? (hi - lo) / count : 1;
  const edges = Array.from({ length: count + 1 }, (_, i) => (i === count ? hi : lo + i * width));
  const labels = edges.slice(0, -1).map((edge, i): Text => {
    const a = formatBoth(feature, edge, schema);
    const b = formatBoth(feature, edges[i + 1]!, schema);
    if (i === 0 && count > 1) return { en: `< ${b.en}`, fr: `< ${b.fr}` };
    if (i === count - 1 && count > 1) return { en: `≥ ${a.en}`, fr: `≥ ${a.fr}` };
    return { en: `${a.en} – ${b.en}`, fr: `${a.fr} – ${b.fr}` };
  });
  const clamp = (bin: number): number => Math.min(Math.max(bin, 0), count - 1);
  return {
    kind: 'continuous',
    edges,
    labels,
    count,
    sql: (x, first) => ({
      sql:
        `CASE WHEN ${x} IS NULL OR isnan(${x}) THEN NULL ELSE ` +
        `least(greatest(CAST(floor((${x} - $${first}) / $${first + 1}) AS INTEGER), 0), $${first + 2}) END`,
      params: [lo, width, count - 1],
    }),
    keyToBin: (key) => (key === null || Number.isNaN(key) ? null : key),
    binOf: (value) =>
      value === null || Number.isNaN(value) ? null : clamp(Math.floor((value - lo) / width)),
  };
}
