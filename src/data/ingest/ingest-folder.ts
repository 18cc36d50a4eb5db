import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { ensureWorkspace } from '../../core/index.js';
import type { TableSpec } from '../schema/index.js';
import { openDatabaseFile, type Database } from '../database.js';
import { startBuilding } from './building-file.js';
import { findDataFiles } from './data-files.js';
import { recordIngestRun } from './ingest-runs.js';
import { loadTable } from './load-table.js';
import { countOrphans } from './orphans.js';
import type { IngestOptions, IngestProgress, IngestSummary, TableSummary } from './types.js';

/**
 * Loads the Kaggle CSV files of a folder into a new workspace database and swaps it in.
 * On any failure the building file is deleted and the previous database is left as it was.
 */
export async function ingestFolder(options: IngestOptions): Promise<IngestSummary> {
  const started = Date.now();
  const report = options.onProgress ?? ((_event: IngestProgress) => undefined);
  const sourceDir = path.resolve(options.dataDir);
  const files = findDataFiles(sourceDir);
  const workspace = ensureWorkspace(options.workspace);
  const previous = existsSync(workspace.database) ? workspace.database : undefined;
  const building = startBuilding(workspace.database);
  try {
    const db = await openDatabaseFile(building.path);
    let summary: IngestSummary;
    try {
      await db.run('SET enable_progress_bar = true');
      await db.run('SET enable_progress_bar_print = false');
      // Keeping file order makes big loads write their data twice (at the final checkpoint);
      // tables have no order, and error paths reread a file in order to name a line.
      await db.run('SET preserve_insertion_order = false');
      const tables: TableSummary[] = [];
      const loaded: TableSpec[] = [];
      const warnings: string[] = [];
      for (const { spec, path: csvPath } of files) {
        if (!csvPath) {
          report({ kind: 'table-absent', table: spec.name });
          tables.push({
            table: spec.name,
            file: spec.file,
            status: 'absent',
            rows: null,
            filledColumns: [],
            ignoredColumns: [],
          });
          continue;
        }
        const { rows, plan } = await loadTable(
          db,
          spec,
          csvPath,
          options.allowMissingColumns ?? false,
          report,
        );
        loaded.push(spec);
        tables.push({
          table: spec.name,
          file: spec.file,
          status: 'loaded',
          rows,
          filledColumns: plan.filled,
          ignoredColumns: plan.ignored,
        });
        if (plan.filled.length > 0) {
          warnings.push(
            `${spec.file} lacks ${plan.filled.join(', ')}: loaded as empty (NULL) columns (--allow-missing-columns).`,
          );
        }
        if (plan.ignored.length > 0) {
          warnings.push(
            `${spec.file} has columns outside the Kaggle schema, ignored: ${plan.ignored.join(', ')}.`,
          );
        }
        if (rows === 0) warnings.push(`${spec.file} has no data rows: ${spec.name} is empty.`);
      }
      report({ kind: 'step', label: 'counting orphan keys' });
      const orphans = await countOrphans(db, loaded);
      const { train, test, defaults } = await clientFigures(db, loaded);
      summary = {
        runId: randomUUID(),
        sourceDir,
        database: workspace.database,
        startedAt: new Date(started).toISOString(),
        durationMs: Date.now() - started,
        tables,
        clients: { train, test },
        defaults: { count: defaults, rate: train > 0 ? defaults / train : 0 },
        orphans,
        warnings,
      };
      await recordIngestRun(db, summary, previous);
      await db.run('CHECKPOINT');
    } finally {
      db.close();
    }
    building.commit();
    return summary;
  } catch (error) {
    building.discard();
    throw error;
  }
}

async function clientFigures(
  db: Database,
  loaded: readonly TableSpec[],
): Promise<{ train: number; test: number; defaults: number }> {
  const [train] = await db.query(
    'SELECT count(*) AS n, coalesce(sum("TARGET"), 0) AS defaults FROM application_train',
  );
  const hasTest = loaded.some((t) => t.name === 'application_test');
  const [test] = hasTest ? await db.query('SELECT count(*) AS n FROM application_test') : [];
  return { train: Number(train?.n ?? 0), test: Number(test?.n ?? 0), defaults: Number(train?.defaults ?? 0) };
}
