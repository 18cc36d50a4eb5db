import {
  DOUBLE,
  DuckDBInstance,
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
import { defaultTableRefs } from '../sql/feature-sql.js';
import type { SourceName } from '../types.js';
import type { ApplicationInput } from './application-input.js';
import { EngineLane } from './engine-lane.js';
import { appendCategories } from './memory-tables.js';
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

/** Sources split in two lanes of about the same cost, run side by side. */
const LANES: readonly (readonly SourceName[])[] = [
  ['application', 'bureau'],
  ['previous', 'pos_cash', 'installments', 'credit_card'],
];

interface Combined {
  readonly statement: DuckDBPreparedStatement;
  readonly inputs: readonly string[];
}

/**
 * Computes one application's features with the batch path's own definitions: a warm
 * in-memory DuckDB holds the eight tables (same types) and the category dictionary; each
 * call appends the application's rows (appender: values are data, never SQL) and runs each
 * source's SELECT — the very text the batch runs — as a prepared statement, in two lanes
 * (connections) at once. A history source without rows is skipped: the batch join finds no
 * row for it either. The results are assembled as the batch projection does (counts 0 when
 * there is no row, combined features by their own SQL). Calls are serialised.
 */
export class FeatureEngine {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly schema: FeatureSchema,
    private readonly instance: DuckDBInstance,
    private readonly lanes: readonly EngineLane[],
    private readonly combined: Combined,
    private readonly kept: readonly PlacedFeature[],
  ) {}

  /** An engine for the feature table described by `schema` (same dictionary, same dropped columns). */
  static async create(schema: FeatureSchema): Promise<FeatureEngine> {
    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    // Plans are made once, on empty tables: optimizations built on table statistics (perfect
    // hash aggregates, pruned joins) would be wrong for the rows appended later.
    const connect = async (): Promise<DuckDBConnection> => {
      const connection = await instance.connect();
      await connection.run(`SET disabled_optimizers = 'statistics_propagation,compressed_materialization'`);
      return connection;
    };
    const connection = await connect();
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
    const lanes: EngineLane[] = [];
    for (const [i, lane] of LANES.entries()) {
      const sources = SOURCES.filter((s) => lane.includes(s.name));
      lanes.push(
        await EngineLane.create(i === 0 ? connection : await connect(), sources, needed, defaultTableRefs()),
      );
    }
    const combined = { statement: await connection.prepare(combinedSql(combinedDefs, inputs)), inputs };
    return new FeatureEngine(schema, instance, lanes, combined, kept);
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
    this.combined.statement.destroySync();
    for (const lane of this.lanes) lane.close(); // the first lane closes the main connection
    this.instance.closeSync();
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async run(input: ApplicationInput): Promise<ApplicationFeatures> {
    const raw = new Map<string, number | null>();
    await Promise.all(this.lanes.map((lane) => lane.run(input, raw)));
    if (this.kept.some((p) => p.origin === 'combined')) {
      const inputs = listValue(this.combined.inputs.map((name) => raw.get(name) ?? null));
      this.combined.statement.bindList(1, inputs, LIST(DOUBLE));
      const reader = await this.combined.statement.runAndReadAll();
      const row = reader.getRows()[0] ?? [];
      reader.columnNames().forEach((name, i) => raw.set(name, row[i] === null ? null : Number(row[i])));
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
