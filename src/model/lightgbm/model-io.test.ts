import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Booster } from './booster.js';
import { LightGbmError } from './errors.js';
import { datasetOf, makeTask, sliceTask, TEST_PARAMS } from './test-utils.js';

const dir = mkdtempSync(path.join(tmpdir(), 'clairscore-lightgbm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('saving and loading models', () => {
  const task = makeTask(1500, 6, 21);
  // Column 5 (CODE_GENDER) becomes a categorical code 0..2.
  for (let r = 0; r < task.matrix.nrow; r++) {
    const i = r * 6 + 5;
    task.matrix.data[i] = Math.min(2, Math.floor(Math.abs(task.matrix.data[i]!) * 2));
  }
  const names = ['EXT_SOURCE_1', 'EXT_SOURCE_2', 'AMT_CREDIT', 'AMT_ANNUITY', 'DAYS_BIRTH', 'CODE_GENDER'];
  const rows = sliceTask(task, 0, 200).matrix;

  function trained(): Booster {
    using dataset = datasetOf(task, { featureNames: names, categoricalFeatures: [5] });
    const booster = Booster.create(TEST_PARAMS, dataset);
    for (let i = 0; i < 25; i++) booster.updateOneIter();
    return booster;
  }

  it('writes LightGBM text format and reloads it (file and string) with identical predictions', () => {
    using booster = trained();
    const file = path.join(dir, 'model.txt');
    booster.saveModel(file);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('tree\n')).toBe(true);
    expect(text).toContain('version=v4');
    expect(text).toContain(`feature_names=${names.join(' ')}`);
    expect(text).toContain('objective=binary');
    expect(booster.modelToString()).toBe(text);

    using fromFile = Booster.fromFile(file);
    using fromString = Booster.fromString(text);
    for (const loaded of [fromFile, fromString]) {
      expect(loaded.numFeature).toBe(6);
      expect(loaded.currentIteration).toBe(25);
      expect(loaded.featureNames).toEqual(names);
      for (const kind of ['probability', 'raw', 'contrib'] as const) {
        expect(loaded.predict(rows, { kind })).toEqual(booster.predict(rows, { kind }));
      }
      expect(loaded.featureImportance('split')).toEqual(booster.featureImportance('split'));
      // The text format stores split gains with fewer digits.
      const gain = booster.featureImportance('gain');
      loaded
        .featureImportance('gain')
        .forEach((g, i) => expect(Math.abs(g - gain[i]!)).toBeLessThanOrEqual(1e-5 * gain[i]!));
    }
  });

  it('saves an iteration range only', () => {
    using booster = trained();
    using first10 = Booster.fromString(booster.modelToString({ numIteration: 10 }));
    expect(first10.currentIteration).toBe(10);
    expect(first10.predict(rows)).toEqual(booster.predict(rows, { numIteration: 10 }));
  });

  it('round-trips a large model through the growing string buffer', () => {
    const big = makeTask(2000, 5, 22);
    using dataset = datasetOf(big);
    using booster = Booster.create({ ...TEST_PARAMS, num_leaves: 255, min_data_in_leaf: 2 }, dataset);
    for (let i = 0; i < 50; i++) booster.updateOneIter();
    const text = booster.modelToString();
    expect(Buffer.byteLength(text)).toBeGreaterThan(1 << 20);
    using loaded = Booster.fromString(text);
    expect(loaded.predict(big.matrix)).toEqual(booster.predict(big.matrix));
  });

  it('refuses a missing, garbage, truncated or damaged model with a clear LightGbmError, never crashing', () => {
    const missing = path.join(dir, 'nope.txt');
    expect(() => Booster.fromFile(missing)).toThrow(`cannot read model file ${missing}: ENOENT`);
    const garbage = path.join(dir, 'garbage.txt');
    writeFileSync(garbage, 'this is not a model\n');
    expect(() => Booster.fromFile(garbage)).toThrow(/not a valid LightGBM text model: it does not start/);
    expect(() => Booster.fromString('')).toThrow(LightGbmError);
    // This passes our check; LightGBM's own error comes through.
    expect(() => Booster.fromString('tree\nversion=v4\n\nend of trees\n')).toThrow(
      "LightGBM LGBM_BoosterLoadModelFromString: Model file doesn't specify the number of classes",
    );

    using booster = trained();
    const text = booster.modelToString();
    // Each of these aborted or segfaulted the process when handed to LightGBM 4.1 as is.
    for (const cut of [text.indexOf('Tree=3'), 500, 2000, 5000, text.indexOf('end of trees')]) {
      const truncated = path.join(dir, `truncated-${cut}.txt`);
      writeFileSync(truncated, text.slice(0, cut));
      expect(() => Booster.fromFile(truncated), `cut at ${cut}`).toThrow(LightGbmError);
    }
    const tree5 = text.indexOf('Tree=5');
    const damage = (from: string, to: string): string =>
      text.slice(0, tree5) + text.slice(tree5).replace(from, to);
    expect(() => Booster.fromString(damage('num_leaves=', 'num_leafs='))).toThrow(
      /should contain num_leaves/,
    );
    expect(() => Booster.fromString(damage('leaf_value=', 'leaf_valux='))).toThrow(
      /should contain leaf_value/,
    );
    expect(() => Booster.fromString(damage('\nleaf_value=', '\nleaf_value'))).toThrow(/is not key=value/);
  });
});
