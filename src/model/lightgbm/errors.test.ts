import { describe, expect, it } from 'vitest';
import { Booster } from './booster.js';
import { LightGbmError } from './errors.js';
import { LIGHTGBM_LIB_ENV, loadLibrary, resolveLibraryPath } from './library.js';
import { defaultThreads, formatParams } from './params.js';
import { datasetOf, makeTask, quickBooster, TEST_PARAMS } from './test-utils.js';

const task = makeTask(600, 5, 31);

/** The error a call throws, asserted to be a LightGbmError. */
function caught(call: () => unknown): LightGbmError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(LightGbmError);
    return error as LightGbmError;
  }
  throw new Error('expected a LightGbmError, nothing was thrown');
}

describe('errors', () => {
  it("surfaces LightGBM's own message for bad parameters", () => {
    using dataset = datasetOf(task);
    const leaves = caught(() => Booster.create({ ...TEST_PARAMS, num_leaves: -5 }, dataset));
    expect(leaves.operation).toBe('LGBM_BoosterCreate');
    expect(leaves.message).toMatch(/^LightGBM LGBM_BoosterCreate: Check failed: \(num_leaves\) > \(1\)/);
    const objective = caught(() => Booster.create({ ...TEST_PARAMS, objective: 'nonsense' }, dataset));
    expect(objective.message).toContain('Unknown objective type name: nonsense');
    const binning = caught(() => datasetOf(task, { params: { max_bin: 1 } }));
    expect(binning.operation).toBe('LGBM_DatasetCreateFromMat');
    expect(binning.message).toContain('max_bin');
  });

  it('refuses parameter values LightGBM would misread', () => {
    expect(formatParams({ objective: 'binary', metric: ['auc', 'binary_logloss'], is_unbalance: true })).toBe(
      `num_threads=${defaultThreads()} verbose=-1 objective=binary metric=auc,binary_logloss is_unbalance=true`,
    );
    expect(() => formatParams({ objective: 'binary xentropy' })).toThrow(LightGbmError);
    expect(() => formatParams({ learning_rate: Number.NaN })).toThrow(/finite number/);
    expect(() => formatParams({ 'bad key': 1 })).toThrow(/invalid parameter name/);
    expect(formatParams({ nthread: 3, verbosity: 1 })).toBe('nthread=3 verbosity=1');
  });

  it('refuses a prediction matrix with the wrong number of columns or values', () => {
    using booster = quickBooster(task, 3);
    const wrongColumns = caught(() => booster.predict({ data: new Float32Array(12), nrow: 2, ncol: 6 }));
    expect(wrongColumns.message).toContain('matrix has 6 columns, the model expects 5');
    expect(() => booster.predict({ data: new Float32Array(4), nrow: 1, ncol: 4 })).toThrow(/expects 5/);
    expect(() => booster.predict({ data: new Float32Array(9), nrow: 2, ncol: 5 })).toThrow(
      /9 values, expected 2 x 5/,
    );
  });

  it('throws a clear error instead of crashing when a freed booster or dataset is used', () => {
    const booster = quickBooster(task, 2);
    booster.free();
    booster.free();
    expect(booster.freed).toBe(true);
    const row = { data: task.matrix.data.slice(0, 5), nrow: 1, ncol: 5 };
    expect(caught(() => booster.predict(row)).message).toBe(
      'LightGBM Booster: this Booster has been freed and can no longer be used',
    );
    expect(() => booster.modelToString()).toThrow(/has been freed/);
    expect(() => booster.featureImportance()).toThrow(/has been freed/);

    const dataset = datasetOf(task);
    dataset[Symbol.dispose]();
    expect(() => Booster.create(TEST_PARAMS, dataset)).toThrow(/this Dataset has been freed/);
    expect(() => datasetOf(task, { reference: dataset })).toThrow(/this Dataset has been freed/);
  });

  it('refuses training a loaded model, and validation data binned apart from the training set', () => {
    using trained = quickBooster(task, 2);
    using loaded = Booster.fromString(trained.modelToString());
    expect(() => loaded.updateOneIter()).toThrow(/loaded from a model has no training data/);
    using dataset = datasetOf(task);
    using booster = Booster.create(TEST_PARAMS, dataset);
    using unaligned = datasetOf(makeTask(300, 5, 32));
    expect(caught(() => booster.addValidData(unaligned)).message).toMatch(/different bin mappers/);
    expect(() => booster.evaluate(1)).toThrow(/no data index 1/);
  });

  it('names the library it could not load and what to do', () => {
    expect(resolveLibraryPath({ [LIGHTGBM_LIB_ENV]: '/opt/lib_lightgbm.so' })).toBe('/opt/lib_lightgbm.so');
    expect(resolveLibraryPath({})).toMatch(
      /node_modules\/lightgbm\/build\/Release\/lightgbm_bindings\.node$/,
    );
    const error = caught(() => loadLibrary('/nonexistent/lib_lightgbm.so'));
    expect(error.message).toContain('cannot load /nonexistent/lib_lightgbm.so');
    expect(error.message).toContain(LIGHTGBM_LIB_ENV);
  });
});
