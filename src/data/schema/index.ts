export type { ColumnFacts, ColumnType } from './column-facts.js';
export { COLUMN_FACTS } from './columns.generated.js';
export { TABLES, TABLE_NAMES, tableSpec } from './tables.js';
export type { ColumnSpec, ParentLink, TableName, TableSpec } from './tables.js';
