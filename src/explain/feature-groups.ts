import type { ContributionGroup, Text } from './types.js';

/** The readable concept a feature belongs to. */
export interface FeatureGroup {
  readonly key: string;
  readonly label: Text;
}

/** The group of a feature (see DESIGN.md for the rules). */
export function groupOf(feature: string): FeatureGroup {
  void feature;
  throw new Error('not implemented');
}

/** SHAP values (features then bias) summed per group; the sum over groups equals the sum over features. */
export function groupContributions(
  features: readonly string[],
  contributions: Float64Array,
  values?: Readonly<Record<string, number | null>>,
): ContributionGroup[] {
  void features;
  void contributions;
  void values;
  throw new Error('not implemented');
}
