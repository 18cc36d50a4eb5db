import { statSync } from 'node:fs';

import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

import { ClairscoreError } from '../../core/index.js';
import type { Database, Row } from '../../data/index.js';

/** Which file is open: ingestion renames a new file over the old, which changes the inode. */
export function fileIdentity(file: string): string | undefined {
  try {
    const stat = statSync(file);
    return `${stat.ino}:${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** One connection whose queries run one after another (a DuckDB connection is not concurrent). */
class Lane {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly connection: DuckDBConnection) {}

  run<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const next = this.queue.then(
      () => work(this.connection),
      () => work(this.connection),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/**
 * The workspace database opened read-only for the service, with a few connections used in
 * turn so that slow queries (search, aggregates) do not queue every score behind them.
 */
export class ReadOnlyDatabase implements Database {
  readonly readOnly = true;
  private next = 0;

  private constructor(
    readonly path: string,
    readonly identity: string,
    private readonly instance: DuckDBInstance,
    private readonly lanes: readonly Lane[],
  ) {}

  static async open(path: string, connections = 2): Promise<ReadOnlyDatabase> {
    const identity = fileIdentity(path);
    if (identity === undefined) {
      throw new ClairscoreError(
        'CS_ERR_NO_DATABASE',
        `No database at ${path}: run \`clairscore ingest --data DIR\` and \`clairscore features\` first.`,
      );
    }
    const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY', threads: '2' });
    const lanes: Lane[] = [];
    for (let i = 0; i < connections; i++) lanes.push(new Lane(await instance.connect()));
    return new ReadOnlyDatabase(path, identity, instance, lanes);
  }

  /** Rows as plain objects; `$1`-style parameters are bound, never spliced into the text. */
  query(sql: string, params: readonly DuckDBValue[] = []): Promise<Row[]> {
    const lane = this.lanes[this.next++ % this.lanes.length]!;
    return lane.run(async (connection) => {
      const reader = await connection.runAndReadAll(sql, [...params]);
      return reader.getRowObjectsJS();
    });
  }

  /** The first connection, for code that takes a Database (its queries go through query()). */
  get connection(): DuckDBConnection {
    return this.lanes[0]!.connection;
  }

  async run(sql: string, params: readonly DuckDBValue[] = []): Promise<void> {
    await this.query(sql, params);
  }

  /** Runs work on one connection, alone on it (for callers that take a DuckDBConnection). */
  withConnection<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const lane = this.lanes[this.next++ % this.lanes.length]!;
    return lane.run(work);
  }

  close(): void {
    for (const lane of this.lanes) lane.connection.closeSync();
    this.instance.closeSync();
  }
}
