import { tableSpec, type TableName } from '../../data/index.js';
import type { DisplayKind, FeatureDef, Text } from '../types.js';
import { feature, quoteIdent } from './builders.js';

const TABLES: readonly TableName[] = ['application_train', 'application_test'];
const c = (name: string): string => `app.${quoteIdent(name)}`;
/** a / b as DOUBLE, missing (not infinite) when b is 0 or missing. */
const ratio = (a: string, b: string): string => `CAST(${a} AS DOUBLE) / NULLIF(${b}, 0)`;
const EMPLOYED = `NULLIF(${c('DAYS_EMPLOYED')}, 365243)`;
const EXT = `[${c('EXT_SOURCE_1')}, ${c('EXT_SOURCE_2')}, ${c('EXT_SOURCE_3')}]`;
// list forms: one expression node instead of one per column (each node costs every query)
const sumOf = (columns: readonly string[]): string => `list_sum([${columns.map(c).join(', ')}])`;
const listNulls = (columns: readonly string[]): string =>
  `${columns.length} - list_aggregate([${columns.map(c).join(', ')}], 'count')`;
/** Missing values among columns (a list holds one type: text and number columns are counted apart). */
const nullCount = (columns: readonly string[]): string => {
  const text = columns.filter((name) => TEXT_COLUMNS.has(name));
  const numbers = columns.filter((name) => !TEXT_COLUMNS.has(name));
  return [numbers, text]
    .filter((group) => group.length > 0)
    .map(listNulls)
    .join(' + ');
};

const specs = tableSpec('application_test').columns;
const columns = specs.map((col) => col.name);
const TEXT_COLUMNS = new Set(specs.filter((col) => col.type === 'string').map((col) => col.name));
const DOCUMENTS = columns.filter((n) => n.startsWith('FLAG_DOCUMENT_'));
const CONTACTS = [
  'FLAG_MOBIL',
  'FLAG_EMP_PHONE',
  'FLAG_WORK_PHONE',
  'FLAG_CONT_MOBILE',
  'FLAG_PHONE',
  'FLAG_EMAIL',
];
const ADDRESSES = columns.filter((n) => /_NOT_(LIVE|WORK)_(REGION|CITY)$/.test(n));
const ENQUIRIES = columns.filter((n) => n.startsWith('AMT_REQ_CREDIT_BUREAU_'));
const BUILDING = columns.filter((n) => /_(AVG|MODE|MEDI)$/.test(n));

interface Derived {
  readonly name: string;
  readonly sql: string;
  readonly kind: DisplayKind;
  readonly en: string;
  readonly fr: string;
  readonly unit?: Text;
  readonly actionable?: boolean;
  readonly sensitive?: boolean;
}

const TERM_UNIT: Text = { en: 'annuities', fr: 'annuités' };

