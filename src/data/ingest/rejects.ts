import { ClairscoreError } from '../../core/index.js';
import type { Database } from '../database.js';
import type { ColumnPlan } from './column-plan.js';
import { splitCsvRecord } from './csv-scan.js';
import { sqlIdentifier } from './sql-text.js';
import { showValue } from './value-text.js';

/** One line DuckDB could not read, as stored in its rejects table. */
interface Reject {
  readonly line: number;
  readonly fileIndex: number | undefined;
  readonly errorType: string;
  readonly csvLine: string;
  readonly message: string;
}

/** Throws the error of the first line DuckDB rejected while loading a file, if any. */
export async function throwFirstReject(
  db: Database,
  rejectsTable: string,
  file: string,
  plan: ColumnPlan,
): Promise<void> {
  const rows = await db.query(
    `SELECT line, column_idx, column_name, error_type, csv_line, error_message, count(*) OVER () AS total
     FROM ${sqlIdentifier(rejectsTable)} ORDER BY line, column_idx LIMIT 1`,
  );
  const row = rows[0];
  if (!row) return;
  // column_name is our positional name c<i>; column_idx is 1-based.
  const named = /^c(\d+)$/.exec(String(row.column_name ?? ''));
  const reject: Reject = {
    line: Number(row.line),
    fileIndex: named ? Number(named[1]) : row.column_idx === null ? undefined : Number(row.column_idx) - 1,
    errorType: String(row.error_type),
    csvLine: String(row.csv_line ?? '').replace(/\r?\n$/, ''),
    message: String(row.error_message ?? ''),
  };
  const error = rejectError(file, plan, reject);
  const total = Number(row.total);
  const more = total > 1 ? ` (${total - 1}${total >= 100 ? '+' : ''} more bad lines follow.)` : '';
  throw new ClairscoreError(error.code, `${error.message}${more}`, { ...error.details, badLines: total });
}

function rejectError(file: string, plan: ColumnPlan, reject: Reject): ClairscoreError {
  const { line } = reject;
  const column = reject.fileIndex === undefined ? undefined : plan.header[reject.fileIndex];
  const at = column === undefined ? `${file} line ${line}` : `${file} line ${line}, column ${column}`;
  const details = { file, line, column, errorType: reject.errorType };
  switch (reject.errorType) {
    case 'CAST': {
      const value =
        reject.fileIndex === undefined ? undefined : splitCsvRecord(reject.csvLine)[reject.fileIndex];
      return new ClairscoreError(
        'CS_ERR_BAD_VALUE',
        `${at}: ${showValue(value)} is not a number. Fix the value in the file (an empty field loads as missing).`,
        { ...details, value },
      );
    }
    case 'MISSING COLUMNS':
    case 'TOO MANY COLUMNS': {
      const counts = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(reject.message);
      const found = counts ? Number(counts[2]) : splitCsvRecord(reject.csvLine).length;
      return new ClairscoreError(
        'CS_ERR_MALFORMED_CSV',
        `${file} line ${line} has ${found} fields where the header has ${plan.header.length}: every row needs one field per column.`,
        { file, line, fields: found, expected: plan.header.length },
      );
    }
    case 'UNQUOTED VALUE':
      return new ClairscoreError(
        'CS_ERR_MALFORMED_CSV',
        `${at}: a quoted value is not closed (unterminated quote): ${reject.message}`,
        details,
      );
    case 'INVALID ENCODING':
    case 'INVALID UNICODE':
      return new ClairscoreError(
        'CS_ERR_BAD_VALUE',
        `${at}: the text is not UTF-8. Save the file as UTF-8, as the Kaggle files are.`,
        details,
      );
    case 'LINE SIZE OVER MAXIMUM':
      return new ClairscoreError(
        'CS_ERR_MALFORMED_CSV',
        `${file} line ${line} is longer than DuckDB's 2 MB line limit: the file is not a Kaggle table.`,
        details,
      );
    default:
      return new ClairscoreError('CS_ERR_MALFORMED_CSV', `${at}: ${reject.message}`, details);
  }
}
