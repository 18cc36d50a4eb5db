import type { HistoryRows } from '../types.js';
import { headerOf } from './sampling.js';

/** Header line of each secondary file, in the real column order the rows follow. */
export const HISTORY_HEADERS: Readonly<Record<keyof HistoryRows, string>> = {
  bureau: headerOf('bureau'),
  bureau_balance: headerOf('bureau_balance'),
  previous_application: headerOf('previous_application'),
  POS_CASH_balance: headerOf('POS_CASH_balance'),
  installments_payments: headerOf('installments_payments'),
  credit_card_balance: headerOf('credit_card_balance'),
};
