/**
 * A data set to compare, read column by column so the whole of a wide table never has to
 * sit in memory: DuckDB tables and CSV files (sql-source.ts), scored applications and test
 * data (memorySource).
 */
import type { ColumnSpec } from './column-drift.js';
import type { ColumnValues } from './column-values.js';

export interface DataSource {
  /** What the report calls this set (a table name, a file, "scored applications"). */
  readonly name: string;
  readonly rows: number;
  readonly columns: readonly ColumnSpec[];
  /** Values of the named columns, in the order asked. */
  read(names: readonly string[]): Promise<ColumnValues[]>;
}

/** A data set already in memory. */
export function memorySource(
  name: string,
  columns: readonly ColumnSpec[],
  values: Readonly<Record<string, ColumnValues>>,
): DataSource {
  const rows = columns.length > 0 ? (values[columns[0]!.name]?.length ?? 0) : 0;
  for (const c of columns) {
    if (values[c.name]?.length !== rows) throw new Error(`column ${c.name} has not ${rows} values`);
  }
  return {
    name,
    rows,
    columns,
    read: (names) => Promise.resolve(names.map((n) => values[n]!)),
  };
}
