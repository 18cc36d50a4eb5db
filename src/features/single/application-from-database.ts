import type { DuckDBConnection } from '@duckdb/node-api';

import { tableSpec } from '../../data/index.js';
import { quoteIdent } from '../definitions/builders.js';
import { HISTORY_TABLES, type FieldValue } from './application-input.js';

type JsonRow = Record<string, FieldValue>;

/** Rows of a query as JSON-like objects (BIGINT as number, missing values left out). */
async function rows(connection: DuckDBConnection, sql: string, ids: readonly number[]): Promise<JsonRow[]> {
  const reader = await connection.runAndReadAll(sql, [JSON.stringify(ids)]);
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

/** The ids as a relation, from one JSON parameter (no value is spliced into the SQL). */
const IDS = `(SELECT CAST(unnest(from_json($1, '["BIGINT"]')) AS BIGINT) AS id)`;

function historySql(table: (typeof HISTORY_TABLES)[number]): string {
  if (table === 'bureau_balance') {
    return (
      `SELECT b."SK_ID_CURR" AS __owner, bb.* FROM "bureau_balance" AS bb ` +
      `JOIN "bureau" AS b ON b."SK_ID_BUREAU" = bb."SK_ID_BUREAU" JOIN ${IDS} ON id = b."SK_ID_CURR" ` +
      `ORDER BY bb."SK_ID_BUREAU", bb."MONTHS_BALANCE"`
    );
  }
  const order = tableSpec(table)
    .columns.slice(0, 2)
    .map((c) => `t.${quoteIdent(c.name)}`)
    .join(', ');
  return `SELECT t."SK_ID_CURR" AS __owner, t.* FROM ${quoteIdent(table)} AS t JOIN ${IDS} ON id = t."SK_ID_CURR" ORDER BY ${order}`;
}

/**
 * Clients of the workspace as the JSON an API caller would send: the application fields
 * (missing values left out) and their history rows. Ids that are no application are absent
 * from the result. One query per table whatever the number of clients.
 */
export async function applicationsFromDatabase(
  connection: DuckDBConnection,
  ids: readonly number[],
): Promise<Map<number, Record<string, unknown>>> {
  const found = new Map<number, Record<string, unknown>>();
  for (const table of ['application_train', 'application_test'] as const) {
    if (!(await tableExists(connection, table))) continue;
    const sql = `SELECT t.* FROM ${quoteIdent(table)} AS t JOIN ${IDS} ON id = t."SK_ID_CURR"`;
    for (const row of await rows(connection, sql, ids)) found.set(Number(row.SK_ID_CURR), row);
  }
  for (const table of HISTORY_TABLES) {
    if (!(await tableExists(connection, table))) continue;
    if (table === 'bureau_balance' && !(await tableExists(connection, 'bureau'))) continue;
    for (const row of await rows(connection, historySql(table), ids)) {
      const application = found.get(Number(row.__owner));
      delete row.__owner;
      if (!application) continue;
      const list = (application[table] ?? []) as JsonRow[];
      list.push(row);
      application[table] = list;
    }
  }
  return found;
}

/** One client of the workspace as API JSON; undefined when the id is not an application. */
export async function applicationFromDatabase(
  connection: DuckDBConnection,
  id: number,
): Promise<Record<string, unknown> | undefined> {
  return (await applicationsFromDatabase(connection, [id])).get(id);
}
