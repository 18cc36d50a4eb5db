import type { Database } from '../data/index.js';
import type { FeatureSchema } from '../features/index.js';
import type {
  BivariateRequest,
  BivariateSample,
  DistributionRequest,
  FeatureDistribution,
  ProfileRequest,
  RadarProfile,
} from './comparison-types.js';
import type { FilterOptions, GroupFilter } from './group-filter.js';
import type { PopulationStats } from './population-stats.js';

/**
 * Comparison data from the workspace database: every query is parameterised, feature names
 * are checked against the schema before they are quoted into SQL, filter values are bound.
 */
export class Comparison {
  private constructor(
    readonly schema: FeatureSchema,
    readonly stats: PopulationStats,
  ) {}

  static async open(db: Database, schema: FeatureSchema, stats: PopulationStats): Promise<Comparison> {
    void db;
    await Promise.resolve();
    return new Comparison(schema, stats);
  }

  /** Accepted filter values (bands and the levels present in the data). */
  filterOptions(): FilterOptions {
    throw new Error('not implemented');
  }

  /** Clients in a group (all clients without a filter). */
  groupSize(filter?: GroupFilter): Promise<number> {
    void filter;
    throw new Error('not implemented');
  }

  /** A stored client's feature values (CS_ERR_UNKNOWN_CLIENT when absent). */
  clientValues(id: number): Promise<Record<string, number | null>> {
    void id;
    throw new Error('not implemented');
  }

  distribution(request: DistributionRequest): Promise<FeatureDistribution> {
    void request;
    throw new Error('not implemented');
  }

  bivariate(request: BivariateRequest): Promise<BivariateSample> {
    void request;
    throw new Error('not implemented');
  }

  profile(request: ProfileRequest): Promise<RadarProfile> {
    void request;
    throw new Error('not implemented');
  }
}
