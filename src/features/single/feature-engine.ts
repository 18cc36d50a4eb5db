import {
  DOUBLE,
  DuckDBInstance,
  DuckDBListValue,
  LIST,
  listValue,
  type DuckDBConnection,
  type DuckDBPreparedStatement,
} from '@duckdb/node-api';

import type { Workspace } from '../../core/index.js';
import { TABLES } from '../../data/index.js';
import { createTableSql } from '../batch/table-presence.js';
import {
  CATEGORY_MAPS,
  SOURCES,
  allFeatures,
  categoryMapsSql,
  type PlacedFeature,
} from '../definitions/index.js';
import type { FeatureSchema } from '../feature-schema.js';
import { readSchemaFile } from '../schema-store.js';
import { CATEGORY_TABLE_DDL } from '../sql/categories-sql.js';
import { combinedInputs, combinedSql } from '../sql/combined-sql.js';
import { defaultTableRefs, sourceSql } from '../sql/feature-sql.js';
import type { FeatureSource } from '../types.js';
import type { ApplicationInput } from './application-input.js';
import { appendCategories, appendRows } from './memory-tables.js';
import { validateApplication } from './validate-application.js';

/** The features of one application, exactly as the batch table has them. */
export interface ApplicationFeatures {
  readonly id: number;
  readonly version: string;
  /** Every kept feature by name; null where the value is missing. */
  readonly values: Readonly<Record<string, number | null>>;
  /** The model's input (schema.modelFeatures order), NaN where missing. */
  readonly vector: Float32Array;
}

interface SourceStatement {
  readonly source: FeatureSource;
  readonly statement: DuckDBPreparedStatement;
  /** Names of the values in the packed row, in order. */
  readonly columns: readonly string[];
}

/**
 * The source's row packed into one DOUBLE[] value: reading one list costs far less in
 * JavaScript than reading hundreds of one-value columns (2 ms less per 400 columns).
 */
const packed = (sql: string): string => `SELECT list_value(*COLUMNS(*)) AS v FROM (${sql})`;

const toNumber = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/**
 * Computes one application's features with the batch path's own definitions: a warm
 * in-memory DuckDB holds the eight tables (same types) and the category dictionary; each
 * call empties the tables, appends the application's rows (appender: values are data, never
 * SQL) and runs each source's SELECT — the very text the batch runs — as a prepared
 * statement. A history source without rows is skipped: the batch join finds no row for it
 * either. The results are assembled as the batch projection does (counts 0 when there is no
 * row, combined features by their own SQL). Calls are serialised (one connection).
 */
