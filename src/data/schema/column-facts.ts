/** Storage type of a column in the Kaggle CSVs: pandas int64, float64 or object. */
export type ColumnType = 'int' | 'float' | 'string';

/** Reference facts of one real column, as SCHEMA.md states them (see columns.generated.ts). */
export interface ColumnFacts {
  readonly name: string;
  readonly dtype: ColumnType;
  /** Share of missing values in the real table (0..1). */
  readonly missingRate: number;
  /** Categorical levels with their share among non-missing values. */
  readonly levels?: readonly (readonly [string, number])[];
  /** Quantiles of the real column: exact full-table p0..p100 (application) or sample p1..p99 (others). */
  readonly quantiles?: Readonly<Record<string, number>>;
}
