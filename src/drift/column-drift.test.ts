import { describe, expect, it } from 'vitest';

import { columnDrift } from './column-drift.js';
import { defaultStatTest } from './stattests/registry.js';

const nums = (values: readonly number[]): Float64Array => Float64Array.from(values);
const repeat = <T>(values: readonly T[], times: number): T[] =>
  Array.from({ length: times }, () => values).flat();

describe('default test selection (drift.md §2)', () => {
  it('1000 reference rows is small, 1001 large', () => {
    expect(defaultStatTest('num', 1000, 50)).toBe('ks');
    expect(defaultStatTest('num', 1001, 50)).toBe('wasserstein');
    expect(defaultStatTest('cat', 1000, 3)).toBe('chisquare');
    expect(defaultStatTest('cat', 1001, 3)).toBe('jensenshannon');
  });

  it('numerical columns with few values are tested as categories', () => {
    expect(defaultStatTest('num', 500, 5)).toBe('chisquare');
    expect(defaultStatTest('num', 500, 6)).toBe('ks');
    expect(defaultStatTest('num', 500, 2)).toBe('z');
    expect(defaultStatTest('num', 5000, 5)).toBe('jensenshannon');
    expect(defaultStatTest('cat', 500, 2)).toBe('z');
    expect(defaultStatTest('text', 500, 2)).toBeUndefined();
  });
});

describe('one column', () => {
  const spread = Array.from({ length: 300 }, (_, i) => i % 37);

  it('drops NaN and ±Infinity before testing, counting them as missing', () => {
    const result = columnDrift(
      { name: 'x', storage: 'float' },
      nums([...spread, Number.NaN, Number.POSITIVE_INFINITY]),
      nums([...spread, Number.NEGATIVE_INFINITY]),
    );
    expect(result.reference).toMatchObject({ rows: 300, missing: 2 });
    expect(result.current).toMatchObject({ rows: 300, missing: 1 });
    expect(result.stattest).toBe('ks');
    expect(result.driftScore).toBe(1);
    expect(result.driftDetected).toBe(false);
  });

  it('an all-missing column is not tested, with the reason', () => {
    const result = columnDrift({ name: 'x', storage: 'float' }, nums(spread), nums([Number.NaN, Number.NaN]));
    expect(result.status).toBe('not_tested');
    expect(result.reason).toBe('all 2 values are missing in the current set');
    expect(result.driftDetected).toBe(false);
  });

  it('a constant column is tested (no drift) and noted', () => {
    const result = columnDrift({ name: 'flag', storage: 'int' }, nums(new Array(50).fill(1)), nums([1, 1]));
    expect(result.status).toBe('tested');
    expect(result.columnType).toBe('cat');
    expect(result.stattest).toBe('z');
    expect(result.driftScore).toBe(1);
    expect(result.note).toContain('constant');
  });

  it('a chi-square forced on a constant column is not tested (undefined statistic)', () => {
    const result = columnDrift({ name: 'c', storage: 'string' }, repeat(['a'], 10), repeat(['a'], 5), {
      method: 'chisquare',
    });
    expect(result.status).toBe('not_tested');
    expect(result.reason).toContain('undefined');
  });

  it('a numerical-only test asked for a categorical column is not tested', () => {
    const result = columnDrift(
      { name: 'c', storage: 'string' },
      repeat(['a', 'b'], 10),
      repeat(['a', 'b'], 5),
      {
        method: 'ks',
      },
    );
    expect(result.status).toBe('not_tested');
    expect(result.reason).toBe('K-S p_value applies to numerical columns only');
  });

  it('integers: at most 10 distinct values are categorical, more numerical', () => {
    const ten = Array.from({ length: 100 }, (_, i) => i % 10);
    const eleven = Array.from({ length: 100 }, (_, i) => i % 11);
    expect(columnDrift({ name: 'a', storage: 'int' }, nums(ten), nums(ten)).columnType).toBe('cat');
    expect(columnDrift({ name: 'b', storage: 'int' }, nums(eleven), nums(eleven)).columnType).toBe('num');
  });

  it('strings with more than half their values distinct are text, not tested', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `id-${i}`);
    const result = columnDrift({ name: 't', storage: 'string' }, ids, ids);
    expect(result.columnType).toBe('text');
    expect(result.status).toBe('not_tested');
  });

  it('overrides: per column wins over per type, which wins over global (method and threshold)', () => {
    const ref = Array.from({ length: 2000 }, (_, i) => i % 100);
    const cur = Array.from({ length: 2000 }, (_, i) => (i % 100) + 3);
    const options = {
      method: 'psi' as const,
      numMethod: 'ks' as const,
      perColumnMethod: { y: 'jensenshannon' as const },
      threshold: 0.3,
      numThreshold: 0.2,
      perColumnThreshold: { y: 0.15 },
    };
    const x = columnDrift({ name: 'x', storage: 'float' }, nums(ref), nums(cur), options);
    const y = columnDrift({ name: 'y', storage: 'float' }, nums(ref), nums(cur), options);
    const z = columnDrift({ name: 'z', storage: 'string' }, ref.map(String), cur.map(String), options);
    expect([x.stattest, x.stattestThreshold]).toEqual(['ks', 0.2]);
    expect([y.stattest, y.stattestThreshold]).toEqual(['jensenshannon', 0.15]);
    expect([z.stattest, z.stattestThreshold]).toEqual(['psi', 0.3]);
  });

  it('K-S drifts at p <= threshold, chi-square only at p < threshold', () => {
    const ref = repeat(['a', 'b', 'c'], 100);
    const cur = repeat(['a', 'b', 'c'], 50);
    const chi = columnDrift({ name: 'c', storage: 'string' }, ref, cur, { threshold: 1 });
    expect(chi.driftScore).toBeCloseTo(1, 12);
    expect(chi.driftDetected).toBe(chi.driftScore! < 1);
    const ks = columnDrift({ name: 'k', storage: 'float' }, nums(spread), nums(spread), { threshold: 1 });
    expect(ks.driftScore).toBe(1);
    expect(ks.driftDetected).toBe(true);
  });
});
