import { COLUMN_FACTS, tableSpec, type ColumnFacts } from '../../data/index.js';
import type { HistoryTable } from './application-input.js';

/** A problem found in an application: where (JSON pointer) and what. */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

type Table = 'application' | HistoryTable;

/**
 * Categorical columns whose full level set is known (SCHEMA.md §4 for the application, §14
 * for the history tables). Other text columns of the history tables accept any value: their
 * full level lists were never published and unseen levels simply count in no share.
 */
const LEVELS: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(
    (COLUMN_FACTS.application_train as readonly ColumnFacts[]).flatMap((c) =>
      c.levels ? [[`application.${c.name}`, c.levels.map(([level]) => level)]] : [],
    ),
  ),
  'bureau.CREDIT_ACTIVE': ['Closed', 'Active', 'Sold', 'Bad debt'],
  'bureau.CREDIT_CURRENCY': ['currency 1', 'currency 2', 'currency 3', 'currency 4'],
  'bureau.CREDIT_TYPE': [
    'Consumer credit',
    'Credit card',
    'Car loan',
    'Mortgage',
    'Microloan',
    'Loan for business development',
    'Another type of loan',
    'Unknown type of loan',
    'Loan for working capital replenishment',
    'Cash loan (non-earmarked)',
    'Real estate loan',
    'Loan for the purchase of equipment',
    'Loan for purchase of shares (margin lending)',
    'Interbank credit',
    'Mobile operator loan',
  ],
  'bureau_balance.STATUS': ['C', 'X', '0', '1', '2', '3', '4', '5'],
  'previous_application.NAME_CONTRACT_STATUS': ['Approved', 'Canceled', 'Refused', 'Unused offer'],
  'previous_application.NAME_CONTRACT_TYPE': ['Cash loans', 'Consumer loans', 'Revolving loans', 'XNA'],
  'POS_CASH_balance.NAME_CONTRACT_STATUS': [
    'Active',
    'Completed',
    'Signed',
    'Demand',
    'Returned to the store',
    'Approved',
    'Amortized debt',
    'Canceled',
    'XNA',
  ],
  'credit_card_balance.NAME_CONTRACT_STATUS': [
    'Active',
    'Completed',
    'Signed',
    'Demand',
    'Sent proposal',
    'Refused',
    'Approved',
  ],
};

/** Amounts and counts that cannot be negative (columns where the real data does go below 0 are left out). */
const NON_NEGATIVE: Readonly<Record<Table, readonly string[]>> = {
  application: [
    'AMT_INCOME_TOTAL',
    'AMT_CREDIT',
    'AMT_ANNUITY',
    'AMT_GOODS_PRICE',
    'CNT_CHILDREN',
    'CNT_FAM_MEMBERS',
    'OWN_CAR_AGE',
  ],
  bureau: [
    'CREDIT_DAY_OVERDUE',
    'AMT_CREDIT_MAX_OVERDUE',
    'CNT_CREDIT_PROLONG',
    'AMT_CREDIT_SUM_OVERDUE',
    'AMT_ANNUITY',
  ],
  bureau_balance: [],
  previous_application: ['AMT_ANNUITY', 'AMT_APPLICATION', 'AMT_CREDIT', 'AMT_GOODS_PRICE', 'CNT_PAYMENT'],
  POS_CASH_balance: ['CNT_INSTALMENT', 'CNT_INSTALMENT_FUTURE', 'SK_DPD', 'SK_DPD_DEF'],
  installments_payments: ['AMT_INSTALMENT', 'AMT_PAYMENT'],
  credit_card_balance: ['AMT_CREDIT_LIMIT_ACTUAL', 'SK_DPD', 'SK_DPD_DEF'],
};

/** Application 0/1 flags (integer columns named FLAG_* or *_NOT_*_REGION/CITY). */
const FLAGS = tableSpec('application_test')
  .columns.filter((c) => c.type === 'int' && (/^FLAG_/.test(c.name) || /_NOT_/.test(c.name)))
  .map((c) => c.name);

/** Checks the values of one row that have the right JSON type (type errors are reported elsewhere). */
export function checkRow(table: Table, row: Readonly<Record<string, unknown>>, path: string): Problem[] {
  const problems: Problem[] = [];
  for (const [field, value] of Object.entries(row)) {
    const at = `${path}/${field}`;
    const levels = LEVELS[`${table}.${field}`];
    if (levels && typeof value === 'string' && !levels.includes(value)) {
      const shown = levels.length <= 12 ? `: one of ${levels.map((l) => JSON.stringify(l)).join(', ')}` : '';
      problems.push({ path: at, message: `unknown category ${JSON.stringify(value)}${shown}` });
    }
    if (typeof value !== 'number') continue;
    if (NON_NEGATIVE[table].includes(field) && value < 0) {
      problems.push({ path: at, message: `must not be negative (got ${value})` });
    }
    if (table === 'application' && FLAGS.includes(field) && value !== 0 && value !== 1) {
      problems.push({ path: at, message: `a flag is 0 or 1 (got ${value})` });
    }
    if (table === 'application' && field === 'DAYS_BIRTH' && value >= 0) {
      problems.push({ path: at, message: `days before the application: must be negative (got ${value})` });
    }
  }
  return problems;
}
