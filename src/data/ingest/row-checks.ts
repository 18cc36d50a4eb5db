import { ClairscoreError } from '../../core/index.js';
import type { TableSpec } from '../schema/index.js';
import type { Database } from '../database.js';
import type { ColumnPlan } from './column-plan.js';
import { locateRecords, splitCsvRecord } from './csv-scan.js';
import { CHECK_COLUMN, type RowCheck } from './load-sql.js';
import { sqlIdentifier } from './sql-text.js';
import { showValue } from './value-text.js';

/**
 * Throws the error of the first row a load flagged (empty key, bad TARGET, non-whole or
 * non-finite number). The table's rowid is the record's position in the file, which
 * locateRecords turns into a line number and the value as written.
 */
export async function throwFirstFlaggedRow(
  db: Database,
  spec: TableSpec,
  plan: ColumnPlan,
  csvPath: string,
  file: string,
  checks: readonly RowCheck[],
): Promise<void> {
  const rows = await db.query(
    `SELECT rowid AS row_index, ${CHECK_COLUMN} AS check_index, count(*) OVER () AS total
     FROM ${sqlIdentifier(spec.name)} WHERE ${CHECK_COLUMN} IS NOT NULL ORDER BY rowid LIMIT 1`,
  );
  const row = rows[0];
  if (!row) return;
  const check = checks[Number(row.check_index)]!;
  const index = Number(row.row_index);
  const record = (await locateRecords(csvPath, [index], plan.header.length)).get(index);
  const value = record ? splitCsvRecord(record.text)[check.fileIndex] : undefined;
  const line = record?.line ?? index + 2;
  const at = `${file} line ${line}, column ${check.column}`;
  const total = Number(row.total);
  const details = { file, line, column: check.column, value, badRows: total };
  const more = total > 1 ? ` (${total - 1} more rows have bad values.)` : '';
  const fix = 'Fix the value in the file (an empty field loads as missing).';
  const fail = (code: ConstructorParameters<typeof ClairscoreError>[0], what: string): ClairscoreError =>
    new ClairscoreError(code, `${at}: ${what}${more}`, details);
  switch (check.kind) {
    case 'missing-key':
      throw fail('CS_ERR_MISSING_KEY', `the key is empty; every ${spec.name} row needs a ${check.column}.`);
    case 'target-empty':
      throw fail('CS_ERR_BAD_TARGET', 'TARGET is empty; it must be 0 (repaid) or 1 (payment difficulties).');
    case 'target-range':
      throw fail('CS_ERR_BAD_TARGET', `${showValue(value)} is not a valid TARGET; it must be 0 or 1.`);
    case 'not-finite':
      throw fail('CS_ERR_BAD_VALUE', `${showValue(value)} is out of range (not a finite number). ${fix}`);
    case 'not-whole':
      throw fail(
        'CS_ERR_BAD_VALUE',
        `${showValue(value)} is not a whole number, and ${check.column} holds integers. ${fix}`,
      );
    case 'out-of-range':
      throw fail(
        'CS_ERR_BAD_VALUE',
        `${showValue(value)} is out of range for an integer column (beyond ±9007199254740991). ${fix}`,
      );
  }
}

/** Throws when the table's unique key (SK_ID_CURR, SK_ID_BUREAU, SK_ID_PREV) repeats, naming the first two lines. */
export async function throwFirstDuplicate(
  db: Database,
  spec: TableSpec,
  plan: ColumnPlan,
  csvPath: string,
  file: string,
): Promise<void> {
  if (!spec.uniqueKey) return;
  const key = sqlIdentifier(spec.uniqueKey);
  const table = sqlIdentifier(spec.name);
  const duplicates = await db.query(
    `SELECT ${key} AS key_value, count(*) AS n, count(*) OVER () AS keys FROM ${table}
     GROUP BY ${key} HAVING count(*) > 1 ORDER BY min(rowid) LIMIT 1`,
  );
  const duplicate = duplicates[0];
  if (!duplicate) return;
  const keyValue = duplicate.key_value as bigint;
  const first = await db.query(
    `SELECT rowid AS row_index FROM ${table} WHERE ${key} = $1 ORDER BY rowid LIMIT 2`,
    [keyValue],
  );
  const indexes = first.map((r) => Number(r.row_index));
  const located = await locateRecords(csvPath, indexes, plan.header.length);
  const lines = indexes.map((i) => located.get(i)?.line ?? i + 2);
  const keys = Number(duplicate.keys);
  const others = keys > 1 ? ` ${keys - 1} other ${spec.uniqueKey} values repeat too.` : '';
  throw new ClairscoreError(
    'CS_ERR_DUPLICATE_KEY',
    `${file}: ${spec.uniqueKey} ${keyValue} appears ${duplicate.n} times, first on lines ${lines[0]} and ${lines[1]}; ` +
      `each ${spec.uniqueKey} must be unique.${others}`,
    { file, column: spec.uniqueKey, value: String(keyValue), lines, duplicatedKeys: keys },
  );
}
