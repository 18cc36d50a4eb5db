import type { ClientField } from '../types';

/** The groups an advisor chooses from, in the order shown. */
export const FIELD_GROUPS = [
  'identity',
  'family',
  'income',
  'employment',
  'bureau',
  'loans',
  'other',
] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

export const DEFAULT_GROUPS: readonly FieldGroup[] = ['identity', 'family', 'income', 'employment'];

const IDENTITY = new Set([
  'CODE_GENDER',
  'DAYS_BIRTH',
  'NAME_EDUCATION_TYPE',
  'NAME_HOUSING_TYPE',
  'FLAG_OWN_CAR',
  'FLAG_OWN_REALTY',
  'OWN_CAR_AGE',
  'DAYS_REGISTRATION',
  'DAYS_ID_PUBLISH',
  'REGION_RATING_CLIENT',
  'REGION_RATING_CLIENT_W_CITY',
  'REGION_POPULATION_RELATIVE',
]);
const FAMILY = new Set([
  'CNT_CHILDREN',
  'NAME_FAMILY_STATUS',
  'CNT_FAM_MEMBERS',
  'NAME_TYPE_SUITE',
  'INCOME_PER_PERSON',
  'INCOME_PER_CHILD',
  'ANNUITY_PER_PERSON',
  'CHILDREN_RATIO',
]);
const EMPLOYMENT = new Set([
  'DAYS_EMPLOYED',
  'DAYS_EMPLOYED_ANOM',
  'OCCUPATION_TYPE',
  'ORGANIZATION_TYPE',
  'NAME_INCOME_TYPE',
  'EMPLOYED_AGE_RATIO',
  'FLAG_EMP_PHONE',
  'FLAG_WORK_PHONE',
  'PHONE_CHANGE_EMPLOYED_RATIO',
  'CAR_EMPLOYED_RATIO',
]);
const INCOME_PREFIXES = [
  'AMT_INCOME',
  'AMT_CREDIT',
  'AMT_ANNUITY',
  'AMT_GOODS',
  'EXT_SOURCE',
  'CREDIT_',
  'ANNUITY_',
  'GOODS_',
];
const INCOME = new Set(['NAME_CONTRACT_TYPE', 'PERSONAL_CONTRIBUTION', 'INCOME_AFTER_ANNUITY']);

/** Which group a field belongs to: the application's fields by meaning, the histories by table. */
export function groupOfField(field: Pick<ClientField, 'name' | 'origin'>): FieldGroup {
  const { name, origin } = field;
  if (
    origin === 'bureau' ||
    name.startsWith('BURO_') ||
    name.startsWith('AMT_REQ_CREDIT_BUREAU') ||
    name === 'ENQUIRIES_TOTAL'
  )
    return 'bureau';
  if (origin === 'previous' || origin === 'pos_cash' || origin === 'installments' || origin === 'credit_card')
    return 'loans';
  if (origin === 'combined') return 'loans';
  if (IDENTITY.has(name)) return 'identity';
  if (FAMILY.has(name) || name.includes('SOCIAL_CIRCLE') || name.startsWith('SOCIAL_')) return 'family';
  if (EMPLOYMENT.has(name) || name.includes('NOT_WORK')) return 'employment';
  if (INCOME.has(name) || INCOME_PREFIXES.some((p) => name.startsWith(p))) return 'income';
  return 'other';
}

/** Fields by group, keeping the service's order inside each. */
export function groupFields(fields: readonly ClientField[]): Map<FieldGroup, ClientField[]> {
  const groups = new Map<FieldGroup, ClientField[]>(FIELD_GROUPS.map((g) => [g, []]));
  for (const field of fields) groups.get(groupOfField(field))!.push(field);
  return groups;
}
