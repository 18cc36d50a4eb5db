/**
 * The drift report: one schema (TypeBox) giving the TypeScript types, the shape of
 * workspace/drift/latest.json and, later, the API's response description. Field names are
 * Evidently's ColumnDataDriftMetrics / DatasetDriftMetric names in camelCase (drift.md §8).
 */
import { Type, type Static } from '@sinclair/typebox';

import { STAT_TEST_NAMES } from './stattests/registry.js';

const StatTestNameSchema = Type.Union(STAT_TEST_NAMES.map((name) => Type.Literal(name)));
const ColumnTypeSchema = Type.Union([Type.Literal('num'), Type.Literal('cat'), Type.Literal('text')]);

export const SideSummarySchema = Type.Object({
  /** Rows with a value (the size the tests use). */
  rows: Type.Integer(),
  /** Rows dropped as missing (null, NaN, ±Infinity): excluded, not a drift signal. */
  missing: Type.Integer(),
  distinct: Type.Integer(),
});

export const DistributionSchema = Type.Union([
  Type.Object({
    kind: Type.Literal('histogram'),
    /** Bin edges (bins + 1 values) over the range of both sets. */
    edges: Type.Array(Type.Number()),
    reference: Type.Array(Type.Number()),
    current: Type.Array(Type.Number()),
  }),
  Type.Object({
    kind: Type.Literal('categories'),
    labels: Type.Array(Type.String()),
    reference: Type.Array(Type.Number()),
    current: Type.Array(Type.Number()),
  }),
]);

export const ColumnDriftSchema = Type.Object({
  columnName: Type.String(),
  columnType: ColumnTypeSchema,
  status: Type.Union([Type.Literal('tested'), Type.Literal('not_tested')]),
  /** Registry name of the test (ks, chisquare, z, wasserstein, jensenshannon, psi). */
  stattest: Type.Union([StatTestNameSchema, Type.Null()]),
  /** Evidently's display name, e.g. "Wasserstein distance (normed)". */
  stattestName: Type.Union([Type.String(), Type.Null()]),
  stattestThreshold: Type.Union([Type.Number(), Type.Null()]),
  driftScore: Type.Union([Type.Number(), Type.Null()]),
  driftDetected: Type.Boolean(),
  /** Why the column was not tested. */
  reason: Type.Optional(Type.String()),
  /** Something worth knowing about a tested column (e.g. constant). */
  note: Type.Optional(Type.String()),
  reference: SideSummarySchema,
  current: SideSummarySchema,
  /** Shares per bin or category for the overlaid plot (presentation only). */
  distribution: Type.Union([DistributionSchema, Type.Null()]),
});

export const DatasetDriftSchema = Type.Object({
  /** Columns tested (the not-tested ones are left out of the share). */
  numberOfColumns: Type.Integer(),
  numberOfDriftedColumns: Type.Integer(),
  shareOfDriftedColumns: Type.Number(),
  datasetDrift: Type.Boolean(),
  driftShare: Type.Number(),
});

export const DataSetInfoSchema = Type.Object({
  name: Type.String(),
  rows: Type.Integer(),
  since: Type.Optional(Type.String()),
});

export const DriftOptionsSchema = Type.Object({
  method: Type.Optional(StatTestNameSchema),
  numMethod: Type.Optional(StatTestNameSchema),
  catMethod: Type.Optional(StatTestNameSchema),
  perColumnMethod: Type.Optional(Type.Record(Type.String(), StatTestNameSchema)),
  threshold: Type.Optional(Type.Number()),
  numThreshold: Type.Optional(Type.Number()),
  catThreshold: Type.Optional(Type.Number()),
  perColumnThreshold: Type.Optional(Type.Record(Type.String(), Type.Number())),
  /** Dataset drift when the share of drifted columns reaches this (default 0.5). */
  driftShare: Type.Optional(Type.Number()),
});

export const DriftReportSchema = Type.Object({
  formatVersion: Type.Literal(1),
  createdAt: Type.String(),
  durationMs: Type.Number(),
  columnSet: Type.Union([Type.Literal('raw'), Type.Literal('features')]),
  reference: DataSetInfoSchema,
  current: DataSetInfoSchema,
  options: DriftOptionsSchema,
  dataset: DatasetDriftSchema,
  columns: Type.Array(ColumnDriftSchema),
  /** Columns found in one set only (never tested). */
  mismatched: Type.Object({
    onlyInReference: Type.Array(Type.String()),
    onlyInCurrent: Type.Array(Type.String()),
  }),
  /** Columns deliberately left out (identifiers, the target). */
  excluded: Type.Array(Type.Object({ column: Type.String(), reason: Type.String() })),
  warnings: Type.Array(Type.String()),
  /** Drift of the model's scores (reference vs current), when scores are available. */
  prediction: Type.Union([ColumnDriftSchema, Type.Null()]),
});

export type SideSummary = Static<typeof SideSummarySchema>;
export type Distribution = Static<typeof DistributionSchema>;
export type ColumnDrift = Static<typeof ColumnDriftSchema>;
export type DatasetDrift = Static<typeof DatasetDriftSchema>;
export type DataSetInfo = Static<typeof DataSetInfoSchema>;
export type DriftOptions = Static<typeof DriftOptionsSchema>;
export type DriftReport = Static<typeof DriftReportSchema>;
