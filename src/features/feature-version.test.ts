import { describe, expect, it } from 'vitest';

import { ClairscoreError } from '../core/index.js';
import { featureVersion } from './feature-schema.js';
import { assertSameFeatureVersion } from './feature-version.js';

describe('feature version', () => {
  const parts = {
    definitionSql: 'SELECT 1',
    categories: [{ feature: 'CODE_GENDER', levels: [{ level: 'F', code: 1, count: 3 }] }],
    dropped: [{ name: 'FLAG_MOBIL', reason: 'constant' as const }],
    excluded: ['CODE_GENDER'],
  };

  it('changes with the SQL, the dictionary, the dropped list and the exclusions', () => {
    const base = featureVersion(parts);
    expect(featureVersion({ ...parts })).toBe(base);
    expect(featureVersion({ ...parts, definitionSql: 'SELECT 2' })).not.toBe(base);
    expect(featureVersion({ ...parts, categories: [] })).not.toBe(base);
    expect(featureVersion({ ...parts, dropped: [] })).not.toBe(base);
    expect(featureVersion({ ...parts, excluded: [] })).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{16}$/);
  });

  it('refuses a model and a feature table of different versions, saying what to do', () => {
    expect(() => assertSameFeatureVersion('abc', 'abc')).not.toThrow();
    let error: unknown;
    try {
      assertSameFeatureVersion('aaaa', 'bbbb');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ClairscoreError);
    expect(error).toMatchObject({
      code: 'CS_ERR_FEATURE_VERSION',
      status: 409,
      details: { expected: 'aaaa', actual: 'bbbb' },
    });
    expect((error as Error).message).toMatch(/version aaaa.*version bbbb.*Retrain/s);
  });
});
