/**
 * Data sets read through DuckDB: an ingested application table, the feature table's train or
 * test rows, or a CSV file of new applications. Numbers arrive as DOUBLE (NULL as NaN),
 * categories as VARCHAR, a batch of columns per query.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

import type { DuckDBConnection } from '@duckdb/node-api';

import { ClairscoreError } from '../core/index.js';
import { sqlIdentifier, sqlString, tableSpec, type TableName } from '../data/index.js';
import { readSchemaFromDatabase } from '../features/index.js';
import type { ColumnSpec } from './column-drift.js';
import type { ColumnValues } from './column-values.js';
import type { DataSource } from './data-source.js';

async function rowsOf(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

/** A source over any relation (`from` is a table name or a parenthesised query). */
async function relationSource(
  connection: DuckDBConnection,
  name: string,
  from: string,
  columns: readonly ColumnSpec[],
  numberExpression: (column: string) => string = (c) => `CAST(${c} AS DOUBLE)`,
): Promise<DataSource> {
  const rows = Number((await rowsOf(connection, `SELECT count(*) AS n FROM ${from}`))[0]?.n ?? 0);
  const storage = new Map(columns.map((c) => [c.name, c.storage]));
  return {
    name,
    rows,
    columns,
    read: async (names) => {
      const select = names.map((n) => {
        const id = sqlIdentifier(n);
        return storage.get(n) === 'string'
          ? `CAST(${id} AS VARCHAR)`
          : `coalesce(${numberExpression(id)}, CAST('NaN' AS DOUBLE))`;
      });
      const out: ColumnValues[] = names.map((n) =>
        storage.get(n) === 'string' ? new Array<string | null>(rows) : new Float64Array(rows),
      );
      const result = await connection.stream(`SELECT ${select.join(', ')} FROM ${from}`);
      let base = 0;
      for (
        let chunk = await result.fetchChunk();
        chunk && chunk.rowCount > 0;
        chunk = await result.fetchChunk()
      ) {
        const count = chunk.rowCount;
        if (base + count > rows) throw new Error(`${name} changed while it was read`);
        for (let j = 0; j < names.length; j++) {
          const vector = chunk.getColumnVector(j);
          const target = out[j]! as (string | null)[] | Float64Array;
          for (let i = 0; i < count; i++) target[base + i] = vector.getItem(i) as never;
        }
        base += count;
      }
      return out;
    },
  };
}

async function tableExists(connection: DuckDBConnection, table: string): Promise<boolean> {
  const found = await rowsOf(
    connection,
    `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = ${sqlString(table)}`,
  );
  return Number(found[0]?.n ?? 0) > 0;
}

/** An ingested application table with the schema's column types. */
export async function applicationTableSource(
  connection: DuckDBConnection,
  table: Extract<TableName, 'application_train' | 'application_test'>,
): Promise<DataSource> {
  if (!(await tableExists(connection, table))) {
    throw new ClairscoreError(
      'CS_ERR_INPUT_NOT_FOUND',
      `The workspace database has no ${table} table: ingest a folder holding ${table}.csv (\`clairscore ingest --data DIR\`).`,
      { table },
    );
  }
  const columns = tableSpec(table).columns.map((c) => ({ name: c.name, storage: c.type }));
  return relationSource(connection, table, sqlIdentifier(table), columns);
}

/** The feature table's training (reference) or test rows, typed by the feature schema. */
export async function featureTableSource(
  connection: DuckDBConnection,
  rows: 'train' | 'test',
): Promise<DataSource> {
  const schema = await readSchemaFromDatabase(connection);
  if (!schema) {
    throw new ClairscoreError(
      'CS_ERR_NO_FEATURES',
      'No feature table in the workspace: run `clairscore features` first, or compare --columns raw.',
    );
  }
  const columns: ColumnSpec[] = schema.features.map((f) => ({
    name: f.name,
    storage: f.type === 'DOUBLE' ? 'float' : 'int',
    ...(f.categorical ? { type: 'cat' as const } : {}),
  }));
  const where = rows === 'train' ? 'is_train = 1' : 'is_train = 0';
  return relationSource(connection, `features (${rows})`, `(SELECT * FROM features WHERE ${where})`, columns);
}

/**
 * A CSV file of applications (header required). Its columns are typed as application_train's
 * columns of the same name; columns of other names are kept as text, so they can be listed.
 * A value that is not a number in a numerical column is an error naming it.
 */
export async function csvSource(connection: DuckDBConnection, file: string): Promise<DataSource> {
  const resolved = path.resolve(file);
  if (!existsSync(resolved)) {
    throw new ClairscoreError('CS_ERR_INPUT_NOT_FOUND', `No file ${resolved}: give the path of a CSV file.`, {
      path: resolved,
    });
  }
  const from = `read_csv(${sqlString(resolved)}, header = true, all_varchar = true)`;
  let header: string[];
  try {
    header = (await rowsOf(connection, `DESCRIBE SELECT * FROM ${from}`)).map((r) => String(r.column_name));
  } catch (error) {
    throw new ClairscoreError(
      'CS_ERR_NOT_CSV',
      `Cannot read ${resolved} as CSV with a header: ${(error as Error).message}`,
      { path: resolved },
    );
  }
  const known = new Map(tableSpec('application_train').columns.map((c) => [c.name, c.type]));
  const columns: ColumnSpec[] = header.map((name) => ({ name, storage: known.get(name) ?? 'string' }));
  const numeric = columns.filter((c) => c.storage !== 'string');
  if (numeric.length > 0) {
    const probes = numeric.map(
      (c, i) =>
        `min(CASE WHEN TRY_CAST(${sqlIdentifier(c.name)} AS DOUBLE) IS NULL THEN ${sqlIdentifier(c.name)} END) AS v${i}`,
    );
    const [found] = await rowsOf(connection, `SELECT ${probes.join(', ')} FROM ${from}`);
    const bad = numeric.flatMap((c, i) =>
      found?.[`v${i}`] != null ? [{ column: c.name, value: found[`v${i}`] }] : [],
    );
    if (bad.length > 0) {
      throw new ClairscoreError(
        'CS_ERR_BAD_VALUE',
        `${resolved}: ${bad.length} numerical column(s) hold text, e.g. ${bad
          .slice(0, 5)
          .map((b) => `${b.column} = "${String(b.value)}"`)
          .join(', ')}. Fix the file or remove those columns.`,
        { path: resolved, columns: bad },
      );
    }
  }
  return relationSource(
    connection,
    path.basename(resolved),
    from,
    columns,
    (c) => `TRY_CAST(${c} AS DOUBLE)`,
  );
}
