import type { Database } from '../data/index.js';
import type { FeatureSchema } from '../features/index.js';

/** Counts and moments of one feature over all clients (train and test). */
export interface FeatureSummary {
  readonly count: number;
  readonly missing: number;
  readonly mean: number;
  readonly std: number;
  readonly min: number;
  readonly max: number;
}

export interface PopulationOptions {
  /** Features to describe; the schema's model features by default. */
  readonly features?: readonly string[];
  /** Quantiles per feature (default 1001: every 0.1 %). */
  readonly quantiles?: number;
}

/**
 * Where a value stands among all clients, per feature: a quantile grid computed once in DuckDB
 * (and exact value counts for features with few distinct values). The service keeps one.
 */
export class PopulationStats {
  private constructor(
    /** Clients in the feature table (train and test). */
    readonly size: number,
  ) {}

  /** Loads the statistics of the workspace feature table (all clients). */
  static async load(
    db: Database,
    schema: FeatureSchema,
    options: PopulationOptions = {},
  ): Promise<PopulationStats> {
    void db;
    void schema;
    void options;
    await Promise.resolve();
    throw new Error('not implemented');
  }

  /** Features described (CS_ERR_UNKNOWN_FEATURE for others). */
  get features(): readonly string[] {
    throw new Error('not implemented');
  }

  /** Share of clients (0-100) with a lower value, ties counted half; null for a missing value. */
  percentile(feature: string, value: number | null): number | null {
    void feature;
    void value;
    throw new Error('not implemented');
  }

  /** Share of clients (0-100) with this very value (missing included), for discrete features and missing values. */
  sameValueShare(feature: string, value: number | null): number | null {
    void feature;
    void value;
    throw new Error('not implemented');
  }

  /** The value at a percentile (0-100). */
  quantile(feature: string, percentile: number): number {
    void feature;
    void percentile;
    throw new Error('not implemented');
  }

  summary(feature: string): FeatureSummary {
    void feature;
    throw new Error('not implemented');
  }

  /** True when the feature has few distinct values (categories, flags, small counts). */
  isDiscrete(feature: string): boolean {
    void feature;
    throw new Error('not implemented');
  }
}
