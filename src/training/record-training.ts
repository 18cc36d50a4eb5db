import type { FeatureMatrix } from '../features/index.js';
import { costSvg, prCurve, prSvg, reliabilitySvg, rocCurve, rocSvg } from '../model/index.js';
import type { ModelCard } from '../registry/index.js';
import { logLightgbmModel, type MetricPoint, type ParamValue, type TrackedRun } from '../tracking/index.js';
import type { RunTrainingOptions } from './run-training.js';
import { metricName } from './metric-name.js';
import type { TrainingOutcome } from './train-models.js';

export interface TrainingRecord {
  readonly matrix: FeatureMatrix;
  readonly outcome: TrainingOutcome;
  readonly options: RunTrainingOptions;
  readonly reviewBand: number;
  readonly card: ModelCard | undefined;
  /** Validation AUC per boosting round and fold, for each LightGBM candidate. */
  readonly iterations: readonly MetricPoint[];
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Records a training in the tracking store: parameters, every candidate's metrics (the registered
 * model's also without prefix), per-round validation AUC, and the artifacts a reviewer needs.
 */
export async function recordTraining(run: TrackedRun, record: TrainingRecord): Promise<void> {
  const { outcome, options, matrix, card } = record;
  const final = outcome.final;
  const params: Record<string, ParamValue> = {
    folds: outcome.foldCount,
    seed: outcome.seed,
    fn_cost: options.costs.fnCost,
    fp_cost: options.costs.fpCost,
    review_band: record.reviewBand,
    models: outcome.comparison.map((c) => c.name).join(','),
    feature_version: matrix.version,
    features: matrix.ncol,
    training_rows: outcome.rows,
  };
  if (final) {
    for (const [key, value] of Object.entries(final.params)) {
      if (value !== undefined) params[key] = Array.isArray(value) ? value.join(',') : (value as ParamValue);
    }
    params.rounds = final.rounds;
    params.class_weighting = final.classWeighting;
  }
  await run.logParams(params);

  const points: MetricPoint[] = [...record.iterations];
  for (const candidate of outcome.comparison) {
    const prefix = metricName(candidate.name);
    for (const [key, value] of Object.entries(candidate.metrics))
      points.push({ key: `${prefix}.${key}`, value });
    points.push({ key: `${prefix}.threshold`, value: candidate.threshold });
  }
  if (final) {
    for (const [key, value] of Object.entries(final.assessment.summary.metrics)) points.push({ key, value });
    points.push({ key: 'threshold', value: final.assessment.summary.threshold });
  }
  await run.logMetrics(points.filter((point) => Number.isFinite(point.value)));

  await run.setTags({
    'clairscore.feature_version': matrix.version,
    ...(card ? { 'clairscore.model_version': String(card.version) } : {}),
    ...(final ? { 'clairscore.model': final.name } : {}),
  });
  await run.logArtifact(
    'features.json',
    json({ version: matrix.version, features: matrix.columns, categorical: matrix.categorical }),
  );
  await run.logArtifact('comparison.json', json(outcome.comparison));
  if (!final) return;
  const { assessment } = final;
  const labels = matrix.labels;
  // model/ holds the text model plus an MLmodel file, so mlflow.lightgbm.load_model reads it.
  await logLightgbmModel(run, {
    modelText: final.booster.modelToString(),
    signature: { inputs: matrix.columns.map((name) => ({ name, type: 'float', required: false })) },
    metadata: {
      feature_version: matrix.version,
      threshold: final.assessment.summary.threshold,
      ...(card ? { model_version: card.version } : {}),
    },
  });
  await run.logArtifact('calibration.json', json(assessment.calibrator.toJSON()));
  await run.logArtifact(
    'threshold.json',
    json({ threshold: assessment.summary.threshold, reviewBand: record.reviewBand, costs: options.costs }),
  );
  await run.logArtifact('cost-curve.json', json(assessment.costCurve));
  await run.logArtifact('reliability.json', json(assessment.reliability));
  await run.logArtifact(
    'metrics.json',
    json({ metrics: assessment.summary.metrics, folds: assessment.summary.folds }),
  );
  if (card) await run.logArtifact('model-card.json', json(card));
  const prevalence = outcome.defaults / outcome.rows;
  await run.logArtifact('plots/roc.svg', rocSvg(rocCurve(labels, assessment.oof)));
  await run.logArtifact('plots/pr.svg', prSvg(prCurve(labels, assessment.oof), prevalence));
  await run.logArtifact('plots/calibration.svg', reliabilitySvg(assessment.reliability));
  await run.logArtifact('plots/cost.svg', costSvg(assessment.costCurve));
}
