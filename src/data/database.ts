import { existsSync } from 'node:fs';

import { DuckDBInstance, type DuckDBConnection, type DuckDBValue, type JS } from '@duckdb/node-api';

import { ClairscoreError, type Workspace } from '../core/index.js';

export type Row = Record<string, JS>;

/** An open DuckDB file with one connection. Call close() when done (it also checkpoints a writer). */
export interface Database {
  readonly path: string;
  readonly readOnly: boolean;
  readonly connection: DuckDBConnection;
  /** Runs a statement; `$1`-style params are bound, never spliced into the text. */
  run(sql: string, params?: readonly DuckDBValue[]): Promise<void>;
  /** Rows as plain objects (BIGINT as bigint, DOUBLE as number). */
  query(sql: string, params?: readonly DuckDBValue[]): Promise<Row[]>;
  close(): void;
}

export interface OpenOptions {
  readonly readOnly?: boolean;
}

/**
 * Opens the workspace database (written by `clairscore ingest`). Readers such as the
 * service open it read-only so several processes can share it.
 */
export async function openDatabase(workspace: Workspace, options: OpenOptions = {}): Promise<Database> {
  if (!existsSync(workspace.database)) {
    throw new ClairscoreError(
      'CS_ERR_NO_DATABASE',
      `No database in the workspace ${workspace.root}: run \`clairscore ingest --data DIR\` (or \`clairscore generate\`) first.`,
      { path: workspace.database },
    );
  }
  return openDatabaseFile(workspace.database, options);
}

/** Opens (or creates, when writable) a DuckDB file by path. */
export async function openDatabaseFile(path: string, options: OpenOptions = {}): Promise<Database> {
  const readOnly = options.readOnly ?? false;
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, readOnly ? { access_mode: 'READ_ONLY' } : {});
  } catch (error) {
    const reason = (error as Error).message;
    const busy = /lock/i.test(reason);
    throw new ClairscoreError(
      'CS_ERR_WORKSPACE',
      busy
        ? `The database ${path} is in use by another process; stop it (or wait) and retry. (${reason})`
        : `Cannot open the database ${path}: ${reason}`,
      { path },
    );
  }
  const connection = await instance.connect();
  return {
    path,
    readOnly,
    connection,
    run: async (sql, params) => {
      await connection.run(sql, params ? [...params] : undefined);
    },
    query: async (sql, params) => {
      const reader = await connection.runAndReadAll(sql, params ? [...params] : undefined);
      return reader.getRowObjectsJS();
    },
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Opens the workspace database, runs `work`, and closes it even when `work` throws. */
export async function withDatabase<T>(
  workspace: Workspace,
  options: OpenOptions,
  work: (db: Database) => Promise<T>,
): Promise<T> {
  const db = await openDatabase(workspace, options);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}
