import {
  featureDictionary,
  formatValue,
  type CategoryLevel,
  type FeatureOrigin,
  type FeatureSchema,
  type Lang,
} from '../../features/index.js';

export interface ClientField {
  readonly name: string;
  readonly origin: FeatureOrigin;
  readonly label: string;
  readonly description: string;
  readonly value: number | null;
  readonly formatted: string;
  readonly actionable: boolean;
  readonly sensitive: boolean;
}

export interface ClientInfo {
  readonly clientId: number;
  readonly set: 'train' | 'test';
  /** The observed outcome of a training client (1: defaulted); null for a test client. */
  readonly target: 0 | 1 | null;
  readonly lang: Lang;
  readonly fields: readonly ClientField[];
}

const entries = new Map(featureDictionary.map((e) => [e.name, e]));

/** A client's feature values as a person reads them: labels and formatted values from the dictionary. */
export function clientInfo(
  schema: FeatureSchema,
  id: number,
  values: Readonly<Record<string, number | null>>,
  lang: Lang,
  origins?: readonly FeatureOrigin[],
): ClientInfo {
  const levels = new Map<string, readonly CategoryLevel[]>(
    schema.categories.map((c) => [c.feature, c.levels]),
  );
  const fields: ClientField[] = [];
  for (const column of schema.features) {
    const entry = entries.get(column.name);
    if (!entry || (origins && !origins.includes(column.origin))) continue;
    const value = values[column.name] ?? null;
    fields.push({
      name: column.name,
      origin: column.origin,
      label: entry.label[lang],
      description: entry.description[lang],
      value,
      formatted: formatValue(entry, value, lang, levels.get(column.name)),
      actionable: entry.actionable,
      sensitive: entry.sensitive,
    });
  }
  const isTrain = values.is_train === 1;
  const target = values.TARGET;
  return {
    clientId: id,
    set: isTrain ? 'train' : 'test',
    target: isTrain && (target === 0 || target === 1) ? target : null,
    lang,
    fields,
  };
}
