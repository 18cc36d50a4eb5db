import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { ClairscoreError } from '../../core/index.js';
import { TABLES, type TableSpec } from '../schema/index.js';

export interface DataFile {
  readonly spec: TableSpec;
  /** Absolute path of the CSV file, or undefined when it is absent (optional tables only). */
  readonly path: string | undefined;
}

/**
 * Finds the Kaggle files of a folder, by their exact Kaggle names. Other files (the
 * column-description CSV, sample_submission.csv) are left alone.
 */
export function findDataFiles(dataDir: string): DataFile[] {
  const dir = path.resolve(dataDir);
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) {
      throw new ClairscoreError(
        'CS_ERR_INPUT_NOT_FOUND',
        `${dir} is a file, not a folder: pass the folder holding the Kaggle CSV files to --data.`,
        { path: dir },
      );
    }
    entries = readdirSync(dir);
  } catch (error) {
    if (error instanceof ClairscoreError) throw error;
    throw new ClairscoreError(
      'CS_ERR_INPUT_NOT_FOUND',
      `The data folder ${dir} does not exist or cannot be read: pass the folder holding the Kaggle CSV files to --data.`,
      { path: dir, reason: (error as Error).message },
    );
  }
  const files = TABLES.map((spec) => ({
    spec,
    path: entries.includes(spec.file) ? path.join(dir, spec.file) : undefined,
  }));
  const train = files.find((f) => f.spec.required && f.path === undefined);
  if (train) throw requiredMissing(dir, train.spec, entries);
  for (const f of files) {
    if (f.path && !statSync(f.path).isFile()) {
      throw new ClairscoreError('CS_ERR_NOT_CSV', `${f.spec.file} in ${dir} is not a regular file.`, {
        path: f.path,
      });
    }
  }
  return files;
}

function requiredMissing(dir: string, spec: TableSpec, entries: readonly string[]): ClairscoreError {
  // A compressed or differently cased copy is the usual cause: say so.
  const near = entries.filter((e) => e.toLowerCase().startsWith(spec.name.toLowerCase()));
  const hint =
    near.length > 0
      ? ` Found ${near.join(', ')}: decompress or rename it to ${spec.file}.`
      : ` The folder holds ${entries.filter((e) => e.endsWith('.csv')).join(', ') || 'no CSV file'}.`;
  return new ClairscoreError(
    'CS_ERR_REQUIRED_FILE_MISSING',
    `${spec.file} is missing from ${dir}: it is required (the other Kaggle files are optional).${hint}`,
    { path: dir, file: spec.file },
  );
}
