import { describe, expect, it } from 'vitest';

import { ClairscoreError } from '../../core/index.js';
import { fitLogisticRegression } from './fit.js';
import { LogisticRegression } from './model.js';
import { allRows, syntheticMatrix } from './synthetic.js';

const matrix = syntheticMatrix({
  rows: 1_500,
  numeric: 5,
  categorical: [5],
  beta: [0.7, -0.4],
  levelEffect: 0.5,
  missingColumns: 0.4,
  missingRate: 0.25,
  seed: 9,
});
const model = fitLogisticRegression(matrix, allRows(1_000), { minCategoryCount: 20 });

function expectBadModel(input: unknown, pattern: RegExp): void {
  try {
    LogisticRegression.fromJSON(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ClairscoreError);
    expect((error as ClairscoreError).code).toBe('CS_ERR_BAD_VALUE');
    expect((error as ClairscoreError).message).toMatch(pattern);
    return;
  }
  expect.fail('the model was accepted');
}

describe('logistic regression model JSON', () => {
  it('save -> load gives identical predictions, coefficients and summary', () => {
    const text = JSON.stringify(model);
    const loaded = LogisticRegression.fromJSON(text);
    expect(loaded.predictProbability(matrix)).toEqual(model.predictProbability(matrix));
    expect(loaded.coefficients).toEqual(model.coefficients);
    expect(loaded.training).toEqual(model.training);
    expect(loaded.columns).toEqual(['x0', 'x1', 'x2', 'x3', 'x4', 'c0']);
    expect(JSON.stringify(loaded)).toBe(text);
    expect(LogisticRegression.fromJSON(JSON.parse(text)).intercept).toBe(model.intercept);
  });

  it('refuses text that is not JSON', () => {
    expectBadModel('{"format": "clairscore-logistic-regression",', /not JSON/);
  });

  it('refuses another shape, a missing field, a wrong type or extra fields', () => {
    const json = model.toJSON();
    expectBadModel({ ...json, format: 'lightgbm' }, /format/);
    const withoutIntercept: Partial<typeof json> = { ...json };
    delete withoutIntercept.intercept;
    expectBadModel(withoutIntercept, /intercept/);
    expectBadModel({ ...json, C: '1' }, /\/C/);
    expectBadModel({ ...json, surprise: true }, /not a valid/);
    expectBadModel(null, /not a valid/);
  });

  it('refuses contents the shape cannot rule out', () => {
    const json = model.toJSON();
    const features = json.features;
    const edit = (i: number, patch: object): unknown => ({
      ...json,
      features: features.map((f, k) => (k === i ? { ...f, ...patch } : f)),
    });
    const level = features.findIndex((f) => f.kind === 'level');
    expectBadModel(edit(0, { scale: 0 }), /scale/);
    expectBadModel(edit(0, { weight: Number.POSITIVE_INFINITY }), /features\/0\/weight/);
    expectBadModel(edit(0, { name: 'x9' }), /should be named x0/);
    expectBadModel(edit(0, { median: undefined }), /median/);
    expectBadModel(edit(level, { level: 1.5 }), /level/);
    expectBadModel({ ...json, features: [...features, features[0]] }, /twice/);
    expectBadModel({ ...json, columns: ['x0'] }, /columns/);
  });
});
