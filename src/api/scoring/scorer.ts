import { ClairscoreError } from '../../core/index.js';
import { explainScore, type ScoreExplanation } from '../../explain/index.js';
import { validateApplication, type FeatureSchema } from '../../features/index.js';
import { reviewInterval } from '../../model/index.js';
import type { ScoringModel } from '../../registry/index.js';
import type { ScoreBody } from '../schemas/score.js';
import type { ServiceState } from '../state/service-state.js';
import { LruCache } from './lru-cache.js';

type Values = Readonly<Record<string, number | null>>;

/** A score before the advisor's final decision is attached (that one changes without a new score). */
export type ModelScore = Omit<ScoreBody, 'finalDecision' | 'explanation'> & {
  readonly explanation: ScoreExplanation | null;
};

/** A new or modified application's score, with the application row to store for drift. */
export interface ApplicationScore {
  readonly score: ModelScore;
  readonly application: Readonly<Record<string, string | number | null>>;
}

function checkVersions(model: ScoringModel, schema: FeatureSchema): void {
  if (model.featureVersion !== schema.version) {
    throw new ClairscoreError(
      'CS_ERR_FEATURE_VERSION',
      `The champion (version ${model.version}) was trained on feature version ${model.featureVersion}, but the feature table is ${schema.version}: retrain and promote, or rebuild the features it was made for.`,
    );
  }
}

/**
 * Scores stored clients (their row of the feature table) and applications sent as JSON (the
 * one-application feature path), with the same answer shape. Stored clients' scores are cached
 * per champion and database: a swap empties the cache.
 */
export class Scorer {
  private readonly cache = new LruCache<string, ModelScore>(20_000);

  constructor(private readonly state: ServiceState) {
    state.onSwap(() => this.cache.clear());
  }

  async stored(id: number): Promise<ModelScore> {
    // keyed on what is loaded now: right after a swap, before the cache is emptied, an old
    // entry must not answer for the new champion or database
    const key = `${this.state.models.current?.version}|${this.state.databases.current?.identity}|${id}`;
    const generation = this.state.generation;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const score = await this.state.useModel((model) =>
      this.state.useEngine(async (engine) => {
        checkVersions(model, engine.schema);
        const values = await this.storedValues(id);
        const vector = this.state.featureRows?.vector(id, model.card.features);
        return this.score(model, engine.schema, id, values, vector);
      }),
    );
    if (generation === this.state.generation && score.modelVersion === this.state.models.current?.version) {
      this.cache.set(key, score);
    }
    return score;
  }

  /** Validates (CS_ERR_INVALID_APPLICATION lists every problem) and scores one application. */
  async application(body: unknown): Promise<ApplicationScore> {
    const input = validateApplication(body);
    return this.state.useModel((model) =>
      this.state.useEngine(async (engine) => {
        checkVersions(model, engine.schema);
        const features = await engine.compute(body);
        return {
          score: await this.score(model, engine.schema, features.id, features.values),
          application: input.application,
        };
      }),
    );
  }

  /** A stored client's feature values by name; CS_ERR_UNKNOWN_CLIENT when the id is no client. */
  async storedValues(id: number): Promise<Values> {
    const inMemory = this.state.featureRows;
    if (inMemory && inMemory.version === this.state.engines.current?.schema.version) {
      const values = inMemory.values(id);
      if (!values)
        throw new ClairscoreError('CS_ERR_UNKNOWN_CLIENT', `No client with SK_ID_CURR ${id}.`, { id });
      return values;
    }
    const rows = await this.state.useDatabase((db) =>
      db.query('SELECT * FROM features WHERE "SK_ID_CURR" = $1', [id]),
    );
    const row = rows[0];
    if (!row) throw new ClairscoreError('CS_ERR_UNKNOWN_CLIENT', `No client with SK_ID_CURR ${id}.`, { id });
    const values: Record<string, number | null> = {};
    for (const [name, value] of Object.entries(row)) values[name] = value === null ? null : Number(value);
    return values;
  }

  private async score(
    model: ScoringModel,
    schema: FeatureSchema,
    id: number,
    values: Values,
    exact?: Float32Array,
  ): Promise<ModelScore> {
    // the in-memory row gives the exact Float32 input; values (rounded for display) otherwise
    const vector = exact ?? Float32Array.from(model.card.features, (name) => values[name] ?? Number.NaN);
    const { rawLogOdds, probability } = model.score(vector);
    const raw = rawLogOdds[0]!;
    const p = probability[0]!;
    const { threshold, reviewBand } = model.card.decision;
    const explanation = this.state.insights.current
      ? await this.state.useInsights((insights) =>
          explainScore(model, { vector, values }, insights.stats, { schema }),
        )
      : null;
    return {
      clientId: id,
      modelVersion: model.version,
      featureVersion: model.featureVersion,
      probability: p,
      rawLogOdds: raw,
      decision: model.decide(p),
      threshold,
      review: reviewBand > 0 ? reviewInterval(threshold, reviewBand) : null,
      explanation,
    };
  }
}
