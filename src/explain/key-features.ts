/**
 * The key features of similarity (nearest neighbours) and of the profile radar: ten fields an
 * advisor reads at a glance, covering the three external scores, age and employment, income,
 * the loan and its term, the current debts and the repayment record. Money is compared on a
 * log scale (a 10,000 gap matters more at 50,000 than at 2,000,000). See DESIGN.md.
 */
export const KEY_FEATURES: readonly string[] = [
  'EXT_SOURCE_1',
  'EXT_SOURCE_2',
  'EXT_SOURCE_3',
  'DAYS_BIRTH',
  'DAYS_EMPLOYED',
  'AMT_INCOME_TOTAL',
  'AMT_CREDIT',
  'CREDIT_TERM',
  'BURO_ACTIVE_COUNT',
  'INSTAL_LATE_SHARE',
];

/** Features compared after ln(1 + max(x, 0)). */
export const LOG_SCALED: ReadonlySet<string> = new Set(['AMT_INCOME_TOTAL', 'AMT_CREDIT']);
