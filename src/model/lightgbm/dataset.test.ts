import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { rocAuc } from '../metrics.js';
import { Booster } from './booster.js';
import { Dataset } from './dataset.js';
import { denseMatrix } from './matrix.js';
import { datasetOf, makeTask, TEST_PARAMS } from './test-utils.js';
import { train } from './train.js';

/** Column 0: a category code 0..5 whose effect is not monotone; column 1: noise. */
function categoricalTask(rows: number, seed: number): { data: Float32Array; label: Float32Array } {
  const rng = new Rng(seed);
  const effect = [1.5, -1.5, 1.5, -1.5, 0, 1.5];
  const data = new Float32Array(rows * 2);
  const label = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    const code = rng.int(0, 5);
    data[r * 2] = code;
    data[r * 2 + 1] = rng.normal();
    label[r] = rng.chance(1 / (1 + Math.exp(-effect[code]!))) ? 1 : 0;
  }
  return { data, label };
}

describe('Dataset', () => {
  it('accepts categorical features and splits them by category', () => {
    const { data, label } = categoricalTask(3000, 41);
    using dataset = Dataset.fromMatrix(denseMatrix(data, 2), { label, categoricalFeatures: [0] });
    using booster = train(TEST_PARAMS, dataset, { numBoostRound: 1 }).booster;
    // The root is a categorical split (decision_type bit 0) on column 0 grouping the codes by
    // effect: {1, 3} on one side, {0, 2} on the other, which no threshold on the codes can do.
    const model = booster.modelToString();
    expect(model).toMatch(/^split_feature=0 /m);
    expect(model).toMatch(/^decision_type=1 /m);
    const bits = Number(/^cat_threshold=(\d+)/m.exec(model)?.[1]);
    const has = (code: number): boolean => (bits & (1 << code)) !== 0;
    expect(has(1)).toBe(has(3));
    expect(has(0)).toBe(has(2));
    expect(has(0)).not.toBe(has(1));
    const test = categoricalTask(1000, 42);
    using deeper = train(TEST_PARAMS, dataset, { numBoostRound: 20 }).booster;
    expect(rocAuc(test.label, deeper.predict(denseMatrix(test.data, 2)))).toBeGreaterThan(0.75);
  });

  it('treats NaN as missing, in training and in prediction', () => {
    // Column 0 is missing for a third of the rows, and missing rows are mostly positive.
    const rng = new Rng(43);
    const rows = 3000;
    const data = new Float32Array(rows * 2);
    const label = new Float32Array(rows);
    for (let r = 0; r < rows; r++) {
      const missing = rng.chance(1 / 3);
      data[r * 2] = missing ? Number.NaN : rng.normal();
      data[r * 2 + 1] = rng.normal();
      label[r] = rng.chance(missing ? 0.8 : 0.2) ? 1 : 0;
    }
    using dataset = Dataset.fromMatrix(denseMatrix(data, 2), { label });
    using booster = train(TEST_PARAMS, dataset, { numBoostRound: 20 }).booster;
    const [withNaN, withValue] = booster.predict(denseMatrix(Float32Array.of(Number.NaN, 0, 0, 0), 2));
    expect(withNaN).toBeGreaterThan(0.65);
    expect(withValue).toBeLessThan(0.35);
  });

  it('stores feature names in the booster, defaulting to Column_i', () => {
    const task = makeTask(300, 3, 44);
    using named = datasetOf(task, { featureNames: ['a', 'b', 'c'] });
    expect(named.featureNames).toEqual(['a', 'b', 'c']);
    expect([named.numData, named.numFeature]).toEqual([300, 3]);
    using booster = Booster.create(TEST_PARAMS, named);
    expect(booster.featureNames).toEqual(['a', 'b', 'c']);
    using unnamed = datasetOf(task);
    expect(unnamed.featureNames).toEqual(['Column_0', 'Column_1', 'Column_2']);
  });

  it('checks shapes before handing arrays to C', () => {
    const task = makeTask(10, 3, 45);
    expect(() => datasetOf(task, { weight: new Float32Array(9) })).toThrow(/9 weights for 10 rows/);
    expect(() => Dataset.fromMatrix(task.matrix, { label: new Float32Array(11) })).toThrow(
      /11 labels for 10 rows/,
    );
    expect(() => datasetOf(task, { categoricalFeatures: [3] })).toThrow(/index 3 is not a column/);
    expect(() => datasetOf(task, { featureNames: ['a'] })).toThrow(/1 feature names for 3 columns/);
    expect(() => denseMatrix(new Float32Array(10), 3)).toThrow(/10 values do not fill rows of 3 columns/);
    using reference = datasetOf(task);
    expect(() => datasetOf(makeTask(10, 4, 46), { reference })).toThrow(/reference dataset has 3 columns/);
  });
});

describe('Dataset.subset', () => {
  it('trains on chosen rows with their labels, as a copy of those rows would', () => {
    const task = makeTask(4000, 5, 91);
    // Labels of the odd rows are flipped: trained on them, the model ranks odd rows well and even
    // rows backwards; a subset that took any other rows' labels would rank both at chance.
    const label = task.label.map((value, row) => (row % 2 === 0 ? value : 1 - value));
    using full = Dataset.fromMatrix(task.matrix, { label });
    const odd = Int32Array.from({ length: 2000 }, (_, i) => 2 * i + 1);
    const even = Int32Array.from({ length: 2000 }, (_, i) => 2 * i);
    using trainSet = full.subset(odd);
    using validSet = full.subset(even);
    expect(trainSet.numData).toBe(2000);
    using booster = train({ ...TEST_PARAMS, metric: 'auc' }, trainSet, {
      valid: [validSet],
      numBoostRound: 30,
    }).booster;
    const rowsOf = (rows: Int32Array): Float32Array => {
      const out = new Float32Array(rows.length * 5);
      rows.forEach((row, i) => out.set(task.matrix.data.subarray(row * 5, row * 5 + 5), i * 5));
      return out;
    };
    const onOdd = booster.predict(denseMatrix(rowsOf(odd), 5));
    const onEven = booster.predict(denseMatrix(rowsOf(even), 5));
    expect(
      rocAuc(
        Array.from(odd, (row) => label[row]!),
        onOdd,
      ),
    ).toBeGreaterThan(0.7);
    expect(
      rocAuc(
        Array.from(even, (row) => label[row]!),
        onEven,
      ),
    ).toBeLessThan(0.3);
  });

  it('refuses rows out of range, unsorted or none', () => {
    const task = makeTask(100, 3, 92);
    using full = datasetOf(task);
    expect(() => full.subset(Int32Array.of(0, 100))).toThrow(/row 100 is not in 0..99/);
    expect(() => full.subset(Int32Array.of(5, 3))).toThrow(/ascending/);
    expect(() => full.subset(new Int32Array(0))).toThrow(/no rows/);
  });
});
