import type { FeatureSchema } from '../features/index.js';
import type { ScoringModel } from '../registry/index.js';
import { entryOf, formatBoth, groupContributions } from './feature-groups.js';
import { advisorParagraph, clientParagraph } from './interpretation.js';
import type { PopulationStats } from './population-stats.js';
import { reasonSentence } from './sentences.js';
import type { ContributionGroup, Reason, ScoreExplanation } from './types.js';

/** What explainScore needs of one application (ApplicationFeatures fits). */
export interface ExplainInput {
  /** The model's input, card.features order. */
  readonly vector: Float32Array;
  /** Feature values by name (null when missing); the vector's values are used for names absent here. */
  readonly values?: Readonly<Record<string, number | null>>;
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
  const features = model.card.features;
  const contributions = input.contributions ?? model.contributions(input.vector);
  const values: Record<string, number | null> = {};
  features.forEach((name, i) => {
    const given = input.values?.[name];
    const fromVector = input.vector[i]!;
    values[name] = given !== undefined ? given : Number.isNaN(fromVector) ? null : fromVector;
  });
  let rawLogOdds = 0;
  for (const c of contributions) rawLogOdds += c;
  const bias = contributions[features.length]!;
  const probability = model.calibrate(rawLogOdds);
  const decision = model.decide(probability);
  const groups = groupContributions(features, contributions, values, options.schema);
  const top = options.top ?? 5;
  const reason = (group: ContributionGroup): Reason => toReason(group, stats, options.schema);
  const raising = groups
    .filter((g) => g.logOddsContribution > 0)
    .slice(0, top)
    .map(reason);
  const lowering = groups
    .filter((g) => g.logOddsContribution < 0)
    .slice(0, top)
    .map(reason);
  const { threshold, reviewBand } = model.card.decision;
  const summary = { probability, decision, threshold, reviewBand, rawLogOdds, bias, raising, lowering };
  return {
    modelVersion: model.version,
    scale: 'log-odds',
    rawLogOdds,
    bias,
    probability,
    decision,
    threshold,
    reviewBand,
    groups,
    raising,
    lowering,
    interpretation: { advisor: advisorParagraph(summary), client: clientParagraph(summary) },
  };
}

/** A group as a reason: its leading member pushing the same way, placed among all clients. */
function toReason(group: ContributionGroup, stats: PopulationStats, schema?: FeatureSchema): Reason {
  const sign = Math.sign(group.logOddsContribution);
  const lead = group.features.find((f) => Math.sign(f.logOddsContribution) === sign) ?? group.features[0]!;
  const entry = entryOf(lead.name);
  const categorical = entry.kind === 'category' || entry.kind === 'flag';
  const known = stats.has(lead.name);
  const present = lead.value !== null && !Number.isNaN(lead.value);
  return {
    group: group.key,
    label: group.label,
    feature: lead.name,
    featureLabel: entry.label,
    value: lead.value,
    formatted: formatBoth(lead.name, lead.value, schema),
    percentile: known && present && !categorical ? stats.percentile(lead.name, lead.value) : null,
    sameValueShare: known && (!present || categorical) ? stats.sameValueShare(lead.name, lead.value) : null,
    logOddsContribution: group.logOddsContribution,
    direction: group.direction,
    sentence: reasonSentence(
      {
        feature: lead.name,
        label: entry.label,
        value: lead.value,
        formatted: lead.formatted,
        categorical,
        direction: group.direction,
      },
      stats,
    ),
  };
}
