import { ClairscoreError } from '../core/index.js';
import type { Database } from '../data/index.js';
import type { FeatureSchema } from '../features/index.js';
import { checkedId, FEATURE_TABLE, sqlIdent } from './feature-names.js';
import { KEY_FEATURES, LOG_SCALED } from './key-features.js';
import { KdTree } from './kd-tree.js';

/** Scores to attach to neighbours (e.g. the out-of-fold calibrated probabilities of training clients). */
export interface ScoreLookup {
  readonly ids: ArrayLike<number>;
  readonly probability: ArrayLike<number>;
}

export interface NeighbourOptions {
  /** Key features (default: KEY_FEATURES present in the schema). */
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

/** A key feature's value on the comparison scale (money on a log scale); NaN when missing. */
export function scaled(feature: string, value: number | null | undefined): number {
  if (value === null || value === undefined || !Number.isFinite(value)) return Number.NaN;
  return LOG_SCALED.has(feature) ? Math.log1p(Math.max(value, 0)) : value;
}

/**
 * Exact k nearest neighbours over the whole population: the standardised key features of every
 * client in one Float32Array kept in memory (a missing value sits at the mean, 0), searched
 * through a k-d tree with a bounded max-heap per query.
 */
export class NeighbourIndex {
  private constructor(
    readonly features: readonly string[],
    private readonly ids: Float64Array,
    private readonly rowOf: ReadonlyMap<number, number>,
    private readonly matrix: Float32Array,
    private readonly tree: KdTree,
    private readonly mean: Float64Array,
    private readonly std: Float64Array,
    private readonly targets: Int8Array,
    private readonly scores: Float32Array,
  ) {}

  static async load(
    db: Database,
    schema: FeatureSchema,
    options: NeighbourOptions = {},
  ): Promise<NeighbourIndex> {
    const known = new Set(schema.features.map((f) => f.name));
    const features = (options.features ?? KEY_FEATURES).filter((f) => known.has(f));
    if (features.length === 0) {
      throw new ClairscoreError(
        'CS_ERR_NO_FEATURES',
        'None of the key features of similarity is in the feature table.',
      );
    }
    const select = features.map((f) => `CAST(${sqlIdent(f)} AS DOUBLE)`).join(', ');
    const reader = await db.connection.runAndReadAll(
      `SELECT "SK_ID_CURR", CASE WHEN "is_train" = 1 THEN "TARGET" END, ${select} FROM ${FEATURE_TABLE} ORDER BY "SK_ID_CURR"`,
    );
    const columns = reader.getColumnsJS();
    const n = reader.currentRowCount;
    const d = features.length;
    const ids = Float64Array.from(columns[0]!, (v) => Number(v));
    const targets = Int8Array.from(columns[1]!, (v) => (v === null ? -1 : Number(v)));
    const mean = new Float64Array(d);
    const std = new Float64Array(d);
    const matrix = new Float32Array(n * d);
    features.forEach((feature, j) => {
      const column = Float64Array.from(columns[j + 2]!, (v) => scaled(feature, v as number | null));
      let count = 0;
      let sum = 0;
      let squares = 0;
      for (const x of column) {
        if (Number.isNaN(x)) continue;
        count++;
        sum += x;
        squares += x * x;
      }
      mean[j] = count > 0 ? sum / count : 0;
      const variance = count > 0 ? squares / count - mean[j]! ** 2 : 0;
      std[j] = variance > 1e-24 ? Math.sqrt(variance) : 1;
      for (let i = 0; i < n; i++) {
        const x = column[i]!;
        matrix[i * d + j] = Number.isNaN(x) ? 0 : (x - mean[j]!) / std[j]!;
      }
    });
    const rowOf = new Map<number, number>();
    ids.forEach((id, i) => rowOf.set(id, i));
    const scores = new Float32Array(n).fill(Number.NaN);
    if (options.scores) {
      const { ids: scoredIds, probability } = options.scores;
      for (let i = 0; i < scoredIds.length; i++) {
        const row = rowOf.get(scoredIds[i]!);
        if (row !== undefined) scores[row] = probability[i]!;
      }
    }
    const tree = KdTree.build(matrix, d);
    return new NeighbourIndex(features, ids, rowOf, matrix, tree, mean, std, targets, scores);
  }

  /** Clients indexed. */
  get size(): number {
    return this.ids.length;
  }

  /** The standardised point of feature values (missing at 0, the mean). */
  point(values: Readonly<Record<string, number | null>>): Float32Array {
    return Float32Array.from(this.features, (f, j) => {
      const x = scaled(f, values[f]);
      return Number.isNaN(x) ? 0 : (x - this.mean[j]!) / this.std[j]!;
    });
  }

  query(query: NeighbourQuery): Neighbour[] {
    const k = query.k ?? 10;
    if (!Number.isInteger(k) || k < 1 || k > 100) {
      throw new ClairscoreError('CS_ERR_BAD_REQUEST', 'k must be a whole number from 1 to 100.');
    }
    const d = this.features.length;
    let point: Float32Array;
    let exclude = -1;
    if (query.id !== undefined) {
      const id = checkedId(query.id);
      const row = this.rowOf.get(id);
      if (row === undefined)
        throw new ClairscoreError('CS_ERR_UNKNOWN_CLIENT', `No client with id ${id}.`, { id });
      point = this.matrix.slice(row * d, row * d + d);
      exclude = row;
    } else if (query.values) {
      point = this.point(query.values);
    } else {
      throw new ClairscoreError('CS_ERR_BAD_REQUEST', 'Name the client by id or give its feature values.');
    }
    return this.tree.nearest(point, k, exclude, this.ids).map(({ row, squared }) => {
      const target = this.targets[row]!;
      const score = this.scores[row]!;
      return {
        id: this.ids[row]!,
        distance: Math.sqrt(squared),
        target: target === -1 ? null : target === 1 ? 1 : 0,
        score: Number.isNaN(score) ? null : score,
      };
    });
  }
}
