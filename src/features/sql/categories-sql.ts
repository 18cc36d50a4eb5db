import { CATEGORICAL_COLUMNS, CATEGORY_TABLE } from '../definitions/index.js';
import { quoteIdent, quoteLiteral } from '../definitions/builders.js';

/** Code given to rare levels and to levels never seen in training; missing values (and XNA) stay NULL. */
export const OTHER_CODE = 0;

/** Levels seen fewer times than this in training share the OTHER code (at least 10, or 1 in 10,000). */
export function rareThreshold(trainRows: number): number {
  return Math.max(10, Math.ceil(trainRows / 10_000));
}

/** Columns of the dictionary table, in the workspace and in memory alike. */
export const CATEGORY_TABLE_DDL = `CREATE TABLE ${CATEGORY_TABLE} (feature VARCHAR, level VARCHAR, code INTEGER, count BIGINT)`;

/**
 * Builds the dictionary from the training applications: per column, levels by falling
 * frequency (ties by name) get codes 1, 2, ...; levels rarer than `threshold` get OTHER_CODE.
 * Computed in DuckDB in one pass; only the small result reaches JavaScript.
 */
export function categoriesSql(trainTable: string, threshold: number): string {
  const levels = CATEGORICAL_COLUMNS.map(
    (c) => `SELECT ${quoteLiteral(c)} AS feature, ${quoteIdent(c)} AS level FROM ${trainTable}`,
  ).join(' UNION ALL ');
  const counted =
    `SELECT feature, level, count(*) AS count FROM (${levels}) ` +
    `WHERE level IS NOT NULL AND level <> 'XNA' GROUP BY feature, level`;
  const ranked =
    `SELECT feature, level, count, row_number() OVER (PARTITION BY feature, count >= ${threshold} ` +
    `ORDER BY count DESC, level) AS rank FROM (${counted})`;
  return (
    `SELECT feature, level, CAST(CASE WHEN count >= ${threshold} THEN rank ELSE ${OTHER_CODE} END AS INTEGER) AS code, count ` +
    `FROM (${ranked}) ORDER BY feature, code = ${OTHER_CODE}, code, level`
  );
}
