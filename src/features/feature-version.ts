import { ClairscoreError } from '../core/index.js';

/**
 * Refuses to use a model with a feature table of another version: the same column names
 * could hold other values (a changed definition, dictionary or dropped list).
 */
export function assertSameFeatureVersion(expected: string, actual: string): void {
  if (expected === actual) return;
  throw new ClairscoreError(
    'CS_ERR_FEATURE_VERSION',
    `Feature version mismatch: the model was trained on features version ${expected}, but the feature table is ` +
      `version ${actual}. Retrain the model on the current features (\`clairscore train\`), or rebuild the ` +
      `features it was trained on.`,
    { expected, actual },
  );
}
