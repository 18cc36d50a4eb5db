/**
 * Search spaces from JSON config files, and the default LightGBM space shipped beside this
 * file (imported as a JSON module so the build copies it into dist with the code).
 */
import { readFileSync } from 'node:fs';

import { ClairscoreError } from '../core/errors.js';
import defaultSpaceJson from './default-space.json' with { type: 'json' };
import type { SearchSpace } from './search-space.js';
import { parseSearchSpace } from './space-validation.js';

/** Reads and validates a LightGBM search space from a JSON file. */
export function loadSearchSpace(path: string): SearchSpace {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ClairscoreError(
      'CS_ERR_INPUT_NOT_FOUND',
      `Search space file ${path} cannot be read: check the path`,
      {
        path,
      },
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ClairscoreError(
      'CS_ERR_SEARCH_SPACE',
      `Search space file ${path} is not valid JSON: ${reason}`,
      {
        path,
      },
    );
  }
  return parseSearchSpace(raw, { names: 'lightgbm', source: path });
}

/** The default LightGBM search space (src/tuning/default-space.json). */
export function defaultSearchSpace(): SearchSpace {
  return parseSearchSpace(defaultSpaceJson, { names: 'lightgbm', source: 'default-space.json' });
}
