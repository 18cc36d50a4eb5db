import { exportMatrix, type FeatureSchema } from '../../features/index.js';
import type { ReadOnlyDatabase } from './read-only-database.js';

type Values = Record<string, number | null>;

/** Float32 keeps ~7 significant digits: shown values are rounded to them, not to float noise. */
const shown = (x: number): number | null => (Number.isNaN(x) ? null : Number(x.toPrecision(7)));

/**
 * Every client's row of the feature table, in memory (Float32, NaN for missing). Reading one
 * wide row from DuckDB costs ~100 ms (715 columns converted one by one); from here it is a
 * slice. Loaded once per database and feature schema: 30,000 clients take ~90 MB, the full
 * Kaggle population ~1 GB, so a cap leaves larger tables to per-request queries.
 */
export class FeatureRows {
  private readonly rowOf = new Map<number, number>();
  private readonly columnOf: Map<string, number>;

  private constructor(
    readonly version: string,
    readonly columns: readonly string[],
    private readonly data: Float32Array,
    private readonly labels: Float32Array,
    ids: Float64Array,
  ) {
    ids.forEach((id, row) => this.rowOf.set(id, row));
    this.columnOf = new Map(columns.map((c, i) => [c, i]));
  }

  /** The rows of every client, or undefined when they would take more than `maxBytes`. */
  static async load(
    db: ReadOnlyDatabase,
    schema: FeatureSchema,
    maxBytes: number,
  ): Promise<FeatureRows | undefined> {
    const rows = schema.rows.train + schema.rows.test;
    if (rows * schema.features.length * 4 > maxBytes) return undefined;
    const columns = schema.features.map((f) => f.name);
    const matrix = await db.withConnection((connection) =>
      exportMatrix(connection, { rows: 'all', features: columns }),
    );
    return new FeatureRows(matrix.version, matrix.columns, matrix.data, matrix.labels, matrix.ids);
  }

  get size(): number {
    return this.rowOf.size;
  }

  /** Every client's id, in table order. */
  ids(): IterableIterator<number> {
    return this.rowOf.keys();
  }

  has(id: number): boolean {
    return this.rowOf.has(id);
  }

  /** A client's features by name (null when missing) plus TARGET and is_train, as the table has them. */
  values(id: number): Values | undefined {
    const row = this.rowOf.get(id);
    if (row === undefined) return undefined;
    const width = this.columns.length;
    const values: Values = {};
    for (let i = 0; i < width; i++) values[this.columns[i]!] = shown(this.data[row * width + i]!);
    const label = this.labels[row]!;
    values.SK_ID_CURR = id;
    values.TARGET = Number.isNaN(label) ? null : label;
    values.is_train = Number.isNaN(label) ? 0 : 1;
    return values;
  }

  /** A client's model input in `features` order (exact Float32 values, NaN for missing). */
  vector(id: number, features: readonly string[]): Float32Array | undefined {
    const row = this.rowOf.get(id);
    if (row === undefined) return undefined;
    const base = row * this.columns.length;
    return Float32Array.from(features, (name) => {
      const column = this.columnOf.get(name);
      return column === undefined ? Number.NaN : this.data[base + column]!;
    });
  }
}
