// The public surface of the feature pipeline: the batch table, one application, the matrix
// for the model engine, the version check and the dictionary.
export { buildFeatureTable } from './batch/build-feature-table.js';
export type { BuildOptions, BuildSummary } from './batch/build-feature-table.js';
export { FeatureEngine } from './single/feature-engine.js';
export type { ApplicationFeatures } from './single/feature-engine.js';
export { parseApplicationJson, validateApplication } from './single/validate-application.js';
export type { ApplicationInput, HistoryTable, InputRow } from './single/application-input.js';
export { applicationJsonSchema } from './single/application-schema.js';
export { applicationFromDatabase, applicationsFromDatabase } from './single/application-from-database.js';
export type { Problem } from './single/domain-checks.js';
export { exportMatrix, exportWorkspaceMatrix } from './export/export-matrix.js';
export type { ExportOptions, FeatureMatrix } from './export/export-matrix.js';
export { assertSameFeatureVersion } from './feature-version.js';
export type { CategoryDictionary, CategoryLevel, FeatureColumn, FeatureSchema } from './feature-schema.js';
export { featureSchemaPath, readSchemaFile, readSchemaFromDatabase } from './schema-store.js';
export { featureDictionary, describeFeature } from './dictionary/feature-dictionary.js';
export type { FeatureEntry } from './dictionary/feature-dictionary.js';
export { formatValue } from './dictionary/format-value.js';
export { DEFAULT_EXCLUDED } from './exclusions.js';
export type { DroppedFeature } from './sql/drop-analysis.js';
export type { DisplayKind, FeatureOrigin, Lang, SourceName, Text } from './types.js';
