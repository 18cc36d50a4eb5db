import { ClairscoreError } from '../../core/index.js';
import { allFeatures } from '../definitions/index.js';
import { DEFAULT_EXCLUDED } from '../exclusions.js';
import type { DisplayKind, FeatureOrigin, Text } from '../types.js';
import type { TableName } from '../../data/index.js';

/** What a person needs to read one feature. */
export interface FeatureEntry {
  readonly name: string;
  readonly origin: FeatureOrigin;
  readonly label: Text;
  readonly description: Text;
  readonly unit: Text;
  /** How to show a value: days as years or months, ratios as %, money with separators, ... */
  readonly kind: DisplayKind;
  readonly tables: readonly TableName[];
  readonly categorical: boolean;
  /** The client can change it (amount, annuity, term, goods price, personal contribution). */
  readonly actionable: boolean;
  /** Personal attribute (gender, family status, age) used for fairness views. */
  readonly sensitive: boolean;
  /** Kept out of the model unless asked (CODE_GENDER). */
  readonly excludedByDefault: boolean;
}

/** Every defined feature, in table order, with its labels in French and English. */
export const featureDictionary: readonly FeatureEntry[] = allFeatures().map(({ origin, def }) => ({
  name: def.name,
  origin,
  label: def.label,
  description: def.description,
  unit: def.unit,
  kind: def.kind,
  tables: def.tables,
  categorical: def.kind === 'category',
  actionable: def.actionable ?? false,
  sensitive: def.sensitive ?? false,
  excludedByDefault: DEFAULT_EXCLUDED.includes(def.name),
}));

const byName = new Map(featureDictionary.map((e) => [e.name, e]));

/** The entry of a feature; a clear error, with close names, for an unknown one. */
export function describeFeature(name: string): FeatureEntry {
  const entry = byName.get(name) ?? byName.get(name.toUpperCase());
  if (entry) return entry;
  const needle = name.toUpperCase();
  const close = featureDictionary
    .filter((e) => e.name.includes(needle))
    .slice(0, 8)
    .map((e) => e.name);
  const hint =
    close.length > 0
      ? ` Did you mean ${close.join(', ')}?`
      : ' Run `clairscore features --describe` for the list.';
  throw new ClairscoreError('CS_ERR_UNKNOWN_FEATURE', `No feature named ${name}.${hint}`, { name, close });
}
