import type { DuckDBConnection } from '@duckdb/node-api';

import { quoteIdent } from '../definitions/builders.js';

/** A feature left out of the table, and why. */
export interface DroppedFeature {
  readonly name: string;
  readonly reason: 'constant' | 'duplicate';
  /** For a duplicate: the earlier feature holding the same values on every training row. */
  readonly duplicateOf?: string;
}

/**
 * One pass over the training rows: per column the count of values, min and max. Columns
 * that share all three are the only possible duplicates of each other.
 */
export function profileSql(relation: string, names: readonly string[]): string {
  const parts = names.map((name, i) => {
    const c = quoteIdent(name);
    return `count(${c}) AS n${i}, CAST(min(${c}) AS DOUBLE) AS lo${i}, CAST(max(${c}) AS DOUBLE) AS hi${i}`;
  });
  return `SELECT count(*) AS total, ${parts.join(', ')} FROM ${relation} WHERE is_train = 1`;
}

/**
 * A row-aware fingerprint of each candidate column (sum of hash(id, value); NULLs hash
 * alike, so missingness counts), to split candidates into groups of probably equal columns.
 */
export function fingerprintSql(relation: string, names: readonly string[]): string {
  const parts = names.map(
    (name, i) => `CAST(sum(hash("SK_ID_CURR", CAST(${quoteIdent(name)} AS DOUBLE))) AS VARCHAR) AS h${i}`,
  );
  return `SELECT ${parts.join(', ')} FROM ${relation} WHERE is_train = 1`;
}

/** SQL counting, for each pair, the training rows where the two columns differ (NULL-aware). */
export function differencesSql(relation: string, pairs: readonly (readonly [string, string])[]): string {
  const parts = pairs.map(
    ([a, b], i) => `sum(CAST(${quoteIdent(a)} IS DISTINCT FROM ${quoteIdent(b)} AS INTEGER)) AS d${i}`,
  );
  return `SELECT ${parts.join(', ')} FROM ${relation} WHERE is_train = 1`;
}

/**
 * Features constant on the training rows (one value everywhere, or missing everywhere) and
 * features equal to an earlier one on every training row. Candidates share a fingerprint;
 * each is then checked exactly, so a hash collision never drops a feature.
 */
export async function findDropped(
  connection: DuckDBConnection,
  relation: string,
  names: readonly string[],
): Promise<DroppedFeature[]> {
  const first = async (sql: string): Promise<Record<string, unknown>> =>
    (await connection.runAndReadAll(sql)).getRowObjectsJS()[0] ?? {};
  const profile = await first(profileSql(relation, names));
  const total = Number(profile.total);
  const dropped = new Map<string, DroppedFeature>();
  // 1. constants, and the other columns grouped by (count, min, max)
  const byShape = new Map<string, string[]>();
  names.forEach((name, i) => {
    const n = Number(profile[`n${i}`]);
    const lo = profile[`lo${i}`];
    const hi = profile[`hi${i}`];
    if (n === 0 || (n === total && lo === hi)) {
      dropped.set(name, { name, reason: 'constant' });
      return;
    }
    const key = `${n}|${String(lo)}|${String(hi)}`;
    byShape.set(key, [...(byShape.get(key) ?? []), name]);
  });
  // 2. fingerprints of the columns that share a shape (hashing every column costs seconds)
  const shared = [...byShape.values()].filter((group) => group.length > 1).flat();
  const candidates: (readonly [string, string])[] = [];
  if (shared.length > 0) {
    const prints = await first(fingerprintSql(relation, shared));
    const firstByPrint = new Map<string, string>();
    const shapeOf = new Map([...byShape].flatMap(([key, group]) => group.map((n) => [n, key] as const)));
    shared.forEach((name, i) => {
      const key = `${shapeOf.get(name)}|${String(prints[`h${i}`])}`;
      const earlier = firstByPrint.get(key);
      if (earlier) candidates.push([earlier, name]);
      else firstByPrint.set(key, name);
    });
  }
  // 3. each candidate checked exactly, so a hash collision never drops a feature
  if (candidates.length > 0) {
    const diffs = await first(differencesSql(relation, candidates));
    candidates.forEach(([earlier, name], i) => {
      if (Number(diffs[`d${i}`]) === 0)
        dropped.set(name, { name, reason: 'duplicate', duplicateOf: earlier });
    });
  }
  return names.flatMap((name) => {
    const entry = dropped.get(name);
    return entry ? [entry] : [];
  });
}
