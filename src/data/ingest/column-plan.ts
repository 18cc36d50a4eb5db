import { ClairscoreError } from '../../core/index.js';
import { TABLES, type ColumnSpec, type TableSpec } from '../schema/index.js';

/** How a file's columns map onto its table: what DuckDB reads, what is filled, what is ignored. */
export interface ColumnPlan {
  /** For each column of the file, in file order: the schema column it holds, or null (ignored). */
  readonly fileColumns: readonly (ColumnSpec | null)[];
  /** The file's header names, in file order (for messages). */
  readonly header: readonly string[];
  /** Schema columns absent from the file, loaded as NULL. */
  readonly filled: readonly string[];
  /** File columns that are not in the schema. */
  readonly ignored: readonly string[];
}

/**
 * Matches a header against the Kaggle schema. Names are matched exactly (after trimming),
 * in any order; a header sharing under half of the table's columns is not that table's header.
 */
export function planColumns(
  file: string,
  header: readonly string[],
  spec: TableSpec,
  allowMissingColumns: boolean,
): ColumnPlan {
  const byName = new Map(spec.columns.map((c) => [c.name, c]));
  const known = new Set(header.filter((n) => byName.has(n))).size;
  if (known < Math.ceil(spec.columns.length / 2)) throw notTheHeader(file, header, spec, known);
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    const before = seen.get(name);
    if (before !== undefined && name !== '') {
      throw new ClairscoreError(
        'CS_ERR_BAD_HEADER',
        `${file} line 1: column ${name} appears twice in the header (columns ${before + 1} and ${i + 1}).`,
        { file, line: 1, column: name },
      );
    }
    seen.set(name, i);
  });

  const missing = spec.columns.map((c) => c.name).filter((n) => !seen.has(n));
  const missingKeys = missing.filter((n) => spec.keyColumns.includes(n));
  if (missing.length > 0 && (!allowMissingColumns || missingKeys.length > 0)) {
    const advice =
      missingKeys.length > 0
        ? `Key columns (${missingKeys.join(', ')}) cannot be left out.`
        : 'Add them, or rerun with --allow-missing-columns to load them as empty (NULL).';
    throw new ClairscoreError(
      'CS_ERR_MISSING_COLUMNS',
      `${file} lacks ${missing.length} column${missing.length > 1 ? 's' : ''} of the Kaggle ${spec.name} table: ${missing.join(', ')}. ${advice}`,
      { file, missing, missingKeys },
    );
  }
  return {
    fileColumns: header.map((n) => byName.get(n) ?? null),
    header,
    filled: missing,
    ignored: header.map((n, i) => (byName.has(n) ? null : n || `(unnamed column ${i + 1})`)).filter(isString),
  };
}

function isString(value: string | null): value is string {
  return value !== null;
}

function notTheHeader(
  file: string,
  header: readonly string[],
  spec: TableSpec,
  known: number,
): ClairscoreError {
  const shown = header.join(',');
  const found = shown.length > 120 ? `${shown.slice(0, 120)}…` : shown;
  const other = TABLES.find((t) => t.name !== spec.name && t.columns.every((c) => header.includes(c.name)));
  const expected = spec.columns
    .slice(0, 4)
    .map((c) => c.name)
    .join(',');
  const looksLikeData = /^-?\d/.test(header[0] ?? '');
  const why = other
    ? `it is the header of ${other.file}`
    : looksLikeData
      ? 'it looks like a data row (the header line is missing)'
      : `only ${known} of the ${spec.columns.length} Kaggle ${spec.name} columns are there`;
  return new ClairscoreError(
    'CS_ERR_BAD_HEADER',
    `${file} line 1 is not the Kaggle ${spec.name} header: ${why}. Expected ${expected},…; found ${JSON.stringify(found)}.`,
    { file, line: 1, expected: spec.columns.map((c) => c.name), found: header },
  );
}
