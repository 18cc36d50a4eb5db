import type { Workspace } from '../../core/index.js';
import type { TableName } from '../schema/index.js';

export interface IngestOptions {
  /** Folder holding the Kaggle CSV files (application_train.csv at least). */
  readonly dataDir: string;
  readonly workspace: Workspace;
  /** Load a table whose missing columns are all non-key columns, filling them with NULL. */
  readonly allowMissingColumns?: boolean;
  readonly onProgress?: (event: IngestProgress) => void;
}

/** What ingestion reports while it works (one table at a time). */
export type IngestProgress =
  | { readonly kind: 'table-start'; readonly table: TableName; readonly bytes: number }
  | { readonly kind: 'table-progress'; readonly table: TableName; readonly percent: number }
  | { readonly kind: 'table-done'; readonly table: TableName; readonly rows: number }
  | { readonly kind: 'table-absent'; readonly table: TableName }
  | { readonly kind: 'step'; readonly label: string };

export interface TableSummary {
  readonly table: TableName;
  readonly file: string;
  readonly status: 'loaded' | 'absent';
  /** Rows loaded; null when the file is absent. */
  readonly rows: number | null;
  /** Columns missing from the file and loaded as NULL (--allow-missing-columns). */
  readonly filledColumns: readonly string[];
  /** Columns of the file that are not in the Kaggle schema, ignored. */
  readonly ignoredColumns: readonly string[];
}

/** Rows of `table` whose `column` value is found in none of the loaded `targets`. */
export interface OrphanCount {
  readonly table: TableName;
  readonly column: string;
  readonly targets: readonly TableName[];
  readonly rows: number;
  /** Distinct orphan key values. */
  readonly keys: number;
}

export interface IngestSummary {
  readonly runId: string;
  readonly sourceDir: string;
  readonly database: string;
  readonly startedAt: string;
  readonly durationMs: number;
  /** All eight tables in Kaggle order, absent ones included. */
  readonly tables: readonly TableSummary[];
  readonly clients: { readonly train: number; readonly test: number };
  readonly defaults: { readonly count: number; readonly rate: number };
  readonly orphans: readonly OrphanCount[];
  readonly warnings: readonly string[];
}
