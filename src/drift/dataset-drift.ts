/**
 * Compares two data sets column by column and gives the dataset verdict (Evidently's
 * get_dataset_drift, drift.md §4): drift when the share of drifted columns among the tested
 * ones reaches driftShare (0.5 by default).
 */
import { ClairscoreError } from '../core/index.js';
import { columnDrift, type ColumnSpec } from './column-drift.js';
import type { DataSource } from './data-source.js';
import type { ColumnDrift, DatasetDrift, DriftOptions, DriftReport } from './report-schema.js';
import { validateDriftOptions } from './drift-options.js';

export const DEFAULT_DRIFT_SHARE = 0.5;

/** Columns of the application tables that are never drift-tested, with the reason. */
export const APPLICATION_EXCLUDED: Readonly<Record<string, string>> = {
  SK_ID_CURR: 'identifier',
  TARGET: 'target (the label, absent from new applications)',
  is_train: 'row marker',
};

export interface CompareOptions {
  readonly drift?: DriftOptions;
  readonly columnSet?: 'raw' | 'features';
  /** Columns left out, with the reason (default APPLICATION_EXCLUDED). */
  readonly exclude?: Readonly<Record<string, string>>;
  /** Only these columns (default: every column both sets have). */
  readonly columns?: readonly string[];
  /** Extra facts about the current set (e.g. the --since date). */
  readonly since?: string;
  readonly warnings?: readonly string[];
  /** Columns read per query: bounds memory on wide tables. */
  readonly batchSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export function datasetDrift(
  columns: readonly ColumnDrift[],
  driftShare = DEFAULT_DRIFT_SHARE,
): DatasetDrift {
  const tested = columns.filter((c) => c.status === 'tested');
  const drifted = tested.filter((c) => c.driftDetected).length;
  const share = tested.length > 0 ? drifted / tested.length : 0;
  return {
    numberOfColumns: tested.length,
    numberOfDriftedColumns: drifted,
    shareOfDriftedColumns: share,
    datasetDrift: tested.length > 0 && share >= driftShare,
    driftShare,
  };
}

export async function compareDataSets(
  reference: DataSource,
  current: DataSource,
  options: CompareOptions = {},
): Promise<DriftReport> {
  const started = Date.now();
  const drift = validateDriftOptions(options.drift ?? {});
  for (const [side, source] of [
    ['reference', reference],
    ['current', current],
  ] as const) {
    if (source.rows === 0) {
      throw new ClairscoreError(
        'CS_ERR_EMPTY_DATASET',
        `The ${side} set (${source.name}${side === 'current' && options.since ? ` since ${options.since}` : ''}) has no rows: nothing to compare.`,
        { side, name: source.name },
      );
    }
  }
  const exclude = options.exclude ?? APPLICATION_EXCLUDED;
  const currentNames = new Set(current.columns.map((c) => c.name));
  const referenceNames = new Set(reference.columns.map((c) => c.name));
  const wanted = options.columns ? new Set(options.columns) : undefined;
  const keep = (name: string): boolean => exclude[name] === undefined && (!wanted || wanted.has(name));
  const common: ColumnSpec[] = reference.columns.filter((c) => currentNames.has(c.name) && keep(c.name));
  const onlyInReference = reference.columns
    .filter((c) => !currentNames.has(c.name) && keep(c.name))
    .map((c) => c.name);
  const onlyInCurrent = current.columns
    .filter((c) => !referenceNames.has(c.name) && keep(c.name))
    .map((c) => c.name);
  const unknown = wanted ? [...wanted].filter((n) => !referenceNames.has(n) && !currentNames.has(n)) : [];
  if (common.length === 0) {
    throw new ClairscoreError(
      'CS_ERR_NO_COMMON_COLUMNS',
      `${reference.name} and ${current.name} have no column in common to compare` +
        (unknown.length > 0 ? ` (unknown: ${unknown.join(', ')})` : '') +
        `. Columns only in ${current.name}: ${onlyInCurrent.slice(0, 10).join(', ') || 'none'}.`,
      { onlyInReference, onlyInCurrent, unknown },
    );
  }
  const warnings = [...(options.warnings ?? [])];
  if (unknown.length > 0) warnings.push(`unknown columns asked for: ${unknown.join(', ')}`);
  if (onlyInReference.length > 0) {
    warnings.push(
      `${onlyInReference.length} column(s) missing from ${current.name}, not tested: ${onlyInReference.join(', ')}`,
    );
  }
  if (onlyInCurrent.length > 0) {
    warnings.push(
      `${onlyInCurrent.length} column(s) of ${current.name} unknown to ${reference.name}, ignored: ${onlyInCurrent.join(', ')}`,
    );
  }
  const overridden = [
    ...Object.keys(drift.perColumnMethod ?? {}),
    ...Object.keys(drift.perColumnThreshold ?? {}),
  ];
  const strays = [...new Set(overridden.filter((n) => !common.some((c) => c.name === n)))];
  if (strays.length > 0) warnings.push(`per-column settings for columns not compared: ${strays.join(', ')}`);

  const currentTypes = new Map(current.columns.map((c) => [c.name, c.type]));
  const batchSize = options.batchSize ?? 32;
  const columns: ColumnDrift[] = [];
  for (let at = 0; at < common.length; at += batchSize) {
    const batch = common.slice(at, at + batchSize);
    const names = batch.map((c) => c.name);
    // one after the other: both may stream over the same DuckDB connection
    const refValues = await reference.read(names);
    const curValues = await current.read(names);
    batch.forEach((spec, i) => {
      const type = spec.type ?? currentTypes.get(spec.name);
      columns.push(columnDrift({ ...spec, ...(type ? { type } : {}) }, refValues[i]!, curValues[i]!, drift));
    });
    options.onProgress?.(Math.min(at + batchSize, common.length), common.length);
  }
  const notTested = columns.filter((c) => c.status === 'not_tested');
  if (notTested.length > 0) warnings.push(`${notTested.length} column(s) not tested (see their reason)`);
  return {
    formatVersion: 1,
    createdAt: new Date().toISOString(),
    durationMs: Date.now() - started,
    columnSet: options.columnSet ?? 'raw',
    reference: { name: reference.name, rows: reference.rows },
    current: { name: current.name, rows: current.rows, ...(options.since ? { since: options.since } : {}) },
    options: drift,
    dataset: datasetDrift(columns, drift.driftShare ?? DEFAULT_DRIFT_SHARE),
    columns,
    mismatched: { onlyInReference, onlyInCurrent },
    excluded: [...referenceNames, ...currentNames]
      .filter((n, i, all) => exclude[n] !== undefined && all.indexOf(n) === i)
      .map((column) => ({ column, reason: exclude[column]! })),
    warnings,
    prediction: null,
  };
}
