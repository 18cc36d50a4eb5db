import type { DuckDBConnection } from '@duckdb/node-api';

import { tableSpec, type ColumnSpec, type TableName } from '../../data/index.js';
import { CATEGORY_TABLE } from '../definitions/index.js';
import type { CategoryDictionary } from '../feature-schema.js';
import type { FieldValue, InputRow } from './application-input.js';

/**
 * Appends rows to a table through DuckDB's appender: values are bound by type, never
 * spliced into SQL, so a string such as "'); DROP TABLE x; --" is stored as plain data.
 */
export async function appendRows(
  connection: DuckDBConnection,
  table: TableName,
  rows: readonly InputRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = tableSpec(table).columns;
  const appender = await connection.createAppender(table);
  try {
    for (const row of rows) {
      for (const column of columns) appendValue(appender, column, row[column.name]);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

type Appender = Awaited<ReturnType<DuckDBConnection['createAppender']>>;

function appendValue(appender: Appender, column: ColumnSpec, value: FieldValue | undefined): void {
  if (value === null || value === undefined) {
    appender.appendNull();
  } else if (column.type === 'int') {
    appender.appendBigInt(BigInt(value));
  } else if (column.type === 'float') {
    appender.appendDouble(Number(value));
  } else {
    appender.appendVarchar(String(value));
  }
}

/** Loads the category dictionary of a feature schema into the (empty) dictionary table. */
export async function appendCategories(
  connection: DuckDBConnection,
  categories: readonly CategoryDictionary[],
): Promise<void> {
  const appender = await connection.createAppender(CATEGORY_TABLE);
  try {
    for (const dictionary of categories) {
      for (const level of dictionary.levels) {
        appender.appendVarchar(dictionary.feature);
        appender.appendVarchar(level.level);
        appender.appendInteger(level.code);
        appender.appendBigInt(BigInt(level.count));
        appender.endRow();
      }
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
