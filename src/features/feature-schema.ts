import { createHash } from 'node:crypto';

import type { DroppedFeature } from './sql/drop-analysis.js';
import type { DisplayKind, FeatureOrigin } from './types.js';

/** One column of the feature table. */
export interface FeatureColumn {
  readonly name: string;
  readonly type: 'INTEGER' | 'DOUBLE';
  readonly origin: FeatureOrigin;
  readonly kind: DisplayKind;
  /** A LightGBM-native categorical feature (integer codes from the dictionary). */
  readonly categorical: boolean;
  readonly sensitive: boolean;
  readonly actionable: boolean;
  /** Part of the model's input (false for the excluded sensitive attributes). */
  readonly model: boolean;
}

/** One level of a categorical column and its code (0 = rare or unseen level). */
export interface CategoryLevel {
  readonly level: string;
  readonly code: number;
  readonly count: number;
}

export interface CategoryDictionary {
  readonly feature: string;
  readonly levels: readonly CategoryLevel[];
}

/** Everything needed to rebuild the same feature vector elsewhere, and to check it is the same. */
export interface FeatureSchema {
  readonly formatVersion: 1;
  /** Hash of the definition SQL, the category dictionary, the dropped list and the exclusions. */
  readonly version: string;
  /** Hash of the definition SQL alone (changes only when the code defining features changes). */
  readonly definitionHash: string;
  readonly createdAt: string;
  readonly rows: { readonly train: number; readonly test: number };
  /** Kept features, in table order. */
  readonly features: readonly FeatureColumn[];
  /** The model's input columns, in order: the kept features minus the excluded ones. */
  readonly modelFeatures: readonly string[];
  /** Features kept in the table but out of the model (sensitive attributes, by default CODE_GENDER). */
  readonly excluded: readonly string[];
  readonly dropped: readonly DroppedFeature[];
  readonly categories: readonly CategoryDictionary[];
  readonly categoryOtherCode: number;
  readonly rareThreshold: number;
  /** Optional tables absent from the workspace when the table was built (their features are empty). */
  readonly absentTables: readonly string[];
}

/** Short, stable hash of a text (hex). */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The feature version: anything that changes a feature value or the model's columns changes it. */
export function featureVersion(parts: {
  readonly definitionSql: string;
  readonly categories: readonly CategoryDictionary[];
  readonly dropped: readonly DroppedFeature[];
  readonly excluded: readonly string[];
}): string {
  return shortHash(
    JSON.stringify({
      sql: parts.definitionSql,
      categories: parts.categories,
      dropped: parts.dropped.map((d) => d.name),
      excluded: [...parts.excluded].sort(),
    }),
  );
}
