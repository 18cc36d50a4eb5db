import type { Database } from '../data/index.js';
import { FEATURE_TABLE, sqlIdent } from './feature-names.js';

/** What is kept of one feature over all clients. */
export interface FeatureStats {
  readonly count: number;
  readonly missing: number;
  readonly mean: number;
  readonly std: number;
  readonly min: number;
  readonly max: number;
  /** Values at rank floor(p (count - 1)) for p = j / (m - 1): real values of the column, ascending. */
  readonly grid: readonly number[];
  /** Exact [value, count] pairs, ascending, when the feature has few distinct values. */
  readonly counts: readonly (readonly [number, number])[] | null;
}

/** Features with at most this many distinct values get exact counts. */
export const DISCRETE_LIMIT = 64;
const BATCH = 40;

const num = (value: unknown): number => (value === null || value === undefined ? Number.NaN : Number(value));

/**
 * The statistics of every feature in a few scans of the feature table. DuckDB's many-quantile
 * quantile_disc is slow at 1,001 quantiles (about 1 s per column at 30k rows), so each column
 * is sorted once (list_sort) and the grid picked from it by rank with list_select.
 */
export async function queryFeatureStats(
  db: Database,
  names: readonly string[],
  m: number,
  size: number,
): Promise<Map<string, FeatureStats>> {
  const out = new Map<string, FeatureStats>();
  for (let start = 0; start < names.length; start += BATCH) {
    const batch = names.slice(start, start + BATCH);
    const inner = batch
      .map((name, i) => {
        const c = `CAST(${sqlIdent(name)} AS DOUBLE)`;
        return (
          `list_sort(list(${c}) FILTER (WHERE ${c} IS NOT NULL)) AS s${i}, count(${c}) AS n${i}, ` +
          `avg(${c}) AS mean${i}, stddev_pop(${c}) AS std${i}, approx_count_distinct(${c}) AS d${i}`
        );
      })
      .join(', ');
    const outer = batch
      .map(
        (_, i) =>
          `list_select(s${i}, list_transform(range(0, $1), j -> (floor(j * (len(s${i}) - 1) / ($1 - 1)) + 1)::BIGINT)) AS q${i}, ` +
          `s${i}[1] AS min${i}, s${i}[-1] AS max${i}, n${i}, mean${i}, std${i}, d${i}`,
      )
      .join(', ');
    const row =
      (await db.query(`SELECT ${outer} FROM (SELECT ${inner} FROM ${FEATURE_TABLE})`, [m]))[0] ?? {};
    const discrete: string[] = [];
    batch.forEach((name, i) => {
      const count = num(row[`n${i}`]);
      out.set(name, {
        count,
        missing: size - count,
        mean: num(row[`mean${i}`]),
        std: num(row[`std${i}`]),
        min: num(row[`min${i}`]),
        max: num(row[`max${i}`]),
        grid: count > 0 ? ((row[`q${i}`] ?? []) as unknown[]).map(num) : [],
        counts: null,
      });
      if (num(row[`d${i}`]) <= DISCRETE_LIMIT * 1.5) discrete.push(name);
    });
    await addCounts(db, discrete, out);
  }
  return out;
}

/** Exact counts per value of the features that look discrete, one UNION ALL query per batch. */
async function addCounts(
  db: Database,
  names: readonly string[],
  out: Map<string, FeatureStats>,
): Promise<void> {
  if (names.length === 0) return;
  const sql = names
    .map((name, i) => {
      const c = `CAST(${sqlIdent(name)} AS DOUBLE)`;
      return `SELECT ${i} AS f, ${c} AS v, count(*) AS n FROM ${FEATURE_TABLE} WHERE ${c} IS NOT NULL GROUP BY v`;
    })
    .join(' UNION ALL ');
  const counts = names.map((): [number, number][] => []);
  for (const row of await db.query(sql)) counts[num(row.f)]!.push([num(row.v), num(row.n)]);
  names.forEach((name, i) => {
    const list = counts[i]!;
    // approx_count_distinct is approximate: keep exact counts only when they really are few
    if (list.length <= DISCRETE_LIMIT) {
      list.sort((a, b) => a[0] - b[0]);
      out.set(name, { ...out.get(name)!, counts: list });
    }
  });
}
