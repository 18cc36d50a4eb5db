import { COLUMN_DESCRIPTIONS } from '../dictionary/column-descriptions.generated.js';
import { tableSpec } from '../../data/index.js';
import type { FeatureDef, FeatureSource, TableRefs, Text } from '../types.js';
import { applicationColumn } from './application-columns.js';
import { feature, quoteIdent, quoteLiteral } from './builders.js';
import { applicationDerived } from './application-derived.js';

/** The table holding the category dictionary (level -> code), in the workspace and in memory alike. */
export const CATEGORY_TABLE = 'feature_categories';
/** The same dictionary as one row of maps (level -> code), one map per categorical column. */
export const CATEGORY_MAPS = 'feature_category_maps';

/** DAYS_EMPLOYED = 365243 means "not employed" (pensioner or unemployed): a flag, not 1000 years. */
export const EMPLOYED_SENTINEL = 365243;

/** String columns given LightGBM-native integer codes through the category dictionary. */
export const CATEGORICAL_COLUMNS = [
  'NAME_CONTRACT_TYPE',
  'CODE_GENDER',
  'NAME_TYPE_SUITE',
  'NAME_INCOME_TYPE',
  'NAME_EDUCATION_TYPE',
  'NAME_FAMILY_STATUS',
  'NAME_HOUSING_TYPE',
  'OCCUPATION_TYPE',
  'WEEKDAY_APPR_PROCESS_START',
  'ORGANIZATION_TYPE',
  'FONDKAPREMONT_MODE',
  'HOUSETYPE_MODE',
  'WALLSMATERIAL_MODE',
] as const;

/** Two-level string columns read as 0/1 flags: the level meaning "yes". */
const YES_LEVEL: Readonly<Record<string, string>> = {
  FLAG_OWN_CAR: 'Y',
  FLAG_OWN_REALTY: 'Y',
  EMERGENCYSTATE_MODE: 'Yes',
};
const NO_LEVEL: Readonly<Record<string, string>> = {
  FLAG_OWN_CAR: 'N',
  FLAG_OWN_REALTY: 'N',
  EMERGENCYSTATE_MODE: 'No',
};

const testColumns = tableSpec('application_test').columns.map((c) => c.name);
const categorical = new Set<string>(CATEGORICAL_COLUMNS);

const DICTIONARY_ALIAS = 'dict';

/** The SQL of one original column, cleaned: sentinel -> NULL, XNA -> NULL, strings -> codes or flags. */
function columnSql(name: string): string {
  const ref = `app.${quoteIdent(name)}`;
  if (name === 'DAYS_EMPLOYED') return `NULLIF(${ref}, ${EMPLOYED_SENTINEL})`;
  if (categorical.has(name)) {
    return `CASE WHEN ${ref} IS NULL OR ${ref} = 'XNA' THEN NULL ELSE coalesce(${DICTIONARY_ALIAS}.${quoteIdent(name)}[${ref}], 0) END`;
  }
  const yes = YES_LEVEL[name];
  if (yes)
    return `CASE ${ref} WHEN ${quoteLiteral(yes)} THEN 1 WHEN ${quoteLiteral(NO_LEVEL[name]!)} THEN 0 END`;
  return ref;
}

/** The "Special" notes of the description file, in French. */
const SPECIAL_FR: Readonly<Record<string, string>> = {
  'time only relative to the application': 'en jours, relativement à la date de la demande',
  normalized: 'normalisé',
  rounded: 'arrondi',
};

/** English from the Kaggle description file; French from the label (the file has no French). */
function describe(name: string, label: Text): Text {
  const [description = label.en, special = ''] = COLUMN_DESCRIPTIONS[`application.${name}`] ?? [];
  const note = (text: string | undefined): string => (text ? ` (${text})` : '');
  return {
    en: `${description}${note(special)}.`,
    fr: `${label.fr} : champ de la demande de crédit${note(SPECIAL_FR[special.trim()] ?? special)}.`,
  };
}

function originalFeature(name: string): FeatureDef {
  const meta = applicationColumn(name);
  if (!meta) throw new Error(`no label for application column ${name}`);
  return feature({
    name,
    sql: columnSql(name),
    kind: meta.kind,
    label: meta.label,
    description: describe(name, meta.label),
    ...(meta.unit ? { unit: meta.unit } : {}),
    tables: ['application_train', 'application_test'],
    ...(meta.actionable ? { actionable: true } : {}),
    ...(meta.sensitive ? { sensitive: true } : {}),
  });
}

/** Builds the one-row relation of maps from the dictionary table (made once per build or engine). */
export function categoryMapsSql(): string {
  const maps = CATEGORICAL_COLUMNS.map(
    (c) =>
      `map_from_entries(list({'k': level, 'v': code}) FILTER (WHERE feature = ${quoteLiteral(c)})) AS ${quoteIdent(c)}`,
  );
  return `SELECT ${maps.join(', ')} FROM ${CATEGORY_TABLE}`;
}

/**
 * Train and test applications as one relation (TARGET NULL and is_train 0 for test rows),
 * beside the one-row relation of category maps. One cross join with it costs far less than
 * a join per categorical column (13 joins: ~50 ms a query, even for one application).
 */
function from(t: TableRefs): string {
  const columns = testColumns.map(quoteIdent).join(', ');
  const union =
    `(SELECT ${columns}, "TARGET", 1 AS is_train FROM ${t.application_train} ` +
    `UNION ALL SELECT ${columns}, CAST(NULL AS BIGINT) AS "TARGET", 0 AS is_train FROM ${t.application_test}) AS app`;
  return `${union} CROSS JOIN ${CATEGORY_MAPS} AS ${DICTIONARY_ALIAS}`;
}

/** Every original column (but the keys and TARGET), cleaned, then the derived ratios and counts. */
export const applicationSource: FeatureSource = {
  name: 'application',
  tables: ['application_train', 'application_test'],
  grouped: false,
  from,
  features: [...testColumns.filter((c) => c !== 'SK_ID_CURR').map(originalFeature), ...applicationDerived()],
};
