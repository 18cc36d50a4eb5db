import type { FeatureDef } from '../types.js';

/** Names a combined feature reads: the quoted identifiers of its SQL that are feature names. */
export function combinedInputs(def: FeatureDef, featureNames: ReadonlySet<string>): string[] {
  const names = [...def.sql.matchAll(/"((?:[^"]|"")+)"/g)].map((m) => m[1]!.replace(/""/g, '"'));
  return [...new Set(names.filter((n) => featureNames.has(n)))];
}

/**
 * The combined features over given input values: `SELECT <their SQL> FROM (SELECT n[1] AS "A", ...)`
 * with the values bound as one DOUBLE[] parameter (typed once: no new plan per call).
 * The expressions are the very text the batch projection uses; only where the inputs come
 * from differs (joined source results there, one application's source results here).
 */
export function combinedSql(defs: readonly FeatureDef[], inputs: readonly string[]): string {
  const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
  const values = inputs.map((name, i) => `n[${i + 1}] AS ${quote(name)}`);
  const columns = defs.map((d) => `CAST(${d.sql} AS DOUBLE) AS ${quote(d.name)}`);
  const from = `(SELECT CAST($1 AS DOUBLE[]) AS n)`;
  return `SELECT ${columns.join(', ')} FROM (SELECT ${values.length > 0 ? values.join(', ') : '1 AS one'} FROM ${from})`;
}
