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
