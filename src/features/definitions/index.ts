import type { FeatureDef, FeatureOrigin, FeatureSource } from '../types.js';
import { applicationSource } from './application.js';
import { bureauSource } from './bureau.js';
import { COMBINED_FEATURES } from './combined.js';
import { creditCardSource } from './credit-card.js';
import { installmentsSource } from './installments.js';
import { posCashSource } from './pos-cash.js';
import { previousSource } from './previous.js';

export {
  CATEGORICAL_COLUMNS,
  CATEGORY_MAPS,
  CATEGORY_TABLE,
  EMPLOYED_SENTINEL,
  categoryMapsSql,
} from './application.js';
export { COMBINED_FEATURES } from './combined.js';

/** Every source, the application first: the order of the feature table's columns. */
export const SOURCES: readonly FeatureSource[] = [
  applicationSource,
  bureauSource,
  previousSource,
  posCashSource,
  installmentsSource,
  creditCardSource,
];

/** A feature with the group it belongs to. */
export interface PlacedFeature {
  readonly origin: FeatureOrigin;
  readonly def: FeatureDef;
}

/** All defined features in table order; throws on a name defined twice (names are the join keys). */
export function allFeatures(): readonly PlacedFeature[] {
  const placed: PlacedFeature[] = [
    ...SOURCES.flatMap((s) => s.features.map((def) => ({ origin: s.name, def }))),
    ...COMBINED_FEATURES.map((def) => ({ origin: 'combined' as const, def })),
  ];
  const seen = new Set<string>();
  for (const { def } of placed) {
    if (seen.has(def.name)) throw new Error(`feature ${def.name} is defined twice`);
    seen.add(def.name);
  }
  return placed;
}
