import type { Workspace } from '../../core/index.js';
import { Comparison, NeighbourIndex, PopulationStats, populationCachePath } from '../../explain/index.js';
import type { FeatureSchema } from '../../features/index.js';
import { readOof } from '../../registry/index.js';
import type { ReadOnlyDatabase } from './read-only-database.js';
import type { Lease } from './swappable.js';

/**
 * What explanations and comparisons read, built once per database, feature table and champion:
 * population percentiles, the comparison queries and the neighbour index. It holds a lease on
 * the database it reads, released when it is replaced.
 */
export interface Insights {
  readonly stats: PopulationStats;
  readonly comparison: Comparison;
  readonly neighbours: NeighbourIndex;
  readonly schema: FeatureSchema;
  readonly database: Lease<ReadOnlyDatabase>;
  readonly modelVersion: number;
}

export async function loadInsights(
  workspace: Workspace,
  database: Lease<ReadOnlyDatabase>,
  schema: FeatureSchema,
  modelVersion: number,
): Promise<Insights> {
  const db = database.value;
  // cached in the workspace: a restart reads it instead of recomputing the quantile grids
  const stats = await PopulationStats.load(db, schema, {
    cacheFile: populationCachePath(workspace, schema.version),
  });
  const comparison = await Comparison.open(db, schema, stats);
  const oof = readOof(workspace, modelVersion);
  const neighbours = await NeighbourIndex.load(db, schema, {
    scores: { ids: oof.ids, probability: oof.calibrated },
  });
  return { stats, comparison, neighbours, schema, database, modelVersion };
}
