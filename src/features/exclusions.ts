import { ClairscoreError } from '../core/index.js';
import { allFeatures, type PlacedFeature } from './definitions/index.js';

/** Kept in the feature table for fairness views, but out of the model unless asked otherwise. */
export const DEFAULT_EXCLUDED: readonly string[] = ['CODE_GENDER'];

export function defaultExclusions(includeSensitive: boolean): readonly string[] {
  return includeSensitive ? [] : DEFAULT_EXCLUDED;
}

/**
 * The exclusion list checked against the defined features (a typo is an error, not a silent
 * no-op), restricted to the features the table keeps.
 */
export function resolveExclusions(requested: readonly string[], kept: readonly PlacedFeature[]): string[] {
  const defined = new Set(allFeatures().map((p) => p.def.name));
  const unknown = requested.filter((name) => !defined.has(name));
  if (unknown.length > 0) {
    throw new ClairscoreError(
      'CS_ERR_UNKNOWN_FEATURE',
      `Unknown feature(s) to exclude: ${unknown.join(', ')}. See \`clairscore features --describe\` for the names.`,
      { unknown },
    );
  }
  const keptNames = new Set(kept.map((p) => p.def.name));
  return [...new Set(requested)].filter((name) => keptNames.has(name));
}
