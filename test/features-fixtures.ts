import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

import { resolveWorkspace, type Workspace } from '../src/core/index.js';
import { COLUMN_FACTS, type ColumnFacts, type TableName } from '../src/data/index.js';
import { createTableSql, standInForAbsentTables } from '../src/features/batch/table-presence.js';
import { CATEGORY_MAPS, SOURCES, allFeatures, categoryMapsSql } from '../src/features/definitions/index.js';
import {
  defaultTableRefs,
  projectionSql,
  sourceRelation,
  sourceSql,
} from '../src/features/sql/feature-sql.js';
import type { FieldValue, InputRow } from '../src/features/single/application-input.js';
import { appendRows } from '../src/features/single/memory-tables.js';

const created: string[] = [];

/** A fresh temporary workspace, removed by removeTempWorkspaces. */
export function tempWorkspace(prefix: string): Workspace {
  const root = mkdtempSync(path.join(tmpdir(), `cs-feat-${prefix}-`));
  created.push(root);
  return resolveWorkspace(root);
}

/** Removes the workspaces this test file created (call it in afterAll). */
export function removeTempWorkspaces(): void {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}

/**
 * A plausible application: every column at a typical real value (the median, the most
 * common level), rarely-filled columns empty. Tests override what they look at.
 */
export function application(
  id: number,
  overrides: Record<string, FieldValue> = {},
): Record<string, FieldValue> {
  const row: Record<string, FieldValue> = {};
  for (const column of COLUMN_FACTS.application_train as readonly ColumnFacts[]) {
    if (column.name === 'TARGET') continue;
    if (column.missingRate > 0.3) row[column.name] = null;
    else if (column.levels) row[column.name] = column.levels[0]![0];
    else {
      const median = column.quantiles?.p50 ?? 0;
      row[column.name] = column.dtype === 'int' ? Math.round(median) : median;
    }
  }
  return { ...row, SK_ID_CURR: id, DAYS_EMPLOYED: -1200, ...overrides };
}

/** A workspace database holding exactly the given rows (absent tables are not created). */
export async function writeWorkspace(
  workspace: Workspace,
  tables: Partial<Record<TableName, readonly InputRow[]>>,
): Promise<void> {
  const instance = await DuckDBInstance.create(workspace.database);
  const connection = await instance.connect();
  try {
    for (const [table, rows] of Object.entries(tables) as [TableName, InputRow[]][]) {
      await connection.run(createTableSql(table));
      await appendRows(connection, table, rows);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Runs `work` on a read-only connection to the workspace database. */
export async function withConnection<T>(
  workspace: Workspace,
  work: (connection: DuckDBConnection) => Promise<T>,
): Promise<T> {
  const instance = await DuckDBInstance.create(workspace.database, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The feature row of one client as name -> number | null. */
export async function featureRow(
  connection: DuckDBConnection,
  id: number,
): Promise<Record<string, number | null>> {
  const reader = await connection.runAndReadAll('SELECT * FROM features WHERE "SK_ID_CURR" = $1', [id]);
  const row = reader.getRowObjectsJS()[0];
  if (!row) throw new Error(`no feature row for ${id}`);
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? null : Number(v)]));
}

/** Equal as the train/serve contract says: both missing, or within 1e-9 (relative above 1). */
export function sameValue(a: number | null, b: number | null): boolean {
  if (a === null || b === null || Number.isNaN(a) || Number.isNaN(b)) {
    return (a === null || Number.isNaN(a)) && (b === null || Number.isNaN(b));
  }
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Every defined feature (none dropped) of every application, by running the definitions'
 * SQL over the workspace tables; needs the dictionary table the build writes.
 */
export async function allFeatureRows(
  workspace: Workspace,
): Promise<Map<number, Record<string, number | null>>> {
  const instance = await DuckDBInstance.create(workspace.database);
  const connection = await instance.connect();
  try {
    await standInForAbsentTables(connection);
    await connection.run(`CREATE TEMP TABLE ${CATEGORY_MAPS} AS ${categoryMapsSql()}`);
    for (const source of SOURCES) {
      await connection.run(
        `CREATE TEMP TABLE ${sourceRelation(source.name)} AS ${sourceSql(source, defaultTableRefs())}`,
      );
    }
    const reader = await connection.runAndReadAll(projectionSql(SOURCES, allFeatures()));
    const rows = new Map<number, Record<string, number | null>>();
    for (const row of reader.getRowObjectsJS()) {
      rows.set(
        Number(row.SK_ID_CURR),
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? null : Number(v)])),
      );
    }
    return rows;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
