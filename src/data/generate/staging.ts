import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

import { ClairscoreError } from '../../core/index.js';

/**
 * Files are written into a hidden folder inside the output folder and renamed into place
 * only once all are complete, so an interrupted or failed run never leaves files that
 * look like a finished data set.
 */
export interface Staging {
  readonly out: string;
  readonly dir: string;
  /** Moves the named files from the staging folder into the output folder. */
  commit(files: readonly string[]): Promise<void>;
  /** Removes the staging folder and whatever it holds. */
  discard(): Promise<void>;
}

export async function stageOutput(out: string): Promise<Staging> {
  const resolved = path.resolve(out);
  const existing = await stat(resolved).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    throw outputError(`--out ${resolved} is a file; give a folder to write the CSV files into.`);
  }
  let dir: string;
  try {
    await mkdir(resolved, { recursive: true });
    dir = await mkdtemp(path.join(resolved, '.generate-'));
  } catch (error) {
    throw outputError(
      `Cannot write into ${resolved}: ${(error as Error).message}. Choose a writable folder with --out.`,
    );
  }
  return {
    out: resolved,
    dir,
    commit: async (files) => {
      for (const file of files) await rename(path.join(dir, file), path.join(resolved, file));
      await rm(dir, { recursive: true, force: true });
    },
    discard: () => rm(dir, { recursive: true, force: true }),
  };
}

export function outputError(message: string): ClairscoreError {
  return new ClairscoreError('CS_ERR_OUTPUT', message);
}
