// Explanations and comparisons behind the service: grouped SHAP contributions with sentences,
// population statistics, comparison data, nearest neighbours, counterfactuals, the model page.
export type { ContributionGroup, Direction, FeatureContribution, Reason, ScoreExplanation } from './types.js';
export { PopulationStats, populationCachePath } from './population-stats.js';
export type { FeatureSummary, PopulationOptions } from './population-stats.js';
export { explainScore } from './explain-score.js';
export type { ExplainInput, ExplainOptions } from './explain-score.js';
export { groupContributions, groupOf } from './feature-groups.js';
export type { FeatureGroup } from './feature-groups.js';
export { AGE_BANDS, INCOME_BANDS } from './group-filter.js';
export type { AgeBand, FilterKey, FilterOptions, GroupFilter, IncomeBand } from './group-filter.js';
export { Comparison } from './comparison.js';
export type {
  BivariateRequest,
  BivariateSample,
  ClientPosition,
  ClientRef,
  DistributionRequest,
  FeatureDistribution,
  Histogram,
  ProfileRequest,
  RadarProfile,
} from './comparison-types.js';
export { NeighbourIndex } from './neighbours.js';
export { KEY_FEATURES } from './key-features.js';
export type { Neighbour, NeighbourOptions, NeighbourQuery, ScoreLookup } from './neighbours.js';
export { findCounterfactual } from './counterfactual.js';
export type {
  CounterfactualOptions,
  CounterfactualResult,
  CounterfactualSuggestion,
  Lever,
} from './counterfactual.js';
export { groupedImportance, modelPage } from './model-page.js';
export { fairnessView } from './fairness.js';
export type { ImportanceGroup, ModelPage, ModelPageInput } from './model-page.js';
export type { FairnessRow, FairnessView } from './fairness.js';
