import { describe, expect, it } from 'vitest';
import { Booster } from './booster.js';
import { LightGbmError } from './errors.js';
import { datasetOf, makeTask, quickBooster, sliceTask, TEST_PARAMS } from './test-utils.js';

describe('Booster.predict', () => {
  const task = makeTask(2000, 8, 11);
  const rows = sliceTask(task, 0, 300).matrix;

  it('gives SHAP contributions (ncol + 1 per row, last = expected value) summing to the raw score', () => {
    using booster = quickBooster(task, 40);
    const raw = booster.predict(rows, { kind: 'raw' });
    const contrib = booster.predict(rows, { kind: 'contrib' });
    const width = rows.ncol + 1;
    expect(contrib).toHaveLength(rows.nrow * width);
    const expected = contrib[width - 1]!;
    let worst = 0;
    for (let r = 0; r < rows.nrow; r++) {
      const row = contrib.subarray(r * width, (r + 1) * width);
      expect(row[width - 1]).toBeCloseTo(expected, 12);
      worst = Math.max(worst, Math.abs(row.reduce((a, b) => a + b, 0) - raw[r]!));
    }
    expect(worst).toBeLessThan(1e-6);
    // Informative columns get larger contributions than noise.
    const meanAbs = (c: number): number => {
      let sum = 0;
      for (let r = 0; r < rows.nrow; r++) sum += Math.abs(contrib[r * width + c]!);
      return sum / rows.nrow;
    };
    expect(meanAbs(0)).toBeGreaterThan(3 * meanAbs(5));
  });

  it('maps raw scores through the sigmoid for probabilities', () => {
    using booster = quickBooster(task, 20);
    const raw = booster.predict(rows, { kind: 'raw' });
    const probability = booster.predict(rows);
    raw.forEach((score, i) => expect(probability[i]).toBeCloseTo(1 / (1 + Math.exp(-score)), 12));
  });

  it('predicts a single row (fast path) exactly as the same row within a batch, for every kind', () => {
    using booster = quickBooster(task, 30);
    const width = rows.ncol + 1;
    for (const kind of ['probability', 'raw', 'contrib'] as const) {
      const batch = booster.predict(rows, { kind });
      for (const r of [0, 17, 299]) {
        const one = { data: rows.data.slice(r * rows.ncol, (r + 1) * rows.ncol), nrow: 1, ncol: rows.ncol };
        const per = kind === 'contrib' ? width : 1;
        expect(booster.predict(one, { kind })).toEqual(batch.slice(r * per, (r + 1) * per));
      }
    }
  });

  it('honours iteration ranges, also on the single-row path', () => {
    using booster = quickBooster(task, 30);
    const row = { data: rows.data.slice(0, rows.ncol), nrow: 1, ncol: rows.ncol };
    const all = booster.predict(row, { kind: 'raw' });
    const first10 = booster.predict(row, { kind: 'raw', numIteration: 10 });
    const last20 = booster.predict(row, { kind: 'raw', startIteration: 10 });
    expect(first10[0]).not.toBe(all[0]);
    // Raw scores add up over trees (the first tree holds the initial score).
    expect(first10[0]! + last20[0]!).toBeCloseTo(all[0]!, 10);
    expect(booster.predict(row, { kind: 'raw' })).toEqual(all);
  });

  it('accepts Float64 matrices and gives the same result as Float32', () => {
    using booster = quickBooster(task, 10);
    const wide = { ...rows, data: Float64Array.from(rows.data) };
    expect(booster.predict(wide)).toEqual(booster.predict(rows));
  });

  it('follows a model that keeps training: cached single-row predictors are refreshed', () => {
    using dataset = datasetOf(task);
    using booster = Booster.create(TEST_PARAMS, dataset);
    const row = { data: rows.data.slice(0, rows.ncol), nrow: 1, ncol: rows.ncol };
    for (let i = 0; i < 5; i++) booster.updateOneIter();
    const after5 = booster.predict(row, { kind: 'raw' });
    for (let i = 0; i < 5; i++) booster.updateOneIter();
    const after10 = booster.predict(row, { kind: 'raw' });
    expect(after10[0]).not.toBe(after5[0]);
    expect(after10[0]).toBe(booster.predict(rows, { kind: 'raw' })[0]);
  });

  it('still predicts once its training dataset is freed, but refuses to train', () => {
    using booster = quickBooster(task, 5);
    const row = { data: rows.data.slice(0, rows.ncol), nrow: 1, ncol: rows.ncol };
    const before = booster.predict(row, { kind: 'raw' });
    expect(() => booster.updateOneIter()).toThrow(/dataset this booster uses has been freed/);
    expect(() => booster.evaluate(0)).toThrow(LightGbmError);
    expect(booster.predict(row, { kind: 'raw' })).toEqual(before);
  });
});
