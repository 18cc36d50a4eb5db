import type { Database } from '../database.js';
import { sqlString } from './sql-text.js';
import type { IngestSummary } from './types.js';

/**
 * Metadata kept in the database beside the data: one ingest_runs row per ingestion (the
 * whole summary as JSON, plus the figures as columns for SQL) and one ingest_tables row
 * per table and run. Each ingestion builds a new file, so earlier runs are copied over.
 */
const CREATE = [
  `CREATE TABLE ingest_runs (
     run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP NOT NULL, duration_ms BIGINT NOT NULL,
     source_dir VARCHAR NOT NULL, clients_train BIGINT NOT NULL, clients_test BIGINT NOT NULL,
     defaults BIGINT NOT NULL, default_rate DOUBLE NOT NULL, summary VARCHAR NOT NULL)`,
  `CREATE TABLE ingest_tables (
     run_id VARCHAR NOT NULL, table_name VARCHAR NOT NULL, file VARCHAR NOT NULL, status VARCHAR NOT NULL,
     rows BIGINT, filled_columns VARCHAR NOT NULL, ignored_columns VARCHAR NOT NULL,
     PRIMARY KEY (run_id, table_name))`,
];
const RUN_COLUMNS =
  'run_id, started_at, duration_ms, source_dir, clients_train, clients_test, defaults, default_rate, summary';
const TABLE_COLUMNS = 'run_id, table_name, file, status, rows, filled_columns, ignored_columns';

/**
 * Creates the metadata tables, copies the history of the database being replaced (when
 * readable) and records this run. Returns whether the history was kept.
 */
export async function recordIngestRun(
  db: Database,
  summary: IngestSummary,
  previousPath: string | undefined,
): Promise<boolean> {
  for (const sql of CREATE) await db.run(sql);
  const kept = previousPath !== undefined && (await copyIngestHistory(db, previousPath));
  await db.run(
    `INSERT INTO ingest_runs (${RUN_COLUMNS}) VALUES ($1, make_timestamp($2::BIGINT), $3, $4, $5, $6, $7, $8, $9)`,
    [
      summary.runId,
      BigInt(Date.parse(summary.startedAt)) * 1000n,
      BigInt(summary.durationMs),
      summary.sourceDir,
      BigInt(summary.clients.train),
      BigInt(summary.clients.test),
      BigInt(summary.defaults.count),
      summary.defaults.rate,
      JSON.stringify(summary),
    ],
  );
  for (const t of summary.tables) {
    await db.run(`INSERT INTO ingest_tables (${TABLE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      summary.runId,
      t.table,
      t.file,
      t.status,
      t.rows === null ? null : BigInt(t.rows),
      JSON.stringify(t.filledColumns),
      JSON.stringify(t.ignoredColumns),
    ]);
  }
  return kept;
}

/**
 * Copies the run history of the database being replaced, read-only. Returns false when it
 * cannot be read (absent, in use by a writer, older layout): history is a convenience, and
 * the new data must not depend on the old file.
 */
async function copyIngestHistory(db: Database, previousPath: string): Promise<boolean> {
  try {
    await db.run(`ATTACH ${sqlString(previousPath)} AS previous_db (READ_ONLY)`);
  } catch {
    return false;
  }
  try {
    await db.run('BEGIN TRANSACTION');
    await db.run(
      `INSERT INTO ingest_runs (${RUN_COLUMNS}) SELECT ${RUN_COLUMNS} FROM previous_db.ingest_runs`,
    );
    await db.run(
      `INSERT INTO ingest_tables (${TABLE_COLUMNS}) SELECT ${TABLE_COLUMNS} FROM previous_db.ingest_tables`,
    );
    await db.run('COMMIT');
    return true;
  } catch {
    await db.run('ROLLBACK');
    return false;
  } finally {
    await db.run('DETACH previous_db');
  }
}

/** The summary of the newest ingestion recorded in a database, or undefined when none is. */
export async function readLastIngest(db: Database): Promise<IngestSummary | undefined> {
  const exists = await db.query(`SELECT 1 FROM duckdb_tables() WHERE table_name = 'ingest_runs'`);
  if (exists.length === 0) return undefined;
  const [row] = await db.query('SELECT summary FROM ingest_runs ORDER BY started_at DESC LIMIT 1');
  return row ? (JSON.parse(String(row.summary)) as IngestSummary) : undefined;
}
