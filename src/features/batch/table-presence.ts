import type { DuckDBConnection } from '@duckdb/node-api';

import { ClairscoreError } from '../../core/index.js';
import { SQL_TYPE, TABLES, type TableName } from '../../data/index.js';
import { quoteIdent } from '../definitions/builders.js';

/** CREATE TABLE text of a Kaggle table with its schema types (TEMP for stand-ins of absent tables). */
export function createTableSql(name: TableName, temporary = false): string {
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`unknown table ${name}`);
  const columns = spec.columns.map((c) => `${quoteIdent(c.name)} ${SQL_TYPE[c.type]}`).join(', ');
  return `CREATE ${temporary ? 'TEMP ' : ''}TABLE ${quoteIdent(name)} (${columns})`;
}

/**
 * Gives every absent optional table an empty stand-in (a temp table under the real name), so
 * the same SQL runs whatever was ingested: its counts are then 0 and its other features empty,
 * and the constant-column check drops them. Returns the absent tables.
 */
export async function standInForAbsentTables(connection: DuckDBConnection): Promise<TableName[]> {
  const reader = await connection.runAndReadAll(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'`,
  );
  const present = new Set(reader.getRowObjectsJS().map((r) => String(r.table_name)));
  if (!present.has('application_train')) {
    throw new ClairscoreError(
      'CS_ERR_NO_DATABASE',
      'The workspace database has no application_train table: run `clairscore ingest --data DIR` first.',
    );
  }
  const absent = TABLES.map((t) => t.name).filter((name) => !present.has(name));
  for (const name of absent) await connection.run(createTableSql(name, true));
  return absent;
}
