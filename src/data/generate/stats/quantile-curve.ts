import { COLUMN_FACTS, type ColumnFacts } from '../../schema/index.js';

/** One knot of an inverse CDF: the value at cumulative probability p. */
export type Knot = readonly [p: number, value: number];

/**
 * An inverse CDF through known quantiles: linear between knots, or geometric (log-linear)
 * where a segment is flagged so, which suits heavy right tails such as incomes. A flat
 * segment (two knots with one value) is a point mass, as DAYS_LAST_PHONE_CHANGE = 0 is.
 */
export class QuantileCurve {
  private readonly probs: Float64Array;
  private readonly values: Float64Array;
  private readonly geometric: Uint8Array;

  constructor(knots: readonly Knot[], geometricFrom = Infinity) {
    const sorted = [...knots].sort((a, b) => a[0] - b[0]);
    if (sorted[0]![0] !== 0 || sorted[sorted.length - 1]![0] !== 1) {
      throw new Error('a quantile curve needs knots at p = 0 and p = 1');
    }
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]![1] < sorted[i - 1]![1])
        throw new Error(`quantile knots not monotone at p=${sorted[i]![0]}`);
    }
    this.probs = Float64Array.from(sorted.map((k) => k[0]));
    this.values = Float64Array.from(sorted.map((k) => k[1]));
    // Segment i (from knot i to i+1) is geometric when it starts at or above geometricFrom.
    this.geometric = Uint8Array.from(sorted.map((k) => (k[0] >= geometricFrom && k[1] > 0 ? 1 : 0)));
  }

  /** The value at cumulative probability u in [0, 1]. */
  at(u: number): number {
    const probs = this.probs;
    let i = 1;
    while (i < probs.length - 1 && probs[i]! < u) i++;
    const p0 = probs[i - 1]!;
    const t = Math.min(1, Math.max(0, (u - p0) / (probs[i]! - p0)));
    const a = this.values[i - 1]!;
    const b = this.values[i]!;
    return this.geometric[i - 1] ? a * Math.pow(b / a, t) : a + (b - a) * t;
  }
}

/** The reference facts of one application column. */
export function appFacts(name: string): ColumnFacts {
  const facts = COLUMN_FACTS.application_train.find((c) => c.name === name);
  if (!facts) throw new Error(`unknown application column ${name}`);
  return facts;
}

/** The real quartile knots (p0, p25, p50, p75, p100) of a numeric application column. */
export function factKnots(name: string): Knot[] {
  const q = appFacts(name).quantiles;
  if (!q) throw new Error(`no quantiles for ${name}`);
  return [
    [0, q.p0!],
    [0.25, q.p25!],
    [0.5, q.p50!],
    [0.75, q.p75!],
    [1, q.p100!],
  ];
}

/**
 * A curve through a column's real quartiles, refined with extra knots where linear
 * interpolation between quartiles would misplace the tails (extra knots replace any
 * quartile knot at the same p).
 */
export function curveFromFacts(
  name: string,
  extra: readonly Knot[] = [],
  geometricFrom = Infinity,
): QuantileCurve {
  const extraPs = new Set(extra.map((k) => k[0]));
  return new QuantileCurve([...factKnots(name).filter((k) => !extraPs.has(k[0])), ...extra], geometricFrom);
}

/** The mean of a column in the real data. */
export function factMean(name: string): number {
  const mean = appFacts(name).quantiles?.mean;
  if (mean === undefined) throw new Error(`no mean for ${name}`);
  return mean;
}
