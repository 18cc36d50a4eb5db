export type { ColumnFacts, ColumnType } from './column-facts.js';
export { COLUMN_FACTS } from './columns.generated.js';
export { HISTORY_TABLE_NAMES, SQL_TYPE, TABLES, TABLE_NAMES, tableSpec } from './tables.js';
export type { ColumnSpec, HistoryTableName, ParentLink, TableName, TableSpec } from './tables.js';
