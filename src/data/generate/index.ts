export { generateDataset } from './generate-dataset.js';
export type { GenerateOptions, GenerateSummary, GeneratedFile } from './generate-dataset.js';
export { MAX_CLIENTS, parseClients, parseSeed } from './options.js';
export { OUTPUT_FILES, OUTPUT_HEADERS, TRUTH_HEADER } from './output-files.js';
export { truePd } from './true-pd.js';
export { checkDataset } from './check.js';
export type { CheckReport, ColumnCheck } from './check.js';