export class FeatureEngine {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly schema: FeatureSchema,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly sources: readonly SourceStatement[],
    private readonly combined: {
      readonly statement: DuckDBPreparedStatement;
      readonly inputs: readonly string[];
    },
    private readonly kept: readonly PlacedFeature[],
  ) {}

  /** An engine for the feature table described by `schema` (same dictionary, same dropped columns). */
  static async create(schema: FeatureSchema): Promise<FeatureEngine> {
    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    const connection = await instance.connect();
    // Plans are made once, on empty tables: optimizations built on table statistics (perfect
    // hash aggregates, pruned joins) would be wrong for the rows appended later.
    await connection.run(`SET disabled_optimizers = 'statistics_propagation,compressed_materialization'`);
    for (const table of TABLES) await connection.run(createTableSql(table.name));
    await connection.run(CATEGORY_TABLE_DDL);
    await appendCategories(connection, schema.categories);
    await connection.run(`CREATE TABLE ${CATEGORY_MAPS} AS ${categoryMapsSql()}`);

    const all = allFeatures();
    const keptNames = new Set(schema.features.map((f) => f.name));
    const kept = all.filter((p) => keptNames.has(p.def.name));
    const combinedDefs = kept.filter((p) => p.origin === 'combined').map((p) => p.def);
    const names = new Set(all.map((p) => p.def.name));
    const inputs = [...new Set(combinedDefs.flatMap((d) => combinedInputs(d, names)))];
    // each source computes the kept features and those the combined ones read
    const needed = new Set([...keptNames, ...inputs]);
    const tables = defaultTableRefs();
    const sources: SourceStatement[] = [];
    for (const source of SOURCES) {
      const features = source.features.filter((f) => needed.has(f.name));
      const statement = await connection.prepare(packed(sourceSql({ ...source, features }, tables)));
      const keys = source.grouped ? ['SK_ID_CURR'] : ['SK_ID_CURR', 'TARGET', 'is_train'];
      sources.push({ source, statement, columns: [...keys, ...features.map((f) => f.name)] });
    }
    const combined = { statement: await connection.prepare(combinedSql(combinedDefs, inputs)), inputs };
    return new FeatureEngine(schema, instance, connection, sources, combined, kept);
  }

  /** An engine for the workspace's current feature table. */
  static async open(workspace: Workspace): Promise<FeatureEngine> {
    return FeatureEngine.create(readSchemaFile(workspace));
  }

  /** Validates a JSON application (throws CS_ERR_INVALID_APPLICATION listing every problem) and computes its features. */
  compute(application: unknown): Promise<ApplicationFeatures> {
    const input = validateApplication(application);
    return this.serialised(() => this.run(input));
  }

  close(): void {
    for (const { statement } of this.sources) statement.destroySync();
    this.combined.statement.destroySync();
    this.connection.closeSync();
    this.instance.closeSync();
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Appends the application's rows; the caller's transaction is rolled back afterwards. (Binding
   * the application row as parameters instead was tried: DuckDB then plans the application
   * query again on every call, 14 ms, against 3 ms for appending the row.)
   */
  private async load(input: ApplicationInput): Promise<Set<string>> {
    const filled = new Set<string>();
    const rows = { application_test: [input.application], ...input.history };
    for (const [table, tableRows] of Object.entries(rows)) {
      if (tableRows.length === 0) continue;
      filled.add(table);
      await appendRows(this.connection, table as keyof typeof rows, tableRows);
    }
    return filled;
  }

  /**
   * One application inside a transaction that is always rolled back: the tables are empty
   * again for the next call without deleting anything, and nothing is ever committed.
   */
  private async run(input: ApplicationInput): Promise<ApplicationFeatures> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      return await this.evaluate(await this.load(input));
    } finally {
      await this.connection.run('ROLLBACK');
    }
  }

  private async evaluate(filled: ReadonlySet<string>): Promise<ApplicationFeatures> {
    const raw = new Map<string, number | null>();
    for (const { source, statement, columns } of this.sources) {
      // a history source reads its first table's rows by client: none, no row (as in the batch join)
      if (source.grouped && !filled.has(source.tables[0]!)) continue;
      const reader = await statement.runAndReadAll();
      const list = reader.getRows()[0]?.[0];
      if (!(list instanceof DuckDBListValue)) continue;
      columns.forEach((name, i) => raw.set(name, toNumber(list.items[i])));
    }
    const combined = this.combined.inputs.length > 0 || this.kept.some((p) => p.origin === 'combined');
    if (combined) {
      const inputs = listValue(this.combined.inputs.map((name) => raw.get(name) ?? null));
      this.combined.statement.bindList(1, inputs, LIST(DOUBLE));
      const reader = await this.combined.statement.runAndReadAll();
      const row = reader.getRows()[0] ?? [];
      reader.columnNames().forEach((name, i) => raw.set(name, toNumber(row[i])));
    }
    const values: Record<string, number | null> = {};
    for (const { def } of this.kept) {
      const value = raw.get(def.name) ?? null;
      values[def.name] = value === null && def.zeroWhenNone ? 0 : value;
    }
    const vector = Float32Array.from(this.schema.modelFeatures, (name) => values[name] ?? Number.NaN);
    return { id: Number(raw.get('SK_ID_CURR')), version: this.schema.version, values, vector };
  }
}
