import type { DuckDBConnection } from '@duckdb/node-api';

import { ClairscoreError, type Workspace } from '../../core/index.js';
import { withDatabase } from '../../data/index.js';
import { quoteIdent } from '../definitions/builders.js';
import { assertSameFeatureVersion } from '../feature-version.js';
import { FEATURE_TABLE, readSchemaFromDatabase } from '../schema-store.js';

/** The feature table as the model engine wants it: dense, row-major, NaN for missing. */
export interface FeatureMatrix {
  readonly version: string;
  readonly columns: readonly string[];
  /** Positions (in `columns`) of the LightGBM-native categorical features. */
  readonly categorical: readonly number[];
  readonly nrow: number;
  readonly ncol: number;
  /** nrow x ncol values, row after row. */
  readonly data: Float32Array;
  /** TARGET per row; NaN for test rows. */
  readonly labels: Float32Array;
  /** SK_ID_CURR per row (ascending). */
  readonly ids: Float64Array;
}

export interface ExportOptions {
  /** Which applications (default: the training rows). */
  readonly rows?: 'train' | 'test' | 'all';
  /** Columns to export, in order (default: the schema's model features). */
  readonly features?: readonly string[];
  /** Refuse a table of another feature version (a model's recorded version). */
  readonly expectedVersion?: string;
}

const WHERE = { train: 'WHERE is_train = 1', test: 'WHERE is_train = 0', all: '' } as const;

/**
 * Reads the feature table into a Float32Array. DuckDB casts to FLOAT and turns NULL into NaN,
 * so each result chunk is copied column by column straight into the matrix (no row objects,
 * no validity checks). The table is written in SK_ID_CURR order and DuckDB keeps insertion
 * order on scans, so no sort is needed.
 */
export async function exportMatrix(
  connection: DuckDBConnection,
  options: ExportOptions = {},
): Promise<FeatureMatrix> {
  const schema = await readSchemaFromDatabase(connection);
  if (!schema) {
    throw new ClairscoreError(
      'CS_ERR_NO_FEATURES',
      'No feature table in this database: run `clairscore features` first.',
    );
  }
  if (options.expectedVersion !== undefined)
    assertSameFeatureVersion(options.expectedVersion, schema.version);
  const columns = [...(options.features ?? schema.modelFeatures)];
  const known = new Map(schema.features.map((f) => [f.name, f]));
  const unknown = columns.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw new ClairscoreError(
      'CS_ERR_UNKNOWN_FEATURE',
      `The feature table (version ${schema.version}) has no column ${unknown.join(', ')}.`,
      { unknown },
    );
  }
  const where = WHERE[options.rows ?? 'train'];
  const counted = await connection.runAndReadAll(`SELECT count(*) AS n FROM ${FEATURE_TABLE} ${where}`);
  const nrow = Number(counted.getRowObjectsJS()[0]?.n ?? 0);
  const ncol = columns.length;
  const data = new Float32Array(nrow * ncol);
  const labels = new Float32Array(nrow);
  const ids = new Float64Array(nrow);
  const asFloat = (sql: string): string => `coalesce(CAST(${sql} AS FLOAT), CAST('NaN' AS FLOAT))`;
  const select = [
    `CAST("SK_ID_CURR" AS DOUBLE)`,
    asFloat('"TARGET"'),
    ...columns.map((c) => asFloat(quoteIdent(c))),
  ].join(', ');
  const result = await connection.stream(`SELECT ${select} FROM ${FEATURE_TABLE} ${where}`);
  let base = 0;
  for (
    let chunk = await result.fetchChunk();
    chunk && chunk.rowCount > 0;
    chunk = await result.fetchChunk()
  ) {
    const rows = chunk.rowCount;
    if (base + rows > nrow) throw new Error('the feature table changed while it was read');
    const idVector = chunk.getColumnVector(0);
    const labelVector = chunk.getColumnVector(1);
    for (let i = 0; i < rows; i++) {
      ids[base + i] = idVector.getItem(i) as number;
      labels[base + i] = labelVector.getItem(i) as number;
    }
    for (let j = 0; j < ncol; j++) {
      const vector = chunk.getColumnVector(j + 2);
      let at = base * ncol + j;
      for (let i = 0; i < rows; i++, at += ncol) data[at] = vector.getItem(i) as number;
    }
    base += rows;
  }
  const categorical = columns.flatMap((c, i) => (known.get(c)?.categorical ? [i] : []));
  return { version: schema.version, columns, categorical, nrow: base, ncol, data, labels, ids };
}

/** exportMatrix over the workspace database, opened read-only. */
export async function exportWorkspaceMatrix(
  workspace: Workspace,
  options: ExportOptions = {},
): Promise<FeatureMatrix> {
  return withDatabase(workspace, { readOnly: true }, (db) => exportMatrix(db.connection, options));
}
