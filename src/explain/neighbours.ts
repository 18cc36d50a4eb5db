import type { Database } from '../data/index.js';
import type { FeatureSchema } from '../features/index.js';

/** Scores to attach to neighbours (e.g. the out-of-fold calibrated probabilities of training clients). */
export interface ScoreLookup {
  readonly ids: ArrayLike<number>;
  readonly probability: ArrayLike<number>;
}

export interface NeighbourOptions {
  /** Key features (default: KNN_FEATURES, those present in the schema). */
  readonly features?: readonly string[];
  readonly scores?: ScoreLookup;
}

export interface NeighbourQuery {
  /** A stored client: its own row is the query point and is left out of the answer. */
  readonly id?: number;
  /** Or feature values by name (a new application). */
  readonly values?: Readonly<Record<string, number | null>>;
  /** Neighbours wanted (default 10, at most 100). */
  readonly k?: number;
}

export interface Neighbour {
  readonly id: number;
  /** Euclidean distance on the standardised key features. */
  readonly distance: number;
  /** TARGET for training clients, null for test clients. */
  readonly target: 0 | 1 | null;
  /** Calibrated probability when scores were given, else null. */
  readonly score: number | null;
}

/** The key features of the similarity (see DESIGN.md). */
export const KNN_FEATURES: readonly string[] = [];

/**
 * Exact k nearest neighbours over the whole population: the standardised key features of every
 * client in one Float32Array kept in memory, a linear scan with a bounded max-heap per query.
 */
export class NeighbourIndex {
  private constructor(readonly features: readonly string[]) {}

  static async load(
    db: Database,
    schema: FeatureSchema,
    options: NeighbourOptions = {},
  ): Promise<NeighbourIndex> {
    void db;
    void schema;
    void options;
    await Promise.resolve();
    throw new Error('not implemented');
  }

  get size(): number {
    throw new Error('not implemented');
  }

  query(query: NeighbourQuery): Neighbour[] {
    void query;
    throw new Error('not implemented');
  }
}
