// The public surface of drift monitoring: compare two data sets (Evidently DataDriftPreset
// method), prediction drift, the report's schema, its files and its HTML page.
export { compareDataSets, datasetDrift, APPLICATION_EXCLUDED, DEFAULT_DRIFT_SHARE } from './dataset-drift.js';
export type { CompareOptions } from './dataset-drift.js';
export { columnDrift } from './column-drift.js';
export type { ColumnSpec } from './column-drift.js';
export type { ColumnValues } from './column-values.js';
export type { Storage } from './column-type.js';
export { memorySource } from './data-source.js';
export type { DataSource } from './data-source.js';
export { applicationTableSource, csvSource, featureTableSource } from './sql-source.js';
export { parseSince, readScoredApplications, scoredSource } from './scored-reader.js';
export type { ScoredApplication, ScoredSet, SkippedLine } from './scored-reader.js';
export { predictionDrift, withPredictionDrift, PREDICTION_COLUMN } from './prediction-drift.js';
export { validateDriftOptions } from './drift-options.js';
export { DriftReportSchema, ColumnDriftSchema } from './report-schema.js';
export type { ColumnDrift, DatasetDrift, Distribution, DriftOptions, DriftReport } from './report-schema.js';
export { STAT_TESTS, STAT_TEST_NAMES, defaultStatTest, isStatTestName } from './stattests/registry.js';
export type { ColumnType, StatTestName } from './stattests/registry.js';
export { renderHtmlReport } from './html/html-report.js';
export { defaultHtmlPath, latestReportPath, readLatestReport, writeDriftReport } from './report-files.js';