const DERIVED: readonly Derived[] = [
  {
    name: 'DAYS_EMPLOYED_ANOM',
    sql: `CAST(${c('DAYS_EMPLOYED')} = 365243 AS INTEGER)`,
    kind: 'flag',
    en: 'Not employed (pensioner or unemployed)',
    fr: 'Sans emploi (retraité ou chômeur)',
  },
  {
    name: 'CREDIT_INCOME_RATIO',
    sql: ratio(c('AMT_CREDIT'), c('AMT_INCOME_TOTAL')),
    kind: 'ratio',
    en: 'Credit amount / income',
    fr: 'Montant du crédit / revenu',
  },
  {
    name: 'ANNUITY_INCOME_RATIO',
    sql: ratio(c('AMT_ANNUITY'), c('AMT_INCOME_TOTAL')),
    kind: 'ratio',
    en: 'Annuity / income',
    fr: 'Annuité / revenu',
  },
  {
    name: 'CREDIT_TERM',
    sql: ratio(c('AMT_CREDIT'), c('AMT_ANNUITY')),
    kind: 'number',
    en: 'Credit term (credit amount / annuity)',
    fr: 'Durée du crédit (montant / annuité)',
    unit: TERM_UNIT,
    actionable: true,
  },
  {
    name: 'ANNUITY_CREDIT_RATIO',
    sql: ratio(c('AMT_ANNUITY'), c('AMT_CREDIT')),
    kind: 'ratio',
    en: 'Payment rate (annuity / credit amount)',
    fr: 'Taux de remboursement (annuité / montant)',
    actionable: true,
  },
  {
    name: 'GOODS_CREDIT_RATIO',
    sql: ratio(c('AMT_GOODS_PRICE'), c('AMT_CREDIT')),
    kind: 'ratio',
    en: 'Price of the goods / credit amount',
    fr: 'Prix du bien / montant du crédit',
    actionable: true,
  },
  {
    name: 'CREDIT_GOODS_DIFF',
    sql: `${c('AMT_CREDIT')} - ${c('AMT_GOODS_PRICE')}`,
    kind: 'money',
    en: 'Credit amount minus price of the goods',
    fr: 'Montant du crédit moins prix du bien',
    actionable: true,
  },
  {
    name: 'PERSONAL_CONTRIBUTION',
    sql: `greatest(${c('AMT_GOODS_PRICE')} - ${c('AMT_CREDIT')}, 0)`,
    kind: 'money',
    en: 'Personal contribution (price of the goods above the credit)',
    fr: 'Apport personnel (prix du bien au-delà du crédit)',
    actionable: true,
  },
  {
    name: 'EMPLOYED_AGE_RATIO',
    sql: ratio(EMPLOYED, c('DAYS_BIRTH')),
    kind: 'ratio',
    en: 'Time in current job / age',
    fr: "Ancienneté dans l'emploi / âge",
    sensitive: true,
  },
  {
    name: 'INCOME_PER_PERSON',
    sql: ratio(c('AMT_INCOME_TOTAL'), c('CNT_FAM_MEMBERS')),
    kind: 'money',
    en: 'Income per family member',
    fr: 'Revenu par membre de la famille',
  },
  {
    name: 'INCOME_PER_CHILD',
    sql: ratio(c('AMT_INCOME_TOTAL'), `1 + ${c('CNT_CHILDREN')}`),
    kind: 'money',
    en: 'Income per child (plus one)',
    fr: 'Revenu par enfant (plus un)',
  },
  {
    name: 'ANNUITY_PER_PERSON',
    sql: ratio(c('AMT_ANNUITY'), c('CNT_FAM_MEMBERS')),
    kind: 'money',
    en: 'Annuity per family member',
    fr: 'Annuité par membre de la famille',
  },
  {
    name: 'CHILDREN_RATIO',
    sql: ratio(c('CNT_CHILDREN'), c('CNT_FAM_MEMBERS')),
    kind: 'ratio',
    en: 'Children / family members',
    fr: 'Enfants / membres de la famille',
  },
  {
    name: 'INCOME_AFTER_ANNUITY',
    sql: `${c('AMT_INCOME_TOTAL')} - ${c('AMT_ANNUITY')}`,
    kind: 'money',
    en: 'Income minus annuity',
    fr: 'Revenu moins annuité',
  },
  {
    name: 'REGISTRATION_AGE_RATIO',
    sql: ratio(c('DAYS_REGISTRATION'), c('DAYS_BIRTH')),
    kind: 'ratio',
    en: 'Time since registration change / age',
    fr: "Ancienneté de l'enregistrement / âge",
    sensitive: true,
  },
  {
    name: 'ID_PUBLISH_AGE_RATIO',
    sql: ratio(c('DAYS_ID_PUBLISH'), c('DAYS_BIRTH')),
    kind: 'ratio',
    en: 'Time since identity document change / age',
    fr: "Ancienneté de la pièce d'identité / âge",
    sensitive: true,
  },
  {
    name: 'PHONE_CHANGE_AGE_RATIO',
    sql: ratio(c('DAYS_LAST_PHONE_CHANGE'), c('DAYS_BIRTH')),
    kind: 'ratio',
    en: 'Time since phone change / age',
    fr: 'Ancienneté du téléphone / âge',
    sensitive: true,
  },
  {
    name: 'PHONE_CHANGE_EMPLOYED_RATIO',
    sql: ratio(c('DAYS_LAST_PHONE_CHANGE'), EMPLOYED),
    kind: 'ratio',
    en: 'Time since phone change / time in current job',
    fr: "Ancienneté du téléphone / ancienneté dans l'emploi",
  },
  {
    name: 'CAR_AGE_RATIO',
    sql: ratio(`${c('OWN_CAR_AGE')} * 365.25`, `-${c('DAYS_BIRTH')}`),
    kind: 'ratio',
    en: 'Age of the car / age',
    fr: 'Âge de la voiture / âge',
    sensitive: true,
  },
  {
    name: 'CAR_EMPLOYED_RATIO',
    sql: ratio(`${c('OWN_CAR_AGE')} * 365.25`, `-${EMPLOYED}`),
    kind: 'ratio',
    en: 'Age of the car / time in current job',
    fr: "Âge de la voiture / ancienneté dans l'emploi",
  },
  {
    name: 'EXT_SOURCE_MEAN',
    sql: `list_avg(${EXT})`,
    kind: 'score',
    en: 'External scores: mean of those known',
    fr: 'Scores externes : moyenne des scores connus',
  },
  {
    name: 'EXT_SOURCE_MIN',
    sql: `list_min(${EXT})`,
    kind: 'score',
    en: 'External scores: lowest',
    fr: 'Scores externes : le plus bas',
  },
  {
    name: 'EXT_SOURCE_MAX',
    sql: `list_max(${EXT})`,
    kind: 'score',
    en: 'External scores: highest',
    fr: 'Scores externes : le plus haut',
  },
  {
    name: 'EXT_SOURCE_STD',
    sql: `list_stddev_samp(${EXT})`,
    kind: 'number',
    en: 'External scores: standard deviation',
    fr: 'Scores externes : écart-type',
  },
  {
    name: 'EXT_SOURCE_PROD',
    sql: `${c('EXT_SOURCE_1')} * ${c('EXT_SOURCE_2')} * ${c('EXT_SOURCE_3')}`,
    kind: 'score',
    en: 'External scores: product of the three',
    fr: 'Scores externes : produit des trois',
  },
  {
    name: 'EXT_SOURCE_WEIGHTED',
    sql: `(2 * coalesce(${c('EXT_SOURCE_1')}, 0) + coalesce(${c('EXT_SOURCE_2')}, 0) + 3 * coalesce(${c('EXT_SOURCE_3')}, 0)) / NULLIF(2 * CAST(${c('EXT_SOURCE_1')} IS NOT NULL AS INTEGER) + CAST(${c('EXT_SOURCE_2')} IS NOT NULL AS INTEGER) + 3 * CAST(${c('EXT_SOURCE_3')} IS NOT NULL AS INTEGER), 0)`,
    kind: 'score',
    en: 'External scores: weighted mean (2, 1, 3) of those known',
    fr: 'Scores externes : moyenne pondérée (2, 1, 3) des scores connus',
  },
  {
    name: 'EXT_SOURCE_MISSING',
    sql: nullCount(['EXT_SOURCE_1', 'EXT_SOURCE_2', 'EXT_SOURCE_3']),
    kind: 'count',
    en: 'External scores: number missing',
    fr: 'Scores externes : nombre manquant',
  },
  {
    name: 'DOCUMENT_COUNT',
    sql: sumOf(DOCUMENTS),
    kind: 'count',
    en: 'Documents provided',
    fr: 'Documents fournis',
  },
  {
    name: 'CONTACT_COUNT',
    sql: sumOf(CONTACTS),
    kind: 'count',
    en: 'Contact details provided (phones, e-mail)',
    fr: 'Coordonnées fournies (téléphones, e-mail)',
  },
  {
    name: 'ADDRESS_MISMATCH_COUNT',
    sql: sumOf(ADDRESSES),
    kind: 'count',
    en: 'Address and work place mismatches',
    fr: 'Discordances entre adresses et lieu de travail',
  },
  {
    name: 'ENQUIRIES_TOTAL',
    sql: sumOf(ENQUIRIES),
    kind: 'count',
    en: 'Credit bureau enquiries in the year before',
    fr: "Consultations du bureau de crédit dans l'année avant",
  },
  {
    name: 'BUILDING_MISSING',
    sql: nullCount(BUILDING),
    kind: 'count',
    en: 'Building information: number of fields missing',
    fr: "Informations sur l'immeuble : nombre de champs manquants",
  },
  {
    name: 'SOCIAL_DEF30_RATIO',
    sql: ratio(c('DEF_30_CNT_SOCIAL_CIRCLE'), c('OBS_30_CNT_SOCIAL_CIRCLE')),
    kind: 'ratio',
    en: 'Social circle: defaults / observed at 30 days past due',
    fr: 'Entourage : défauts / observés à 30 jours de retard',
  },
  {
    name: 'SOCIAL_DEF60_RATIO',
    sql: ratio(c('DEF_60_CNT_SOCIAL_CIRCLE'), c('OBS_60_CNT_SOCIAL_CIRCLE')),
    kind: 'ratio',
    en: 'Social circle: defaults / observed at 60 days past due',
    fr: 'Entourage : défauts / observés à 60 jours de retard',
  },
];

/** Domain ratios, external-score statistics and flag counts of the application. */
export function applicationDerived(): FeatureDef[] {
  return DERIVED.map((d) =>
    feature({
      name: d.name,
      sql: d.sql,
      kind: d.kind,
      label: { en: d.en, fr: d.fr },
      description: {
        en: `${d.en} (computed from the application).`,
        fr: `${d.fr} (calculé à partir de la demande).`,
      },
      ...(d.unit ? { unit: d.unit } : {}),
      tables: TABLES,
      ...(d.actionable ? { actionable: true } : {}),
      ...(d.sensitive ? { sensitive: true } : {}),
    }),
  );
}
