import type { DuckDBConnection } from '@duckdb/node-api';

import { tableSpec } from '../../data/index.js';
import { quoteIdent } from '../definitions/builders.js';
import { HISTORY_TABLES, type FieldValue } from './application-input.js';

type JsonRow = Record<string, FieldValue>;

async function rows(connection: DuckDBConnection, sql: string, id: number): Promise<JsonRow[]> {
  const reader = await connection.runAndReadAll(sql, [id]);
  return reader.getRowObjectsJS().map((row) => {
    const out: JsonRow = {};
    for (const [key, value] of Object.entries(row)) {
      if (value === null || value === undefined) continue;
      out[key] = typeof value === 'bigint' ? Number(value) : (value as FieldValue);
    }
    return out;
  });
}

async function tableExists(connection: DuckDBConnection, name: string): Promise<boolean> {
  const reader = await connection.runAndReadAll(
    `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = $1`,
    [name],
  );
  return Number(reader.getRowObjectsJS()[0]?.n ?? 0) > 0;
}

/**
 * One client of the workspace as the JSON an API caller would send: the application fields
 * (missing values left out) and its history rows. Undefined when the id is not an application.
 */
export async function applicationFromDatabase(
  connection: DuckDBConnection,
  id: number,
): Promise<Record<string, unknown> | undefined> {
  let application: JsonRow | undefined;
  for (const table of ['application_train', 'application_test'] as const) {
    if (application || !(await tableExists(connection, table))) continue;
    application = (
      await rows(connection, `SELECT * FROM ${quoteIdent(table)} WHERE "SK_ID_CURR" = $1`, id)
    )[0];
  }
  if (!application) return undefined;
  const json: Record<string, unknown> = { ...application };
  for (const table of HISTORY_TABLES) {
    if (!(await tableExists(connection, table))) continue;
    if (table === 'bureau_balance' && !(await tableExists(connection, 'bureau'))) continue;
    const order = tableSpec(table)
      .columns.slice(0, 2)
      .map((c) => quoteIdent(c.name))
      .join(', ');
    const sql =
      table === 'bureau_balance'
        ? `SELECT bb.* FROM "bureau_balance" AS bb JOIN "bureau" AS b ON b."SK_ID_BUREAU" = bb."SK_ID_BUREAU" ` +
          `WHERE b."SK_ID_CURR" = $1 ORDER BY bb."SK_ID_BUREAU", bb."MONTHS_BALANCE"`
        : `SELECT * FROM ${quoteIdent(table)} WHERE "SK_ID_CURR" = $1 ORDER BY ${order}`;
    const found = await rows(connection, sql, id);
    if (found.length > 0) json[table] = found;
  }
  return json;
}
