import type { FeatureSchema } from '../features/index.js';
import type { ScoringModel } from '../registry/index.js';
import type { PopulationStats } from './population-stats.js';
import type { ScoreExplanation } from './types.js';

/** What explainScore needs of one application (ApplicationFeatures fits). */
export interface ExplainInput {
  /** The model's input, card.features order. */
  readonly vector: Float32Array;
  /** Feature values by name (null when missing). */
  readonly values: Readonly<Record<string, number | null>>;
  /** SHAP values already computed (features then bias), e.g. precomputed at promotion. */
  readonly contributions?: Float64Array;
}

export interface ExplainOptions {
  /** Reasons listed on each side (default 5). */
  readonly top?: number;
  /** The feature schema, for the names of category levels. */
  readonly schema?: FeatureSchema;
}

/** The explanation of one application's score: grouped contributions, reasons, sentences, interpretation. */
export function explainScore(
  model: ScoringModel,
  input: ExplainInput,
  stats: PopulationStats,
  options: ExplainOptions = {},
): ScoreExplanation {
  void model;
  void input;
  void stats;
  void options;
  throw new Error('not implemented');
}
