import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { DuckDBConnection } from '@duckdb/node-api';

import { ClairscoreError, writeFileAtomic, type Workspace } from '../core/index.js';
import type { FeatureSchema } from './feature-schema.js';

/** The feature table, its column list and its metadata, in the workspace database. */
export const FEATURE_TABLE = 'features';
export const FEATURE_SCHEMA_TABLE = 'feature_schema';
export const FEATURE_META_TABLE = 'feature_meta';

/** Copy of the schema beside the database, for readers that do not open it (the service, tools). */
export function featureSchemaPath(workspace: Workspace): string {
  return path.join(workspace.root, 'features', 'schema.json');
}

/** Writes the schema tables (inside the caller's transaction, so they change with the feature table). */
export async function writeSchemaTables(connection: DuckDBConnection, schema: FeatureSchema): Promise<void> {
  await connection.run(`DROP TABLE IF EXISTS ${FEATURE_SCHEMA_TABLE}`);
  await connection.run(
    `CREATE TABLE ${FEATURE_SCHEMA_TABLE} (position INTEGER, name VARCHAR, type VARCHAR, origin VARCHAR, ` +
      `kind VARCHAR, categorical BOOLEAN, sensitive BOOLEAN, actionable BOOLEAN, model BOOLEAN)`,
  );
  // one statement with the rows as a JSON parameter: no value is spliced into SQL text
  const shape = JSON.stringify([
    {
      position: 'INTEGER',
      name: 'VARCHAR',
      type: 'VARCHAR',
      origin: 'VARCHAR',
      kind: 'VARCHAR',
      categorical: 'BOOLEAN',
      sensitive: 'BOOLEAN',
      actionable: 'BOOLEAN',
      model: 'BOOLEAN',
    },
  ]);
  const rows = schema.features.map((f, position) => ({ position, ...f }));
  await connection.run(
    `INSERT INTO ${FEATURE_SCHEMA_TABLE} BY NAME SELECT unnest(from_json($1, '${shape}'), recursive := true)`,
    [JSON.stringify(rows)],
  );
  await connection.run(`DROP TABLE IF EXISTS ${FEATURE_META_TABLE}`);
  await connection.run(`CREATE TABLE ${FEATURE_META_TABLE} (key VARCHAR PRIMARY KEY, value VARCHAR)`);
  await connection.run(`INSERT INTO ${FEATURE_META_TABLE} VALUES ('version', $1), ('schema', $2)`, [
    schema.version,
    JSON.stringify(schema),
  ]);
}

/** The schema stored with the feature table, or undefined when no table was built. */
export async function readSchemaFromDatabase(
  connection: DuckDBConnection,
): Promise<FeatureSchema | undefined> {
  const tables = await connection.runAndReadAll(
    `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = '${FEATURE_META_TABLE}'`,
  );
  if (Number(tables.getRowObjectsJS()[0]?.n ?? 0) === 0) return undefined;
  const reader = await connection.runAndReadAll(
    `SELECT value FROM ${FEATURE_META_TABLE} WHERE key = 'schema'`,
  );
  const value = reader.getRowObjectsJS()[0]?.value;
  return typeof value === 'string' ? (JSON.parse(value) as FeatureSchema) : undefined;
}

/** Writes the JSON copy atomically (a reader never sees half a file). */
export function writeSchemaFile(workspace: Workspace, schema: FeatureSchema): string {
  const target = featureSchemaPath(workspace);
  writeFileAtomic(target, `${JSON.stringify(schema, null, 2)}\n`);
  return target;
}

/** Reads the JSON copy; a clear error when features were never built. */
export function readSchemaFile(workspace: Workspace): FeatureSchema {
  const file = featureSchemaPath(workspace);
  if (!existsSync(file)) {
    throw new ClairscoreError(
      'CS_ERR_NO_FEATURES',
      `No feature table in the workspace ${workspace.root}: run \`clairscore features\` first.`,
      { path: file },
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as FeatureSchema;
}
