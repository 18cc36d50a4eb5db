import { Type, type Static } from '@sinclair/typebox';

import { DecisionSchema, TextSchema } from './common.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Direction = Type.Union([Type.Literal('raises'), Type.Literal('lowers')]);

const FeatureContribution = Type.Object({
  name: Type.String(),
  label: TextSchema,
  logOddsContribution: Type.Number({ description: 'SHAP value, log-odds scale' }),
  value: Nullable(Type.Number()),
  formatted: TextSchema,
});

const Reason = Type.Object({
  group: Type.String(),
  label: TextSchema,
  feature: Type.String(),
  featureLabel: TextSchema,
  value: Nullable(Type.Number()),
  formatted: TextSchema,
  percentile: Nullable(Type.Number({ description: 'share of clients (0-100) with a lower value' })),
  sameValueShare: Nullable(Type.Number()),
  logOddsContribution: Type.Number({ description: 'log-odds scale' }),
  direction: Direction,
  sentence: TextSchema,
});

/** The explanation of a score (src/explain's ScoreExplanation); contributions are log-odds. */
export const ExplanationSchema = Type.Object({
  modelVersion: Type.Integer(),
  scale: Type.Literal('log-odds'),
  rawLogOdds: Type.Number(),
  bias: Type.Number({ description: 'expected value: raw score = bias + sum of contributions' }),
  probability: Type.Number(),
  decision: DecisionSchema,
  threshold: Type.Number(),
  reviewBand: Type.Number(),
  groups: Type.Array(
    Type.Object({
      key: Type.String(),
      label: TextSchema,
      logOddsContribution: Type.Number(),
      direction: Direction,
      features: Type.Array(FeatureContribution),
    }),
  ),
  raising: Type.Array(Reason),
  lowering: Type.Array(Reason),
  interpretation: Type.Object({ advisor: TextSchema, client: TextSchema }),
});

export const FinalDecisionSchema = Type.Object({
  decision: Type.Union([Type.Literal('accept'), Type.Literal('refuse')]),
  reason: Type.String(),
  by: Type.String(),
  at: Type.String({ format: 'date-time' }),
  modelVersion: Nullable(Type.Integer()),
});

/** One score: the same shape for a stored client and for an application sent as JSON. */
export const ScoreSchema = Type.Object(
  {
    clientId: Type.Integer({ description: 'SK_ID_CURR' }),
    modelVersion: Type.Integer(),
    featureVersion: Type.String(),
    probability: Type.Number({ description: 'calibrated probability of default' }),
    rawLogOdds: Type.Number({ description: "LightGBM's raw score (log-odds)" }),
    decision: DecisionSchema,
    threshold: Type.Number({ description: 'refused at or above this calibrated probability' }),
    review: Nullable(Type.Object({ low: Type.Number(), high: Type.Number() })),
    explanation: Nullable(ExplanationSchema),
    finalDecision: Nullable(FinalDecisionSchema),
  },
  { title: 'Score' },
);
export type ScoreBody = Static<typeof ScoreSchema>;
export type FinalDecision = Static<typeof FinalDecisionSchema>;
