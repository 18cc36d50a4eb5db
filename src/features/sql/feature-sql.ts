import { TABLE_NAMES } from '../../data/index.js';
import { quoteIdent } from '../definitions/builders.js';
import type { PlacedFeature } from '../definitions/index.js';
import type { FeatureDef, FeatureSource, SourceName, TableRefs } from '../types.js';

/** The eight tables under their real names. */
export function defaultTableRefs(): TableRefs {
  return Object.fromEntries(TABLE_NAMES.map((name) => [name, quoteIdent(name)])) as TableRefs;
}

/** Relation holding one source's result: a temp table in the batch path, a view in the single path. */
export function sourceRelation(name: SourceName): string {
  return `src_${name}`;
}

/** Storage type of a feature column: category codes are integers, everything else DOUBLE. */
export function featureType(def: FeatureDef): 'INTEGER' | 'DOUBLE' {
  return def.kind === 'category' ? 'INTEGER' : 'DOUBLE';
}

/**
 * The SELECT of one source. History sources aggregate per client; the application source
 * keeps one row per application with its key, TARGET and the is_train flag.
 */
export function sourceSql(source: FeatureSource, tables: TableRefs): string {
  const columns = source.features.map((f) => `${f.sql} AS ${quoteIdent(f.name)}`);
  if (!source.grouped) {
    return `SELECT app."SK_ID_CURR", app."TARGET", app.is_train, ${columns.join(', ')} FROM ${source.from(tables)}`;
  }
  return `SELECT "SK_ID_CURR", ${columns.join(', ')} FROM ${source.from(tables)} GROUP BY "SK_ID_CURR"`;
}

/** A feature's expression in the projection: counts are 0, not missing, for a client without rows. */
function projected(def: FeatureDef, origin: PlacedFeature['origin']): string {
  const value = origin === 'combined' ? def.sql : quoteIdent(def.name);
  const sql = def.zeroWhenNone ? `coalesce(${value}, 0)` : value;
  return `CAST(${sql} AS ${featureType(def)}) AS ${quoteIdent(def.name)}`;
}

/**
 * The final projection: one row per application, each source's result joined by SK_ID_CURR,
 * the given features in order. Feature names are unique, so they are referenced unqualified.
 */
export function projectionSql(sources: readonly FeatureSource[], features: readonly PlacedFeature[]): string {
  const [application, ...history] = sources;
  if (!application || application.grouped) throw new Error('the application source comes first');
  const joins = history.map((s) => {
    const relation = sourceRelation(s.name);
    return `LEFT JOIN ${relation} ON ${relation}."SK_ID_CURR" = a."SK_ID_CURR"`;
  });
  const columns = features.map(({ def, origin }) => projected(def, origin));
  return [
    `SELECT a."SK_ID_CURR", a."TARGET", a.is_train, ${columns.join(', ')}`,
    `FROM ${sourceRelation(application.name)} AS a`,
    ...joins,
  ].join(' ');
}
