/**
 * The registered tests with Evidently's names, display names, default thresholds, the
 * column types each accepts and its drift condition (drift.md §2, the asymmetric
 * comparisons kept: K-S drifts at p <= threshold, chi-square and Z at p < threshold).
 */
import type { CleanColumn } from '../column-values.js';
import { chiSquarePValue, jensenShannon, ksPValue, psi, wassersteinNormed, zTestPValue } from './tests.js';

export const STAT_TEST_NAMES = ['ks', 'chisquare', 'z', 'wasserstein', 'jensenshannon', 'psi'] as const;
export type StatTestName = (typeof STAT_TEST_NAMES)[number];

/** Column types of drift.md §6; text columns are recognised but not drift-tested here. */
export type ColumnType = 'num' | 'cat' | 'text';

export interface StatTest {
  readonly name: StatTestName;
  /** Evidently's display_name, reported as stattestName. */
  readonly displayName: string;
  readonly defaultThreshold: number;
  readonly columnTypes: readonly ColumnType[];
  /** 'p-value': small scores mean drift; 'distance': large ones do. */
  readonly scoreKind: 'p-value' | 'distance';
  drifted(score: number, threshold: number): boolean;
  score(reference: CleanColumn, current: CleanColumn, type: ColumnType): number;
}

export const STAT_TESTS: Readonly<Record<StatTestName, StatTest>> = {
  ks: {
    name: 'ks',
    displayName: 'K-S p_value',
    defaultThreshold: 0.05,
    columnTypes: ['num'],
    scoreKind: 'p-value',
    drifted: (p, t) => p <= t,
    score: (r, c) => ksPValue(r, c),
  },
  chisquare: {
    name: 'chisquare',
    displayName: 'chi-square p_value',
    defaultThreshold: 0.05,
    columnTypes: ['cat'],
    scoreKind: 'p-value',
    drifted: (p, t) => p < t,
    score: (r, c) => chiSquarePValue(r, c),
  },
  z: {
    name: 'z',
    displayName: 'Z-test p_value',
    defaultThreshold: 0.05,
    columnTypes: ['cat'],
    scoreKind: 'p-value',
    drifted: (p, t) => p < t,
    score: (r, c) => zTestPValue(r, c),
  },
  wasserstein: {
    name: 'wasserstein',
    displayName: 'Wasserstein distance (normed)',
    defaultThreshold: 0.1,
    columnTypes: ['num'],
    scoreKind: 'distance',
    drifted: (v, t) => v >= t,
    score: (r, c) => wassersteinNormed(r, c),
  },
  jensenshannon: {
    name: 'jensenshannon',
    displayName: 'Jensen-Shannon distance',
    defaultThreshold: 0.1,
    columnTypes: ['cat', 'num'],
    scoreKind: 'distance',
    drifted: (v, t) => v >= t,
    score: (r, c, type) => jensenShannon(r, c, type === 'num'),
  },
  psi: {
    name: 'psi',
    displayName: 'PSI',
    defaultThreshold: 0.1,
    columnTypes: ['cat', 'num'],
    scoreKind: 'distance',
    drifted: (v, t) => v >= t,
    score: (r, c, type) => psi(r, c, type === 'num'),
  },
};

export function isStatTestName(name: string): name is StatTestName {
  return (STAT_TEST_NAMES as readonly string[]).includes(name);
}

/** Reference sizes up to this are "small" (p-value tests); above, distances (drift.md §2). */
export const SMALL_REFERENCE_MAX = 1000;

/**
 * Evidently's _get_default_stattest: by column type, non-null reference size and the number
 * of distinct values over both samples. Undefined for text columns (not implemented).
 */
export function defaultStatTest(
  type: ColumnType,
  referenceSize: number,
  distinctValues: number,
): StatTestName | undefined {
  if (type === 'text') return undefined;
  if (referenceSize <= SMALL_REFERENCE_MAX) {
    if (type === 'num' && distinctValues > 5) return 'ks';
    return distinctValues > 2 ? 'chisquare' : 'z';
  }
  return type === 'num' && distinctValues > 5 ? 'wasserstein' : 'jensenshannon';
}
