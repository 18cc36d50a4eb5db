export { ingestFolder } from './ingest-folder.js';
export { readLastIngest } from './ingest-runs.js';
export { sqlIdentifier, sqlString } from './sql-text.js';
export type { IngestOptions, IngestProgress, IngestSummary, OrphanCount, TableSummary } from './types.js';
