import { COLUMN_FACTS } from '../../schema/index.js';

/** A column name of application_train, checked at compile time. */
export type AppColumn = (typeof COLUMN_FACTS.application_train)[number]['name'];

/** A written application value: number, string, or null for an empty (missing) field. */
export type AppValue = number | string | null;

/** One application row in application_train column order (TARGET included, null until drawn). */
export type AppRow = AppValue[];

/** Writes one field of the row being drawn. */
export type SetField = (column: AppColumn, value: AppValue) => void;

/** application_train column names in real header order. */
export const TRAIN_COLUMNS: readonly AppColumn[] = COLUMN_FACTS.application_train.map((c) => c.name);

/** Index of each column in an AppRow. */
export const COL = Object.fromEntries(TRAIN_COLUMNS.map((name, i) => [name, i])) as Readonly<
  Record<AppColumn, number>
>;

/** A fresh row with every field missing. */
export function emptyRow(): AppRow {
  return new Array<AppValue>(TRAIN_COLUMNS.length).fill(null);
}

/** A numeric field of a row (null when missing or not a number). */
export function num(row: AppRow, column: AppColumn): number | null {
  const v = row[COL[column]];
  return typeof v === 'number' ? v : null;
}

/** A string field of a row (null when missing). */
export function str(row: AppRow, column: AppColumn): string | null {
  const v = row[COL[column]];
  return typeof v === 'string' ? v : null;
}
