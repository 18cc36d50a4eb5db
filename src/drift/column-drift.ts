/**
 * Drift of one column, as Evidently's get_one_column_drift (drift.md §1): clean, pick the
 * test and threshold (overrides first, §5), run it. Where Evidently would raise (a column
 * empty after cleaning, a test that does not apply to the column type) the column is
 * reported "not tested" with the reason instead, so one bad column never stops a report.
 */
import { inferColumnType, type Storage } from './column-type.js';
import { CleanColumn, distinctInBoth, type ColumnValues } from './column-values.js';
import { distributionOf } from './distribution.js';
import type { ColumnDrift, DriftOptions, SideSummary } from './report-schema.js';
import { defaultStatTest, STAT_TESTS, type ColumnType, type StatTestName } from './stattests/registry.js';

export interface ColumnSpec {
  readonly name: string;
  readonly storage: Storage;
  /** An explicit type (wins over inference). */
  readonly type?: ColumnType;
}

/** The per-column method, else the type's, else the global one; undefined = Evidently's default rule. */
export function chosenMethod(
  options: DriftOptions,
  column: string,
  type: ColumnType,
): StatTestName | undefined {
  const typed = type === 'num' ? options.numMethod : type === 'cat' ? options.catMethod : undefined;
  return options.perColumnMethod?.[column] ?? typed ?? options.method;
}

/** The per-column threshold, else the type's, else the global one, else the test's default. */
export function chosenThreshold(
  options: DriftOptions,
  column: string,
  type: ColumnType,
  test: StatTestName,
): number {
  const typed = type === 'num' ? options.numThreshold : type === 'cat' ? options.catThreshold : undefined;
  return (
    options.perColumnThreshold?.[column] ?? typed ?? options.threshold ?? STAT_TESTS[test].defaultThreshold
  );
}

const summary = (column: CleanColumn): SideSummary => ({
  rows: column.size,
  missing: column.missing,
  distinct: column.distinct(),
});

export function columnDrift(
  spec: ColumnSpec,
  referenceValues: ColumnValues,
  currentValues: ColumnValues,
  options: DriftOptions = {},
): ColumnDrift {
  const reference = CleanColumn.from(referenceValues);
  const current = CleanColumn.from(currentValues);
  const type = spec.type ?? inferColumnType(spec.storage, reference);
  const base = {
    columnName: spec.name,
    columnType: type,
    reference: summary(reference),
    current: summary(current),
  };
  const notTested = (reason: string, test: StatTestName | null = null): ColumnDrift => ({
    ...base,
    status: 'not_tested',
    stattest: test,
    stattestName: test ? STAT_TESTS[test].displayName : null,
    stattestThreshold: null,
    driftScore: null,
    driftDetected: false,
    reason,
    distribution: reference.size > 0 && current.size > 0 ? distributionOf(reference, current, type) : null,
  });
  for (const [side, column, values] of [
    ['reference', reference, referenceValues],
    ['current', current, currentValues],
  ] as const) {
    if (column.size === 0) {
      return notTested(
        values.length === 0
          ? `the ${side} set has no rows`
          : `all ${values.length.toLocaleString('en-US')} values are missing in the ${side} set`,
      );
    }
  }
  if (reference.numeric !== current.numeric) {
    return notTested('the two sets store different value types (numbers in one, text in the other)');
  }
  if (type === 'text') {
    return notTested(
      'text column (more than half of its values are distinct): text drift is not implemented',
    );
  }
  if (type === 'num' && !reference.numeric) return notTested('a numerical column must hold numbers');
  const distinct = distinctInBoth(reference, current);
  const testName = chosenMethod(options, spec.name, type) ?? defaultStatTest(type, reference.size, distinct)!;
  const test = STAT_TESTS[testName];
  if (!test.columnTypes.includes(type)) {
    const accepted = test.columnTypes.map((t) => (t === 'num' ? 'numerical' : 'categorical')).join(' and ');
    return notTested(`${test.displayName} applies to ${accepted} columns only`, testName);
  }
  const threshold = chosenThreshold(options, spec.name, type, testName);
  const score = test.score(reference, current, type);
  if (!Number.isFinite(score)) {
    return notTested(`${test.displayName} is undefined for these values (${distinct} distinct)`, testName);
  }
  const constant = distinct === 1 ? [...reference.counts().keys()][0] : undefined;
  return {
    ...base,
    status: 'tested',
    stattest: testName,
    stattestName: test.displayName,
    stattestThreshold: threshold,
    driftScore: score,
    driftDetected: test.drifted(score, threshold),
    ...(constant !== undefined ? { note: `constant column: the single value ${constant} in both sets` } : {}),
    distribution: distributionOf(reference, current, type),
  };
}
