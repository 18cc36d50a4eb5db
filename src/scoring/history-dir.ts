import { existsSync } from 'node:fs';
import path from 'node:path';

import { DuckDBInstance } from '@duckdb/node-api';

import { ClairscoreError } from '../core/index.js';
import { HISTORY_TABLE_NAMES, SQL_TYPE, sqlString, tableSpec } from '../data/index.js';
import { applicationsFromDatabase } from '../features/index.js';

/** History rows of some clients, by client, as the application JSON's arrays. */
export type HistoryByClient = Map<number, Record<string, unknown>>;

/**
 * Reads the history tables found in `dir` (Kaggle file names, any subset) into an in-memory
 * DuckDB with the schema's types, and returns each requested client's rows. A file that does
 * not fit the schema fails with DuckDB's message, which names the line.
 */
export async function readHistory(dir: string, ids: readonly number[]): Promise<HistoryByClient> {
  if (!existsSync(dir))
    throw new ClairscoreError('CS_ERR_INPUT_NOT_FOUND', `The history folder ${dir} does not exist.`);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    // The lookup joins the clients to an application table: here it holds just their ids.
    await connection.run('CREATE TABLE application_test ("SK_ID_CURR" BIGINT)');
    await connection.run(
      `INSERT INTO application_test SELECT unnest(from_json(${sqlString(JSON.stringify(ids))}, '["BIGINT"]'))`,
    );
    let found = 0;
    for (const table of HISTORY_TABLE_NAMES) {
      const spec = tableSpec(table);
      const file = path.join(dir, spec.file);
      if (!existsSync(file)) continue;
      found++;
      const columns = spec.columns
        .map((c) => `${sqlString(c.name)}: ${sqlString(SQL_TYPE[c.type])}`)
        .join(', ');
      try {
        await connection.run(
          `CREATE TABLE "${table}" AS SELECT * FROM read_csv(${sqlString(file)}, header = true, columns = {${columns}})`,
        );
      } catch (error) {
        throw new ClairscoreError(
          'CS_ERR_MALFORMED_CSV',
          `${file}: ${(error as Error).message.split('\n')[0]}`,
        );
      }
    }
    if (found === 0) {
      throw new ClairscoreError(
        'CS_ERR_INPUT_NOT_FOUND',
        `The history folder ${dir} holds none of ${HISTORY_TABLE_NAMES.map((t) => tableSpec(t).file).join(', ')}.`,
      );
    }
    return await applicationsFromDatabase(connection, ids);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
