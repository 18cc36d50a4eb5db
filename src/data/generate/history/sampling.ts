import type { Rng } from '../../../core/index.js';
import { COLUMN_FACTS } from '../../schema/index.js';
import { formatString } from '../csv-format.js';

// One gamma sampler for the whole generator: the application columns use it too.
export { gamma } from '../stats/count.js';

/** A categorical distribution ready for the hot path: labels already CSV-escaped, weights cumulative. */
export interface Categorical {
  readonly labels: readonly string[];
  readonly cumulative: Float64Array;
}

export function categorical(levels: readonly (readonly [string, number])[]): Categorical {
  const cumulative = new Float64Array(levels.length);
  let total = 0;
  levels.forEach(([, weight], i) => {
    total += weight;
    cumulative[i] = total;
  });
  return { labels: levels.map(([label]) => formatString(label)), cumulative };
}

export function pick(rng: Rng, dist: Categorical): string {
  return dist.labels[rng.pickCumulative(dist.cumulative)]!;
}

type SecondaryTable = Exclude<keyof typeof COLUMN_FACTS, 'application_train'>;

/** The real category shares of a secondary column (SCHEMA.md section 4). */
export function factLevels(table: SecondaryTable, column: string): readonly (readonly [string, number])[] {
  const facts = COLUMN_FACTS[table].find((c) => c.name === column);
  if (!facts || !('levels' in facts)) throw new Error(`no levels for ${table}.${column}`);
  return facts.levels;
}

/** Categorical of a secondary column with its real shares, optionally with extra (rare) levels. */
export function factCategorical(
  table: SecondaryTable,
  column: string,
  extra: readonly (readonly [string, number])[] = [],
): Categorical {
  return categorical([...factLevels(table, column), ...extra]);
}

/** The header line of a secondary table, in real column order. */
export function headerOf(table: SecondaryTable): string {
  return COLUMN_FACTS[table].map((c) => c.name).join(',');
}

/**
 * Inverse-CDF sampler through (probability, value) knots with linear interpolation,
 * used to match the real quantiles of a column.
 */
export interface QuantileSampler {
  readonly probs: Float64Array;
  readonly values: Float64Array;
}

export function quantileSampler(knots: readonly (readonly [number, number])[]): QuantileSampler {
  return {
    probs: Float64Array.from(knots.map((k) => k[0])),
    values: Float64Array.from(knots.map((k) => k[1])),
  };
}

export function sampleQuantile(rng: Rng, q: QuantileSampler): number {
  const u = rng.next();
  const { probs, values } = q;
  let i = 1;
  while (i < probs.length - 1 && probs[i]! < u) i++;
  const p0 = probs[i - 1]!;
  const p1 = probs[i]!;
  return values[i - 1]! + ((values[i]! - values[i - 1]!) * (u - p0)) / (p1 - p0);
}

/** Lognormal with the given median and log-scale sd. */
export function lognormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * rng.normal());
}

export function clamp(x: number, low: number, high: number): number {
  return x < low ? low : x > high ? high : x;
}

/** Money as the real files hold it: multiples of 0.005 (three decimals ending in 0 or 5). */
export function money(x: number): number {
  return Math.round(x * 200) / 200;
}

/** Multiples of 0.5, as AMT_CREDIT / AMT_GOODS_PRICE are. */
export function halfUnits(x: number): number {
  return Math.round(x * 2) / 2;
}

export function roundTo(x: number, step: number): number {
  return Math.round(x / step) * step;
}

/**
 * A float64 money or day value as formatFloat prints it, on the hot path: values here are
 * NaN (empty), 0, whole, or multiples of 0.005 below 1e16, where JavaScript's shortest
 * round-trip text equals Python's repr (no exponent form), so only ".0" needs adding.
 */
export function amount(x: number): string {
  if (x === 0) return '0.0';
  if (x !== x) return '';
  return x % 1 === 0 ? `${x}.0` : `${x}`;
}

/** A float64 column holding a whole number: Python repr adds ".0". */
export function wholeFloat(x: number): string {
  return `${x}.0`;
}
