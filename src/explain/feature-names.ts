import { ClairscoreError } from '../core/index.js';
import type { FeatureSchema } from '../features/index.js';

/** The feature table of the workspace database. */
export const FEATURE_TABLE = 'features';

const SAFE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,127}$/;

/**
 * The only way a feature name reaches SQL: it must be a column of the feature schema (and look
 * like one), then it is quoted. Anything else, an injection attempt included, is an unknown feature.
 */
export function checkedFeature(schema: FeatureSchema, name: unknown): string {
  if (typeof name === 'string' && SAFE_NAME.test(name) && schema.features.some((f) => f.name === name)) {
    return name;
  }
  const shown = typeof name === 'string' ? name.slice(0, 80) : typeof name;
  throw new ClairscoreError(
    'CS_ERR_UNKNOWN_FEATURE',
    `No feature named ${JSON.stringify(shown)} in the feature table. Use a name from \`clairscore features --describe\`.`,
    { name: shown },
  );
}

/** A checked name as a quoted SQL identifier. */
export function sqlIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Checks a client id is a positive integer. */
export function checkedId(id: unknown): number {
  if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) return id;
  throw new ClairscoreError('CS_ERR_UNKNOWN_CLIENT', `No client with id ${String(id).slice(0, 40)}.`, {
    id: String(id).slice(0, 40),
  });
}
