/** Age bands in years at application (from DAYS_BIRTH). */
export const AGE_BANDS = ['<25', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Income bands on AMT_INCOME_TOTAL (currency units per year). */
export const INCOME_BANDS = ['<100k', '100k-150k', '150k-200k', '200k-300k', '300k+'] as const;
export type IncomeBand = (typeof INCOME_BANDS)[number];

/**
 * A group of clients by their application: every given criterion must hold. Categorical values
 * are the raw levels of application_train (e.g. contractType 'Cash loans').
 */
export interface GroupFilter {
  readonly gender?: string;
  readonly ageBand?: AgeBand;
  readonly incomeBand?: IncomeBand;
  readonly contractType?: string;
  readonly familyStatus?: string;
  readonly education?: string;
}

export type FilterKey = keyof GroupFilter;

/** The values each filter accepts (bands, and the levels found in the data), for forms and validation. */
export type FilterOptions = Readonly<Record<FilterKey, readonly string[]>>;

/** Years at application: [lower, upper) per age band (no upper bound for the last). */
export const AGE_BOUNDS: Readonly<Record<AgeBand, readonly [number, number]>> = {
  '<25': [0, 25],
  '25-34': [25, 35],
  '35-44': [35, 45],
  '45-54': [45, 55],
  '55-64': [55, 65],
  '65+': [65, Number.POSITIVE_INFINITY],
};

/** AMT_INCOME_TOTAL: [lower, upper) per income band (no upper bound for the last). */
export const INCOME_BOUNDS: Readonly<Record<IncomeBand, readonly [number, number]>> = {
  '<100k': [0, 100_000],
  '100k-150k': [100_000, 150_000],
  '150k-200k': [150_000, 200_000],
  '200k-300k': [200_000, 300_000],
  '300k+': [300_000, Number.POSITIVE_INFINITY],
};

/** The raw application column behind each categorical filter. */
export const FILTER_COLUMNS = {
  gender: 'CODE_GENDER',
  contractType: 'NAME_CONTRACT_TYPE',
  familyStatus: 'NAME_FAMILY_STATUS',
  education: 'NAME_EDUCATION_TYPE',
} as const;

export const FILTER_KEYS: readonly FilterKey[] = [
  'gender',
  'ageBand',
  'incomeBand',
  'contractType',
  'familyStatus',
  'education',
];

/** The age band of an age in days before the application (DAYS_BIRTH, negative). */
export function ageBandOf(daysBirth: number): AgeBand {
  const years = -daysBirth / 365.25;
  return AGE_BANDS.find((band) => years < AGE_BOUNDS[band][1]) ?? '65+';
}
