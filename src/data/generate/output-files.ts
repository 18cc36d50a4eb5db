import { TABLE_NAMES } from '../schema/index.js';
import { HISTORY_HEADERS } from './history/index.js';
import { applicationHeader } from './application/format-row.js';

/** The files a generated data set holds, in the order chunks carry them: the Kaggle eight, then truth. */
export const OUTPUT_FILES = [...TABLE_NAMES, 'truth'] as const;
export type OutputFile = (typeof OUTPUT_FILES)[number];

/** truth.csv: the true default probability of every client, for evaluation only. */
export const TRUTH_HEADER = 'SK_ID_CURR,TRUE_PD';

/** Header line of each output file (the Kaggle headers, exactly). */
export const OUTPUT_HEADERS: Readonly<Record<OutputFile, string>> = {
  application_train: applicationHeader(true),
  application_test: applicationHeader(false),
  ...HISTORY_HEADERS,
  truth: TRUTH_HEADER,
};

export const fileName = (file: OutputFile): string => `${file}.csv`;
