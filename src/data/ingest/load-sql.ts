import { SQL_TYPE, type TableSpec } from '../schema/index.js';
import type { ColumnPlan } from './column-plan.js';
import { sqlIdentifier, sqlString } from './sql-text.js';

/** What a failed row check means; the exact reason is read from the value as written. */
export type CheckKind = 'missing-key' | 'target' | 'bad-int' | 'bad-float';

export interface RowCheck {
  readonly column: string;
  /** Position of the column in the file (0-based). */
  readonly fileIndex: number;
  readonly kind: CheckKind;
}

export interface LoadStatement {
  /** CREATE TABLE … AS SELECT … FROM the file, with a check column. */
  readonly sql: string;
  /** The read_csv(…) call without rejects options, to reread the file in order on error paths. */
  readonly source: string;
  /** Index of the first failed check of a row (into `checks`), NULL when none failed. */
  readonly checkExpression: string;
  readonly checks: readonly RowCheck[];
  readonly rejectsTable: string;
  readonly rejectsScanTable: string;
}

/** Column added by the load, read by the checks, then dropped. */
export const CHECK_COLUMN = '__clairscore_check';
/** Largest integer a DOUBLE holds exactly (2^53 - 1): int columns beyond it are out of range. */
const MAX_EXACT_INT = '9007199254740991';
/** DuckDB keeps at most this many rejected lines: the first one is reported. */
const REJECTS_LIMIT = 100;

/**
 * The one statement that loads a CSV file into its table. DuckDB parses every number as
 * DOUBLE (its BIGINT parser silently rounds "2.5" to 3), so whole-number, range and
 * finiteness checks run in the same pass; bad rows are flagged, not loaded as wrong values.
 * File columns are read under positional names (c0, c1, …): no header text reaches the SQL.
 */
export function buildLoadSql(spec: TableSpec, plan: ColumnPlan, csvPath: string): LoadStatement {
  const rejectsTable = `rejects_${spec.name}`;
  const rejectsScanTable = `rejects_scan_${spec.name}`;
  const readTypes = plan.fileColumns.map(
    (c, i) => `${sqlString(`c${i}`)}: ${sqlString(c && c.type !== 'string' ? 'DOUBLE' : 'VARCHAR')}`,
  );
  const position = new Map(plan.fileColumns.map((c, i) => [c?.name, i]));
  const checks: RowCheck[] = [];
  const select = spec.columns.map((column) => {
    const name = sqlIdentifier(column.name);
    const type = SQL_TYPE[column.type];
    const i = position.get(column.name);
    if (i === undefined) return `CAST(NULL AS ${type}) AS ${name}`;
    const check = (kind: CheckKind): void => void checks.push({ column: column.name, fileIndex: i, kind });
    if (column.name === 'TARGET') check('target');
    else {
      if (spec.keyColumns.includes(column.name)) check('missing-key');
      if (column.type === 'int') check('bad-int');
      if (column.type === 'float') check('bad-float');
    }
    return column.type === 'int' ? `TRY_CAST(c${i} AS BIGINT) AS ${name}` : `c${i} AS ${name}`;
  });
  const whens = checks.map((c, index) => `WHEN ${condition(`c${c.fileIndex}`, c.kind)} THEN ${index}`);
  const checkExpression = whens.length > 0 ? `CASE ${whens.join(' ')} END` : 'CAST(NULL AS INTEGER)';
  const read = [
    'header = true',
    'auto_detect = false',
    `delim = ','`,
    `quote = '"'`,
    `escape = '"'`,
    `columns = {${readTypes.join(', ')}}`,
  ];
  const rejects = [
    'store_rejects = true',
    `rejects_table = ${sqlString(rejectsTable)}`,
    `rejects_scan = ${sqlString(rejectsScanTable)}`,
    `rejects_limit = ${REJECTS_LIMIT}`,
  ];
  const readCsv = (options: readonly string[]): string =>
    `read_csv(${sqlString(csvPath)}, ${options.join(', ')})`;
  const sql =
    `CREATE TABLE ${sqlIdentifier(spec.name)} AS SELECT ${select.join(', ')}, ` +
    `${checkExpression} AS ${CHECK_COLUMN} FROM ${readCsv([...read, ...rejects])}`;
  return { sql, source: readCsv(read), checkExpression, checks, rejectsTable, rejectsScanTable };
}

/** SQL that is true when a value fails a check (NULL compares as unknown: empty fields pass). */
function condition(value: string, kind: CheckKind): string {
  switch (kind) {
    case 'missing-key':
      return `${value} IS NULL`;
    case 'target':
      return `(${value} IS NULL OR ${value} NOT IN (0, 1))`;
    case 'bad-int':
      // NaN compares above every number, so it fails the range test too.
      return `NOT (abs(${value}) <= ${MAX_EXACT_INT} AND ${value} = trunc(${value}))`;
    case 'bad-float':
      return `NOT isfinite(${value})`;
  }
}
