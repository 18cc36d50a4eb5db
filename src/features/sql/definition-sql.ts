import { CATEGORY_MAPS, categoryMapsSql, type PlacedFeature } from '../definitions/index.js';
import type { FeatureSource, TableRefs } from '../types.js';
import { projectionSql, sourceRelation, sourceSql } from './feature-sql.js';

/**
 * The whole definition as one text: every source's SELECT and the projection of every
 * defined feature. Its hash is the definition part of the feature version.
 */
export function definitionSql(
  sources: readonly FeatureSource[],
  features: readonly PlacedFeature[],
  tables: TableRefs,
): string {
  const parts = sources.map((s) => `-- ${sourceRelation(s.name)}\n${sourceSql(s, tables)};`);
  const maps = `-- ${CATEGORY_MAPS}\n${categoryMapsSql()};`;
  return [maps, ...parts, `-- projection\n${projectionSql(sources, features)};`].join('\n');
}
