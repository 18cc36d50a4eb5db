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
 * One pass over the training rows: per column the count of values, min, max and a
 * row-aware fingerprint (sum of hash(id, value)); NULLs hash alike, so missingness counts.
 */
export function profileSql(relation: string, names: readonly string[]): string {
  const parts = names.map((name, i) => {
    const c = quoteIdent(name);
    return (
      `count(${c}) AS n${i}, CAST(min(${c}) AS DOUBLE) AS lo${i}, CAST(max(${c}) AS DOUBLE) AS hi${i}, ` +
      `CAST(sum(hash("SK_ID_CURR", CAST(${c} AS DOUBLE))) AS VARCHAR) AS h${i}`
    );
  });
  return `SELECT count(*) AS total, ${parts.join(', ')} FROM ${relation} WHERE is_train = 1`;
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
  const profile = (await connection.runAndReadAll(profileSql(relation, names))).getRowObjectsJS()[0]!;
  const total = Number(profile.total);
  const dropped = new Map<string, DroppedFeature>();
  const firstByKey = new Map<string, string>();
  const candidates: (readonly [string, string])[] = [];
  names.forEach((name, i) => {
    const n = Number(profile[`n${i}`]);
    const lo = profile[`lo${i}`];
    const hi = profile[`hi${i}`];
    if (n === 0 || (n === total && lo === hi)) {
      dropped.set(name, { name, reason: 'constant' });
      return;
    }
    const key = `${n}|${String(lo)}|${String(hi)}|${String(profile[`h${i}`])}`;
    const first = firstByKey.get(key);
    if (first) candidates.push([first, name]);
    else firstByKey.set(key, name);
  });
  if (candidates.length > 0) {
    const diffs = (
      await connection.runAndReadAll(differencesSql(relation, candidates))
    ).getRowObjectsJS()[0]!;
    candidates.forEach(([first, name], i) => {
      if (Number(diffs[`d${i}`]) === 0) dropped.set(name, { name, reason: 'duplicate', duplicateOf: first });
    });
  }
  return names.flatMap((name) => {
    const entry = dropped.get(name);
    return entry ? [entry] : [];
  });
}
