import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { ClairscoreError, writeFileAtomic, type Workspace } from '../core/index.js';
import type { Database } from '../data/index.js';
import type { FeatureSchema } from '../features/index.js';
import { FEATURE_TABLE } from './feature-names.js';
import { queryFeatureStats, type FeatureStats } from './population-query.js';

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
  /** Features to describe; every feature of the table by default. */
  readonly features?: readonly string[];
  /** Quantiles per feature (default 1001: every 0.1 %). */
  readonly quantiles?: number;
  /** Where to keep the statistics between runs (populationCachePath); computed when absent or stale. */
  readonly cacheFile?: string;
}

interface CacheFile {
  readonly version: string;
  readonly quantiles: number;
  readonly size: number;
  readonly features: Readonly<Record<string, FeatureStats>>;
}

/** The cache file of the population statistics of a feature version. */
export function populationCachePath(workspace: Workspace, featureVersion: string): string {
  return path.join(workspace.root, 'explain', `population-${featureVersion}.json`);
}

function readCache(file: string, version: string, m: number): CacheFile | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    return cache.version === version && cache.quantiles === m ? cache : undefined;
  } catch {
    return undefined; // a damaged cache is recomputed
  }
}

/**
 * Where a value stands among all clients, per feature: a quantile grid computed once in DuckDB
 * (and exact value counts for features with few distinct values). The service keeps one.
 */
export class PopulationStats {
  private constructor(
    /** Clients in the feature table (train and test). */
    readonly size: number,
    private readonly byName: ReadonlyMap<string, FeatureStats>,
  ) {}

  /**
   * Loads the statistics of the workspace feature table (all clients). With a cache file (see
   * populationCachePath) they are computed once per feature version and read back in milliseconds.
   */
  static async load(
    db: Database,
    schema: FeatureSchema,
    options: PopulationOptions = {},
  ): Promise<PopulationStats> {
    const m = options.quantiles ?? 1001;
    const known = new Set(schema.features.map((f) => f.name));
    const names = (options.features ?? schema.features.map((f) => f.name)).filter((n) => known.has(n));
    const cached = options.cacheFile ? readCache(options.cacheFile, schema.version, m) : undefined;
    if (cached && names.every((n) => cached.features[n])) {
      return new PopulationStats(cached.size, new Map(names.map((n) => [n, cached.features[n]!])));
    }
    const sizeRows = await db.query(`SELECT count(*) AS n FROM ${FEATURE_TABLE}`);
    const size = Number(sizeRows[0]?.n ?? 0);
    if (!(size > 0)) {
      throw new ClairscoreError(
        'CS_ERR_EMPTY_DATASET',
        'The feature table is empty: run `clairscore features`.',
      );
    }
    const byName = await queryFeatureStats(db, names, m, size);
    if (options.cacheFile) {
      const file: CacheFile = {
        version: schema.version,
        quantiles: m,
        size,
        features: Object.fromEntries(byName),
      };
      writeFileAtomic(options.cacheFile, JSON.stringify(file));
    }
    return new PopulationStats(size, byName);
  }

  /** Features described. */
  get features(): readonly string[] {
    return [...this.byName.keys()];
  }

  has(feature: string): boolean {
    return this.byName.has(feature);
  }

  /** Share of clients (0-100) with a lower value, ties counted half; null for a missing value. */
  percentile(feature: string, value: number | null): number | null {
    const stats = this.stats(feature);
    if (value === null || Number.isNaN(value) || stats.count === 0) return null;
    if (stats.counts) {
      let below = 0;
      let same = 0;
      for (const [v, n] of stats.counts) {
        if (v < value) below += n;
        else if (v === value) same += n;
      }
      return (100 * (below + same / 2)) / stats.count;
    }
    return 100 * gridPosition(stats.grid, value);
  }

  /**
   * Shares of clients (0-100 of those with a value) strictly below and strictly above a value:
   * exact for discrete features, from the grid otherwise (where ties are negligible).
   */
  position(feature: string, value: number): { readonly below: number; readonly above: number } {
    const stats = this.stats(feature);
    if (stats.count === 0) return { below: Number.NaN, above: Number.NaN };
    if (stats.counts) {
      let below = 0;
      let above = 0;
      for (const [v, n] of stats.counts) {
        if (v < value) below += n;
        else if (v > value) above += n;
      }
      return { below: (100 * below) / stats.count, above: (100 * above) / stats.count };
    }
    return gridShares(stats.grid, value);
  }

  /** Share of clients (0-100) with this very value (missing: the missing share); null when not counted exactly. */
  sameValueShare(feature: string, value: number | null): number | null {
    const stats = this.stats(feature);
    if (value === null || Number.isNaN(value)) return (100 * stats.missing) / this.size;
    if (!stats.counts) return null;
    return (100 * (stats.counts.find(([v]) => v === value)?.[1] ?? 0)) / this.size;
  }

  /** The value at a percentile (0-100) among present values, from the grid. */
  quantile(feature: string, percentile: number): number {
    const { grid } = this.stats(feature);
    if (grid.length === 0) return Number.NaN;
    const j = Math.round((Math.min(100, Math.max(0, percentile)) / 100) * (grid.length - 1));
    return grid[j]!;
  }

  summary(feature: string): FeatureSummary {
    const { count, missing, mean, std, min, max } = this.stats(feature);
    return { count, missing, mean, std, min, max };
  }

  /** True when the feature has few distinct values (categories, flags, small counts): counted exactly. */
  isDiscrete(feature: string): boolean {
    return this.stats(feature).counts !== null;
  }

  /** The distinct values of a discrete feature, ascending (empty for a continuous one). */
  discreteValues(feature: string): number[] {
    return (this.stats(feature).counts ?? []).map(([v]) => v);
  }

  private stats(feature: string): FeatureStats {
    const stats = this.byName.get(feature);
    if (!stats) {
      throw new ClairscoreError(
        'CS_ERR_UNKNOWN_FEATURE',
        `No population statistics for feature ${feature.slice(0, 80)}.`,
        { name: feature.slice(0, 80) },
      );
    }
    return stats;
  }
}

/**
 * Position (0-1) of a value in a quantile grid: linear between neighbouring grid values, the
 * middle of the run when the value equals several grid points (ties counted half).
 */
export function gridPosition(grid: readonly number[], value: number): number {
  const m = grid.length;
  if (m === 0) return Number.NaN;
  if (m === 1) return 0.5;
  if (value < grid[0]!) return 0;
  if (value > grid[m - 1]!) return 1;
  const lower = bound(grid, (g) => g < value); // first index with grid >= value
  const upper = bound(grid, (g) => g <= value); // first index with grid > value
  if (upper > lower) return (lower + upper - 1) / 2 / (m - 1);
  const j = lower - 1; // grid[j] < value < grid[j + 1]
  const a = grid[j]!;
  const b = grid[j + 1]!;
  return (j + (value - a) / (b - a)) / (m - 1);
}

/** Shares (0-100) below and above a value from a grid; a value on a run of equal grid points is a tie. */
function gridShares(grid: readonly number[], value: number): { below: number; above: number } {
  const m = grid.length;
  const lower = bound(grid, (g) => g < value);
  const upper = bound(grid, (g) => g <= value);
  if (upper > lower && m > 1) return { below: (100 * lower) / (m - 1), above: (100 * (m - upper)) / (m - 1) };
  const p = 100 * gridPosition(grid, value);
  return { below: p, above: 100 - p };
}

/** First index where `before` turns false (grid ascending). */
function bound(grid: readonly number[], before: (g: number) => boolean): number {
  let lo = 0;
  let hi = grid.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(grid[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
