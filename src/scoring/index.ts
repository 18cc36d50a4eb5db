// Batch scoring of an applications CSV with the champion (`clairscore score`).
export { scoreBatch } from './batch-score.js';
export type { BatchScoreOptions, BatchScoreSummary } from './batch-score.js';
export { readApplicationsCsv } from './application-csv.js';
export type { CsvApplication } from './application-csv.js';
