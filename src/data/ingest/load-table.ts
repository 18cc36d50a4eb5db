import path from 'node:path';

import { ClairscoreError } from '../../core/index.js';
import type { TableSpec } from '../schema/index.js';
import type { Database } from '../database.js';
import { planColumns, type ColumnPlan } from './column-plan.js';
import { readHeader } from './header.js';
import { buildLoadSql, CHECK_COLUMN } from './load-sql.js';
import { throwFirstReject } from './rejects.js';
import { throwFirstDuplicate, throwFirstFlaggedRow } from './row-checks.js';
import { sqlIdentifier } from './sql-text.js';
import type { IngestProgress } from './types.js';

export interface LoadedTable {
  readonly rows: number;
  readonly plan: ColumnPlan;
}

/** How often the load's progress is read from DuckDB. */
const PROGRESS_MS = 200;

/**
 * Loads one Kaggle CSV file into its table of `db`, or throws the first problem found:
 * content and header first (cheap, before DuckDB reads anything), then unreadable lines,
 * then flagged values, then repeated unique keys.
 */
export async function loadTable(
  db: Database,
  spec: TableSpec,
  csvPath: string,
  allowMissingColumns: boolean,
  onProgress: (event: IngestProgress) => void,
): Promise<LoadedTable> {
  const file = path.basename(csvPath);
  const header = await readHeader(csvPath);
  const plan = planColumns(file, header.names, spec, allowMissingColumns);
  onProgress({ kind: 'table-start', table: spec.name, bytes: header.bytes });

  const load = buildLoadSql(spec, plan, csvPath);
  await withProgress(
    db,
    (percent) => onProgress({ kind: 'table-progress', table: spec.name, percent }),
    () => db.run(load.sql),
  );
  await throwFirstReject(db, load.rejectsTable, file, plan);
  const loaded = { spec, plan, load, csvPath, file };
  await throwFirstFlaggedRow(db, loaded);
  await db.run(`ALTER TABLE ${sqlIdentifier(spec.name)} DROP COLUMN ${CHECK_COLUMN}`);
  await throwFirstDuplicate(db, loaded);
  await db.run(`DROP TABLE ${sqlIdentifier(load.rejectsTable)}`);
  await db.run(`DROP TABLE ${sqlIdentifier(load.rejectsScanTable)}`);

  const [count] = await db.query(`SELECT count(*) AS n FROM ${sqlIdentifier(spec.name)}`);
  const rows = Number(count?.n ?? 0);
  if (rows === 0 && spec.required) {
    throw new ClairscoreError(
      'CS_ERR_EMPTY_FILE',
      `${file} has a header but no data rows: ${spec.name} needs at least one application.`,
      { file },
    );
  }
  onProgress({ kind: 'table-done', table: spec.name, rows });
  return { rows, plan };
}

/** Runs `work` while reporting DuckDB's progress on the connection's running query. */
async function withProgress<T>(
  db: Database,
  report: (percent: number) => void,
  work: () => Promise<T>,
): Promise<T> {
  const timer = setInterval(() => {
    const { percentage } = db.connection.progress;
    if (percentage >= 0) report(Math.min(100, percentage));
  }, PROGRESS_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
