import { describeFeature, formatValue, type FeatureEntry, type FeatureSchema } from '../features/index.js';
import { GROUP_RULES } from './group-rules.js';
import type { ContributionGroup, FeatureContribution, Text } from './types.js';

/** The readable concept a feature belongs to. */
export interface FeatureGroup {
  readonly key: string;
  readonly label: Text;
}

/** Members listed per group: formatting every feature of every group would cost more than the SHAP values. */
export const MEMBERS_SHOWN = 5;

const cache = new Map<string, FeatureGroup>();

/** The dictionary entry, or a bare one for a name the dictionary does not know. */
export function entryOf(name: string): FeatureEntry {
  try {
    return describeFeature(name);
  } catch {
    const text = { en: name, fr: name };
    return {
      name,
      origin: 'application',
      label: text,
      description: text,
      unit: { en: '', fr: '' },
      kind: 'number',
      tables: [],
      categorical: false,
      actionable: false,
      sensitive: false,
      excludedByDefault: false,
    };
  }
}

/** The group of a feature: the first matching rule, else the feature alone under its own label. */
export function groupOf(feature: string): FeatureGroup {
  let group = cache.get(feature);
  if (!group) {
    const found = GROUP_RULES.find((r) => r.match.test(feature));
    group = found ? { key: found.key, label: found.label } : { key: feature, label: entryOf(feature).label };
    cache.set(feature, group);
  }
  return group;
}

/** formatValue builds an Intl.NumberFormat per call (~35 us): texts already made are kept, up to a bound. */
const formatted = new Map<string, Text>();
const FORMAT_CACHE_LIMIT = 100_000;

/** A value in both languages, category codes shown as their level when the schema is given. */
export function formatBoth(name: string, value: number | null, schema?: FeatureSchema): Text {
  const key = `${schema?.version ?? ''}|${name}|${value}`;
  let text = formatted.get(key);
  if (!text) {
    const entry = entryOf(name);
    const levels = schema?.categories.find((c) => c.feature === name)?.levels;
    text = { en: formatValue(entry, value, 'en', levels), fr: formatValue(entry, value, 'fr', levels) };
    if (formatted.size >= FORMAT_CACHE_LIMIT) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

/**
 * SHAP values (features then bias, as ScoringModel.contributions gives them) summed per group,
 * largest absolute sum first; the groups' sum equals the features' sum.
 */
export function groupContributions(
  features: readonly string[],
  contributions: Float64Array,
  values: Readonly<Record<string, number | null>> = {},
  schema?: FeatureSchema,
): ContributionGroup[] {
  const members = new Map<string, { group: FeatureGroup; indices: number[]; sum: number }>();
  features.forEach((name, i) => {
    const group = groupOf(name);
    let entry = members.get(group.key);
    if (!entry) {
      entry = { group, indices: [], sum: 0 };
      members.set(group.key, entry);
    }
    entry.sum += contributions[i]!;
    entry.indices.push(i);
  });
  const member = (i: number): FeatureContribution => {
    const name = features[i]!;
    const value = values[name] ?? null;
    return {
      name,
      label: entryOf(name).label,
      logOddsContribution: contributions[i]!,
      value,
      formatted: formatBoth(name, value, schema),
    };
  };
  return [...members.values()]
    .map(({ group, indices, sum }) => ({
      key: group.key,
      label: group.label,
      logOddsContribution: sum,
      direction: sum >= 0 ? ('raises' as const) : ('lowers' as const),
      size: indices.length,
      features: indices
        .filter((i) => contributions[i] !== 0)
        .sort((a, b) => Math.abs(contributions[b]!) - Math.abs(contributions[a]!))
        .slice(0, MEMBERS_SHOWN)
        .map(member),
    }))
    .sort((a, b) => Math.abs(b.logOddsContribution) - Math.abs(a.logOddsContribution));
}
