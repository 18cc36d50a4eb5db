import type { FeatureMatrix } from '../features/index.js';
import { encodeOof, MODEL_FILE, OOF_FILE, type VersionFiles } from '../registry/index.js';
import type { FinalModel, TrainingOutcome } from './train-models.js';

export const COST_CURVE_FILE = 'cost-curve.json';
export const RELIABILITY_FILE = 'reliability.json';
export const COMPARISON_FILE = 'comparison.json';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** What a registered version holds besides its card. */
export function versionFiles(
  matrix: FeatureMatrix,
  outcome: TrainingOutcome,
  final: FinalModel,
): VersionFiles {
  const { assessment } = final;
  return {
    [MODEL_FILE]: final.booster.modelToString(),
    [COST_CURVE_FILE]: json(assessment.costCurve),
    [RELIABILITY_FILE]: json(assessment.reliability),
    [COMPARISON_FILE]: json(outcome.comparison),
    ...oofFile(matrix, final),
  };
}

function oofFile(matrix: FeatureMatrix, final: FinalModel): VersionFiles {
  const { oof, calibrated } = final.assessment;
  return {
    [OOF_FILE]: encodeOof({
      ids: matrix.ids,
      labels: Float64Array.from(matrix.labels),
      raw: oof,
      calibrated,
    }),
  };
}
