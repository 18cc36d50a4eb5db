import type { DuckDBConnection } from '@duckdb/node-api';

import type { Workspace } from '../../core/index.js';
import { withDatabase } from '../../data/index.js';
import {
  CATEGORY_MAPS,
  CATEGORY_TABLE,
  SOURCES,
  allFeatures,
  categoryMapsSql,
} from '../definitions/index.js';
import { quoteIdent } from '../definitions/builders.js';
import { defaultExclusions, resolveExclusions } from '../exclusions.js';
import {
  featureVersion,
  shortHash,
  type CategoryDictionary,
  type FeatureColumn,
  type FeatureSchema,
} from '../feature-schema.js';
import { FEATURE_TABLE, writeSchemaFile, writeSchemaTables } from '../schema-store.js';
import { CATEGORY_TABLE_DDL, OTHER_CODE, categoriesSql, rareThreshold } from '../sql/categories-sql.js';
import { findDropped, type DroppedFeature } from '../sql/drop-analysis.js';
import { definitionSql } from '../sql/definition-sql.js';
import {
  defaultTableRefs,
  featureType,
  projectionSql,
  sourceRelation,
  sourceSql,
} from '../sql/feature-sql.js';
import { standInForAbsentTables } from './table-presence.js';

export interface BuildOptions {
  /** Keep the sensitive attributes (CODE_GENDER) in the model's columns. */
  readonly includeSensitive?: boolean;
  /** Features to keep out of the model (default: CODE_GENDER, or none with includeSensitive). */
  readonly exclude?: readonly string[];
  readonly onProgress?: (step: string, done: number, total: number) => void;
}

export interface BuildSummary {
  readonly database: string;
  readonly schemaFile: string;
  readonly version: string;
  readonly rows: { readonly train: number; readonly test: number };
  readonly defined: number;
  readonly features: number;
  readonly modelFeatures: number;
  readonly excluded: readonly string[];
  readonly dropped: readonly DroppedFeature[];
  readonly absentTables: readonly string[];
  readonly durationMs: number;
}

/** The new table is built aside and renamed over the old one at the end of the transaction. */
const NEW_TABLE = 'features_new';

async function count(connection: DuckDBConnection, sql: string): Promise<number> {
  const reader = await connection.runAndReadAll(sql);
  return Number(reader.getRowObjectsJS()[0]?.n ?? 0);
}

async function buildCategories(
  connection: DuckDBConnection,
  threshold: number,
): Promise<CategoryDictionary[]> {
  await connection.run(`DROP TABLE IF EXISTS ${CATEGORY_TABLE}`);
  await connection.run(CATEGORY_TABLE_DDL);
  await connection.run(`INSERT INTO ${CATEGORY_TABLE} ${categoriesSql('"application_train"', threshold)}`);
  const rows = (await connection.runAndReadAll(`SELECT * FROM ${CATEGORY_TABLE}`)).getRowObjectsJS();
  const byFeature = new Map<string, CategoryDictionary['levels'][number][]>();
  for (const row of rows) {
    const levels = byFeature.get(String(row.feature)) ?? [];
    levels.push({ level: String(row.level), code: Number(row.code), count: Number(row.count) });
    byFeature.set(String(row.feature), levels);
  }
  return [...byFeature].map(([feature, levels]) => ({ feature, levels }));
}

/**
 * Computes the feature table of every application (train and test) inside DuckDB: the
 * category dictionary from the training rows, each source's aggregates, the joined
 * projection, then constant and duplicate columns dropped (judged on training rows).
 * Everything is written in one transaction: a failure leaves the previous table in place.
 */
export async function buildFeatureTable(
  workspace: Workspace,
  options: BuildOptions = {},
): Promise<BuildSummary> {
  const started = Date.now();
  const placed = allFeatures();
  const requestedExclusions = options.exclude ?? defaultExclusions(options.includeSensitive ?? false);
  resolveExclusions(requestedExclusions, placed); // a misspelt name fails now, not after the work
  const steps = SOURCES.length + 4;
  let done = 0;
  const progress = (step: string): void => options.onProgress?.(step, done++, steps);
  return withDatabase(workspace, { readOnly: false }, async (db) => {
    const connection = db.connection;
    await connection.run('BEGIN TRANSACTION');
    try {
      const absentTables = await standInForAbsentTables(connection);
      progress('category dictionary');
      const train = await count(connection, 'SELECT count(*) AS n FROM "application_train"');
      const test = await count(connection, 'SELECT count(*) AS n FROM "application_test"');
      const threshold = rareThreshold(train);
      const categories = await buildCategories(connection, threshold);
      await connection.run(`CREATE TEMP TABLE ${CATEGORY_MAPS} AS ${categoryMapsSql()}`);
      const tables = defaultTableRefs();
      for (const source of SOURCES) {
        progress(source.name);
        await connection.run(
          `CREATE TEMP TABLE ${sourceRelation(source.name)} AS ${sourceSql(source, tables)}`,
        );
      }
      // Written once with every feature, then the dropped columns are removed: writing ~700
      // columns costs far more than computing them, and DROP COLUMN rewrites nothing.
      progress('joining and writing');
      await connection.run(`DROP TABLE IF EXISTS ${NEW_TABLE}`);
      // in id order, so that every export gives the rows in the same order (joins do not keep it)
      await connection.run(
        `CREATE TABLE ${NEW_TABLE} AS SELECT * FROM (${projectionSql(SOURCES, placed)}) ORDER BY "SK_ID_CURR"`,
      );
      progress('constant and duplicate check');
      const dropped = await findDropped(
        connection,
        NEW_TABLE,
        placed.map((p) => p.def.name),
      );
      for (const { name } of dropped)
        await connection.run(`ALTER TABLE ${NEW_TABLE} DROP COLUMN ${quoteIdent(name)}`);
      const droppedNames = new Set(dropped.map((d) => d.name));
      const kept = placed.filter((p) => !droppedNames.has(p.def.name));
      const excluded = resolveExclusions(requestedExclusions, kept);
      progress('writing');
      await connection.run(`DROP TABLE IF EXISTS ${FEATURE_TABLE}`);
      await connection.run(`ALTER TABLE ${NEW_TABLE} RENAME TO ${FEATURE_TABLE}`);
      const definition = definitionSql(SOURCES, placed, tables);
      const features: FeatureColumn[] = kept.map(({ def, origin }) => ({
        name: def.name,
        type: featureType(def),
        origin,
        kind: def.kind,
        categorical: def.kind === 'category',
        sensitive: def.sensitive ?? false,
        actionable: def.actionable ?? false,
        model: !excluded.includes(def.name),
      }));
      const schema: FeatureSchema = {
        formatVersion: 1,
        version: featureVersion({ definitionSql: definition, categories, dropped, excluded }),
        definitionHash: shortHash(definition),
        createdAt: new Date().toISOString(),
        rows: { train, test },
        features,
        modelFeatures: features.filter((f) => f.model).map((f) => f.name),
        excluded,
        dropped,
        categories,
        categoryOtherCode: OTHER_CODE,
        rareThreshold: threshold,
        absentTables,
      };
      await writeSchemaTables(connection, schema);
      await connection.run('COMMIT');
      const schemaFile = writeSchemaFile(workspace, schema);
      progress('done');
      return {
        database: db.path,
        schemaFile,
        version: schema.version,
        rows: schema.rows,
        defined: placed.length,
        features: features.length,
        modelFeatures: schema.modelFeatures.length,
        excluded,
        dropped,
        absentTables,
        durationMs: Date.now() - started,
      };
    } catch (error) {
      await connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}
