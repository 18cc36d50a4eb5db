export * from './schema/index.js';
export { openDatabase, openDatabaseFile, withDatabase } from './database.js';
export type { Database, OpenOptions, Row } from './database.js';
export * from './ingest/index.js';
