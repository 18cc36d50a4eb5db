import { LRUCache } from 'lru-cache';

import { ClairscoreError } from '../../core/index.js';
import { explainScore, type ScoreExplanation } from '../../explain/index.js';
import { validateApplication, type FeatureSchema } from '../../features/index.js';
import { reviewInterval } from '../../model/index.js';
import type { ScoringModel } from '../../registry/index.js';
import type { ScoreBody } from '../schemas/score.js';
import type { ServiceState } from '../state/service-state.js';
import { PrecomputedScores, type StoredAnswer } from './precomputed-scores.js';

/** Clients scored per turn of the event loop while precomputing (~6 ms each: the loop pauses ~25 ms at most). */
const CHUNK = 4;

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
  private readonly cache = new LRUCache<string, ModelScore>({ max: 20_000 });
  private precomputed: PrecomputedScores | undefined;
  /** When a stored score was last asked for: precomputing yields more while requests come. */
  private lastDemand = 0;
  private closed = false;
  private job: Promise<void> | undefined;

  constructor(
    private readonly state: ServiceState,
    /** Memory for precomputed answers (gzipped); 0 turns precomputing off. */
    private readonly precomputeBytes = 768 * 1024 ** 2,
    private readonly onError: (error: Error) => void = () => undefined,
  ) {
    state.onSwap(() => {
      this.cache.clear();
      this.precomputed = undefined;
      this.precompute();
    });
  }

  /** Stored clients whose answer is precomputed for what is served now. */
  get precomputedCount(): number {
    const basis = this.basis();
    return basis !== undefined && this.precomputed?.basis === basis ? this.precomputed.size : 0;
  }

  /**
   * The stored client's precomputed answer, when it is ready for the champion, database and
   * statistics served now (undefined: use stored()). The issue allows precomputing at promotion:
   * a request then costs a map look-up instead of SHAP, sentences and serialisation (~5 ms).
   */
  answer(id: number): StoredAnswer | undefined {
    this.lastDemand = Date.now();
    const basis = this.basis();
    if (basis === undefined) return undefined;
    if (this.precomputed?.basis !== basis) {
      this.precompute();
      return undefined;
    }
    return this.precomputed.get(id);
  }

  /** Stops precomputing (at shutdown). */
  close(): void {
    this.closed = true;
  }

  /** What answers depend on, or undefined while something is missing (nothing is precomputed then). */
  private basis(): string | undefined {
    const { models, engines, insights, databases, featureRows } = this.state;
    const model = models.current;
    const schema = engines.current?.schema;
    if (!model || !schema || !insights.current || !databases.current || !featureRows) return undefined;
    if (featureRows.version !== schema.version || model.featureVersion !== schema.version) return undefined;
    return `${model.version}|${databases.current.identity}|${this.state.generation}|${insights.current.modelVersion}`;
  }

  /** Starts filling the answers in the background (one job at a time; a newer basis restarts it). */
  private precompute(): void {
    if (this.job || this.closed || this.precomputeBytes <= 0) return;
    const basis = this.basis();
    if (basis === undefined || this.precomputed?.basis === basis) return;
    const target = new PrecomputedScores(basis, this.precomputeBytes);
    this.precomputed = target;
    this.job = this.fill(target)
      .then(() => {
        this.job = undefined;
        if (this.basis() !== target.basis) this.precompute();
      })
      .catch((error: unknown) => {
        this.job = undefined; // answered on request from now on; retried at the next swap
        this.onError(error as Error);
      });
  }

  private async fill(target: PrecomputedScores): Promise<void> {
    const rows = this.state.featureRows;
    if (!rows) return;
    const ids = [...rows.ids()];
    let busy = 0;
    for (let start = 0; start < ids.length && !target.full; start += CHUNK) {
      // requests go first: while they come, rest as long as the last chunk took (half the CPU at most)
      const serving = Date.now() - this.lastDemand < 1000;
      await new Promise((resolve) => (serving ? setTimeout(resolve, busy) : setImmediate(resolve)));
      if (this.closed || this.basis() !== target.basis) return;
      const chunkStarted = performance.now();
      const chunk = ids.slice(start, start + CHUNK);
      await this.state.useModel((model) =>
        this.state.useEngine((engine) =>
          this.state.useInsights((insights) => {
            const features = model.card.features;
            const width = features.length;
            const batch = new Float32Array(chunk.length * width);
            chunk.forEach((id, i) => batch.set(rows.vector(id, features)!, i * width));
            // one LightGBM call per chunk for the scores and one for the SHAP contributions
            const { rawLogOdds, probability } = model.score(batch);
            const contributions = model.contributions(batch);
            chunk.forEach((id, i) => {
              const vector = batch.subarray(i * width, (i + 1) * width);
              const values = rows.values(id)!;
              const explanation = explainScore(
                model,
                {
                  vector,
                  values,
                  contributions: contributions.subarray(i * (width + 1), (i + 1) * (width + 1)),
                },
                insights.stats,
                { schema: engine.schema },
              );
              const score = this.assemble(model, id, rawLogOdds[i]!, probability[i]!, explanation);
              target.add(id, JSON.stringify({ ...score, finalDecision: null }), {
                modelVersion: score.modelVersion,
                decision: score.decision,
                probability: score.probability,
              });
            });
          }),
        ),
      );
      busy = performance.now() - chunkStarted;
    }
  }

  async stored(id: number): Promise<ModelScore> {
    this.lastDemand = Date.now();
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
    this.lastDemand = Date.now();
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
    const explanation = this.state.insights.current
      ? await this.state.useInsights((insights) =>
          explainScore(model, { vector, values }, insights.stats, { schema }),
        )
      : null;
    return this.assemble(model, id, rawLogOdds[0]!, probability[0]!, explanation);
  }

  private assemble(
    model: ScoringModel,
    id: number,
    raw: number,
    p: number,
    explanation: ScoreExplanation | null,
  ): ModelScore {
    const { threshold, reviewBand } = model.card.decision;
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
