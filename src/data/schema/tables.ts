import type { ColumnFacts, ColumnType } from './column-facts.js';
import { COLUMN_FACTS } from './columns.generated.js';

const APPLICATIONS = ['application_train', 'application_test'] as const;

/** The six tables of a client's history (everything but the application files), in Kaggle order. */
export const HISTORY_TABLE_NAMES = [
  'bureau',
  'bureau_balance',
  'previous_application',
  'POS_CASH_balance',
  'installments_payments',
  'credit_card_balance',
] as const;
export type HistoryTableName = (typeof HISTORY_TABLE_NAMES)[number];

/** The eight Kaggle files, by table name (file name without .csv). */
export const TABLE_NAMES = [...APPLICATIONS, ...HISTORY_TABLE_NAMES] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** The DuckDB type each column type is stored as, wherever a table is created or read. */
export const SQL_TYPE: Readonly<Record<ColumnType, string>> = {
  int: 'BIGINT',
  float: 'DOUBLE',
  string: 'VARCHAR',
};

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
}

export interface ParentLink {
  readonly column: string;
  /** The parent tables holding the same key column (either may hold it: train or test). */
  readonly targets: readonly TableName[];
}

export interface TableSpec {
  readonly name: TableName;
  readonly file: string;
  /** Columns in the exact order of the real header. */
  readonly columns: readonly ColumnSpec[];
  /** Columns that identify a row or link it to its parent: never loaded as NULL. */
  readonly keyColumns: readonly string[];
  /** Column whose values must be unique, if any. */
  readonly uniqueKey?: string;
  /** Links to parent rows; a value found in none of a link's loaded targets is an orphan (counted, not fatal). */
  readonly parents: readonly ParentLink[];
  readonly required: boolean;
}

const toSpecs = (facts: readonly ColumnFacts[]): ColumnSpec[] =>
  facts.map((f) => ({ name: f.name, type: f.dtype }));
const trainColumns = toSpecs(COLUMN_FACTS.application_train);

function table(
  name: TableName,
  columns: readonly ColumnSpec[],
  rest: Omit<TableSpec, 'name' | 'file' | 'columns' | 'required'> & { required?: boolean },
): TableSpec {
  return { name, file: `${name}.csv`, columns, required: rest.required ?? false, ...rest };
}

const linkToApplication: ParentLink = { column: 'SK_ID_CURR', targets: APPLICATIONS };

/** Every Kaggle table with its real column order, types and keys. */
export const TABLES: readonly TableSpec[] = [
  table('application_train', trainColumns, {
    keyColumns: ['SK_ID_CURR', 'TARGET'],
    uniqueKey: 'SK_ID_CURR',
    parents: [],
    required: true,
  }),
  table(
    'application_test',
    trainColumns.filter((c) => c.name !== 'TARGET'),
    { keyColumns: ['SK_ID_CURR'], uniqueKey: 'SK_ID_CURR', parents: [] },
  ),
  table('bureau', toSpecs(COLUMN_FACTS.bureau), {
    keyColumns: ['SK_ID_CURR', 'SK_ID_BUREAU'],
    uniqueKey: 'SK_ID_BUREAU',
    parents: [linkToApplication],
  }),
  table('bureau_balance', toSpecs(COLUMN_FACTS.bureau_balance), {
    keyColumns: ['SK_ID_BUREAU'],
    parents: [{ column: 'SK_ID_BUREAU', targets: ['bureau'] }],
  }),
  table('previous_application', toSpecs(COLUMN_FACTS.previous_application), {
    keyColumns: ['SK_ID_PREV', 'SK_ID_CURR'],
    uniqueKey: 'SK_ID_PREV',
    parents: [linkToApplication],
  }),
  ...(['POS_CASH_balance', 'installments_payments', 'credit_card_balance'] as const).map((name) =>
    table(name, toSpecs(COLUMN_FACTS[name]), {
      keyColumns: ['SK_ID_PREV', 'SK_ID_CURR'],
      parents: [{ column: 'SK_ID_PREV', targets: ['previous_application'] }, linkToApplication],
    }),
  ),
];

/** The spec of one table by name. */
export function tableSpec(name: TableName): TableSpec {
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`unknown table ${name}`);
  return spec;
}
