import type { DuckDBValue } from '@duckdb/node-api';

import { ClairscoreError } from '../core/index.js';
import {
  AGE_BOUNDS,
  FILTER_COLUMNS,
  FILTER_KEYS,
  INCOME_BOUNDS,
  type AgeBand,
  type FilterOptions,
  type GroupFilter,
  type IncomeBand,
} from './group-filter.js';

/** A WHERE condition and the values it binds ($n placeholders numbered from `first`). */
export interface BoundCondition {
  readonly sql: string;
  readonly params: readonly DuckDBValue[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a filter against the accepted values (CS_ERR_BAD_FILTER names the key and lists them):
 * only known keys, only strings, only values that exist. Values are then bound, never spliced.
 */
export function checkedFilter(filter: unknown, options: FilterOptions): GroupFilter {
  if (filter === undefined || filter === null) return {};
  if (!isRecord(filter)) throw new ClairscoreError('CS_ERR_BAD_FILTER', 'A group filter must be an object.');
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (!(FILTER_KEYS as readonly string[]).includes(key)) {
      throw new ClairscoreError(
        'CS_ERR_BAD_FILTER',
        `Unknown filter ${JSON.stringify(key.slice(0, 40))}: use ${FILTER_KEYS.join(', ')}.`,
        { key: key.slice(0, 40) },
      );
    }
    const accepted = options[key as keyof FilterOptions];
    if (typeof value !== 'string' || !accepted.includes(value)) {
      throw new ClairscoreError(
        'CS_ERR_BAD_FILTER',
        `Filter ${key} cannot be ${JSON.stringify(String(value).slice(0, 60))}: use one of ${accepted.map((a) => JSON.stringify(a)).join(', ')}.`,
        { key, accepted },
      );
    }
  }
  return filter as GroupFilter;
}

/** The condition of a checked filter on the application columns (alias `a`); TRUE when empty. */
export function filterCondition(filter: GroupFilter, first = 1): BoundCondition {
  const parts: string[] = [];
  const params: DuckDBValue[] = [];
  const bind = (value: DuckDBValue): string => {
    params.push(value);
    return `$${first + params.length - 1}`;
  };
  for (const key of ['gender', 'contractType', 'familyStatus', 'education'] as const) {
    const value = filter[key];
    if (value !== undefined) parts.push(`a."${FILTER_COLUMNS[key]}" = ${bind(value)}`);
  }
  if (filter.ageBand !== undefined) {
    const [lo, hi] = AGE_BOUNDS[filter.ageBand as AgeBand];
    parts.push(`(-a."DAYS_BIRTH" / 365.25) >= ${bind(lo)}`);
    if (Number.isFinite(hi)) parts.push(`(-a."DAYS_BIRTH" / 365.25) < ${bind(hi)}`);
  }
  if (filter.incomeBand !== undefined) {
    const [lo, hi] = INCOME_BOUNDS[filter.incomeBand as IncomeBand];
    parts.push(`a."AMT_INCOME_TOTAL" >= ${bind(lo)}`);
    if (Number.isFinite(hi)) parts.push(`a."AMT_INCOME_TOTAL" < ${bind(hi)}`);
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : 'TRUE', params };
}

export function isEmptyFilter(filter: GroupFilter): boolean {
  return Object.values(filter).every((v) => v === undefined);
}

/** The applications' raw columns the filters read, from whichever application tables exist. */
export function applicationRelation(tables: readonly string[]): string {
  const columns = ['SK_ID_CURR', 'DAYS_BIRTH', 'AMT_INCOME_TOTAL', ...Object.values(FILTER_COLUMNS)]
    .map((c) => `"${c}"`)
    .join(', ');
  return `(${tables.map((t) => `SELECT ${columns} FROM "${t}"`).join(' UNION ALL ')})`;
}
