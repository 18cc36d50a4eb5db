import { HISTORY_TABLE_NAMES, type HistoryTableName } from '../../data/index.js';

/** A JSON value of one field of a row (numbers, strings, or missing). */
export type FieldValue = string | number | null;

/** One row of a table as field name -> value; absent fields are missing values. */
export type InputRow = Readonly<Record<string, FieldValue>>;

/** The history tables an application may bring along, keyed by their real table names. */
export const HISTORY_TABLES = HISTORY_TABLE_NAMES;
export type HistoryTable = HistoryTableName;

/**
 * One application, validated: its application_train fields (TARGET ignored) and the rows of
 * its history, each child row carrying the application's SK_ID_CURR.
 */
export interface ApplicationInput {
  readonly application: InputRow;
  readonly history: Readonly<Record<HistoryTable, readonly InputRow[]>>;
}
