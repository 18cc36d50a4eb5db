import { ClairscoreError, type ErrorCode } from '../../core/index.js';
import type { TableSpec } from '../schema/index.js';
import type { Database } from '../database.js';
import type { ColumnPlan } from './column-plan.js';
import { locateRecords, splitCsvRecord } from './csv-scan.js';
import { CHECK_COLUMN, type LoadStatement, type RowCheck } from './load-sql.js';
import { sqlIdentifier } from './sql-text.js';
import { showValue } from './value-text.js';

/** Where a failing file is reread in file order (error paths only). */
const IN_FILE_ORDER = '__clairscore_in_file_order';

/** The file a table was loaded from, with what is needed to point at one of its lines. */
export interface LoadedFile {
  readonly spec: TableSpec;
  readonly plan: ColumnPlan;
  readonly load: LoadStatement;
  readonly csvPath: string;
  /** File name, as shown in messages. */
  readonly file: string;
}

/**
 * Throws the error of the first row a load flagged (empty key, bad TARGET, non-whole or
 * non-finite number). The bulk load does not keep file order (it is faster without), so
 * a flagged file is reread in order: the rowid of that reread is the record's position.
 */
export async function throwFirstFlaggedRow(db: Database, loaded: LoadedFile): Promise<void> {
  const { spec, load } = loaded;
  const [flagged] = await db.query(
    `SELECT count(*) AS n FROM ${sqlIdentifier(spec.name)} WHERE ${CHECK_COLUMN} IS NOT NULL`,
  );
  const total = Number(flagged?.n ?? 0);
  if (total === 0) return;
  await rereadInFileOrder(db, loaded, `${load.checkExpression} AS check_index`);
  const [row] = await db.query(
    `SELECT rowid AS row_index, check_index FROM ${IN_FILE_ORDER} WHERE check_index IS NOT NULL ORDER BY rowid LIMIT 1`,
  );
  const check = load.checks[Number(row!.check_index)]!;
  const [where] = await locate(loaded, [Number(row!.row_index)]);
  const value = where!.fields[check.fileIndex];
  const { code, what } = describe(check, value, spec);
  const more = total > 1 ? ` (${total - 1} more rows have bad values.)` : '';
  throw new ClairscoreError(
    code,
    `${loaded.file} line ${where!.line}, column ${check.column}: ${what}${more}`,
    {
      file: loaded.file,
      line: where!.line,
      column: check.column,
      value,
      badRows: total,
    },
  );
}

function describe(
  check: RowCheck,
  value: string | undefined,
  spec: TableSpec,
): { code: ErrorCode; what: string } {
  const fix = 'Fix the value in the file (an empty field loads as missing).';
  const number = Number(value);
  switch (check.kind) {
    case 'missing-key':
      return {
        code: 'CS_ERR_MISSING_KEY',
        what: `the key is empty; every ${spec.name} row needs a ${check.column}.`,
      };
    case 'target':
      return value === undefined || value.trim() === ''
        ? {
            code: 'CS_ERR_BAD_TARGET',
            what: 'TARGET is empty; it must be 0 (repaid) or 1 (payment difficulties).',
          }
        : {
            code: 'CS_ERR_BAD_TARGET',
            what: `${showValue(value)} is not a valid TARGET; it must be 0 or 1.`,
          };
    case 'bad-float':
      return {
        code: 'CS_ERR_BAD_VALUE',
        what: `${showValue(value)} is out of range (not a finite number). ${fix}`,
      };
    case 'bad-int':
      if (!Number.isFinite(number)) {
        return {
          code: 'CS_ERR_BAD_VALUE',
          what: `${showValue(value)} is out of range (not a finite number). ${fix}`,
        };
      }
      if (!Number.isInteger(number)) {
        return {
          code: 'CS_ERR_BAD_VALUE',
          what: `${showValue(value)} is not a whole number, and ${check.column} holds integers. ${fix}`,
        };
      }
      return {
        code: 'CS_ERR_BAD_VALUE',
        what: `${showValue(value)} is out of range for an integer column (beyond ±9007199254740991). ${fix}`,
      };
  }
}

/** Throws when the table's unique key (SK_ID_CURR, SK_ID_BUREAU, SK_ID_PREV) repeats, naming the first two lines. */
export async function throwFirstDuplicate(db: Database, loaded: LoadedFile): Promise<void> {
  const { spec, plan } = loaded;
  if (!spec.uniqueKey) return;
  const key = sqlIdentifier(spec.uniqueKey);
  const [count] = await db.query(
    `SELECT count(*) AS keys FROM (SELECT ${key} FROM ${sqlIdentifier(spec.name)} GROUP BY ${key} HAVING count(*) > 1)`,
  );
  const keys = Number(count?.keys ?? 0);
  if (keys === 0) return;
  const fileIndex = plan.fileColumns.findIndex((c) => c?.name === spec.uniqueKey);
  await rereadInFileOrder(db, loaded, `c${fileIndex} AS k`);
  const [first] = await db.query(
    `SELECT k, count(*) AS n, list(rowid ORDER BY rowid)[1:2] AS row_indexes FROM ${IN_FILE_ORDER}
     GROUP BY k HAVING count(*) > 1 ORDER BY min(rowid) LIMIT 1`,
  );
  const indexes = (first!.row_indexes as bigint[]).map(Number);
  const lines = (await locate(loaded, indexes)).map((r) => r.line);
  const keyValue = String(first!.k);
  const others = keys > 1 ? ` ${keys - 1} other ${spec.uniqueKey} values repeat too.` : '';
  throw new ClairscoreError(
    'CS_ERR_DUPLICATE_KEY',
    `${loaded.file}: ${spec.uniqueKey} ${keyValue} appears ${first!.n} times, first on lines ${lines[0]} and ${lines[1]}; ` +
      `each ${spec.uniqueKey} must be unique.${others}`,
    { file: loaded.file, column: spec.uniqueKey, value: keyValue, lines, duplicatedKeys: keys },
  );
}

/** Rereads the file into a temporary table whose rowid is the record's position in the file. */
async function rereadInFileOrder(db: Database, loaded: LoadedFile, select: string): Promise<void> {
  const [setting] = await db.query(`SELECT current_setting('preserve_insertion_order') AS kept`);
  await db.run('SET preserve_insertion_order = true');
  try {
    await db.run(
      `CREATE OR REPLACE TEMP TABLE ${IN_FILE_ORDER} AS SELECT ${select} FROM ${loaded.load.source}`,
    );
  } finally {
    await db.run(`SET preserve_insertion_order = ${setting?.kept === false ? 'false' : 'true'}`);
  }
}

/** Line numbers and fields of records, by position in the file. */
async function locate(
  loaded: LoadedFile,
  indexes: readonly number[],
): Promise<{ line: number; fields: string[] }[]> {
  const found = await locateRecords(loaded.csvPath, indexes, loaded.plan.header.length);
  return indexes.map((i) => {
    const record = found.get(i);
    return record ? { line: record.line, fields: splitCsvRecord(record.text) } : { line: i + 2, fields: [] };
  });
}
