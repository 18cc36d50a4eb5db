import { C_API_DTYPE_FLOAT32, C_API_DTYPE_FLOAT64, type DatasetHandle } from './c-api.js';
import { check, createHandle } from './check.js';
import { LightGbmError } from './errors.js';
import { lightGbm } from './library.js';
import { checkMatrix, type DenseMatrix } from './matrix.js';
import { NativeHandle } from './native-handle.js';
import { formatParams, type LightGbmParams } from './params.js';
import { readStringArray } from './strings.js';

export interface DatasetOptions {
  /** One label per row (0/1 for binary). */
  readonly label: ArrayLike<number>;
  /** Optional per-row weights. */
  readonly weight?: ArrayLike<number>;
  /** Column indices LightGBM treats as categorical (non-negative integer codes). */
  readonly categoricalFeatures?: readonly number[];
  /** One name per column, stored in saved models. */
  readonly featureNames?: readonly string[];
  /** The training set, for a validation set: its bins are reused so both are cut alike. */
  readonly reference?: Dataset;
  /** Dataset parameters (max_bin, min_data_in_bin, ...); num_threads and verbose default. */
  readonly params?: LightGbmParams;
}

function toFloat32(values: ArrayLike<number>): Float32Array {
  return values instanceof Float32Array ? values : Float32Array.from(values);
}

/** Training or validation data binned by LightGBM; free() it when done. */
export class Dataset implements Disposable {
  readonly #handle: NativeHandle<DatasetHandle>;
  /** Rows. */
  readonly numData: number;
  /** Columns. */
  readonly numFeature: number;

  private constructor(handle: DatasetHandle, numData: number, numFeature: number) {
    const api = lightGbm();
    this.#handle = new NativeHandle('Dataset', handle, (value) =>
      check(api.LGBM_DatasetFree(value), 'LGBM_DatasetFree'),
    );
    this.numData = numData;
    this.numFeature = numFeature;
  }

  /** Builds a dataset from a dense row-major matrix (LightGBM copies it: the array may be reused). */
  static fromMatrix(matrix: DenseMatrix, options: DatasetOptions): Dataset {
    checkMatrix(matrix, 'Dataset.fromMatrix');
    const { data, nrow, ncol } = matrix;
    const label = toFloat32(options.label);
    const weight = options.weight === undefined ? undefined : toFloat32(options.weight);
    const categorical = options.categoricalFeatures ?? [];
    const fail = (message: string): never => {
      throw new LightGbmError('Dataset.fromMatrix', message);
    };
    if (label.length !== nrow) fail(`${label.length} labels for ${nrow} rows`);
    if (weight !== undefined && weight.length !== nrow) fail(`${weight.length} weights for ${nrow} rows`);
    if (options.featureNames !== undefined && options.featureNames.length !== ncol) {
      fail(`${options.featureNames.length} feature names for ${ncol} columns`);
    }
    const badIndex = categorical.find((index) => !Number.isInteger(index) || index < 0 || index >= ncol);
    if (badIndex !== undefined)
      fail(`categorical feature index ${badIndex} is not a column (0..${ncol - 1})`);
    if (options.reference !== undefined && options.reference.numFeature !== ncol) {
      fail(`reference dataset has ${options.reference.numFeature} columns, this one ${ncol}`);
    }

    const api = lightGbm();
    const params = formatParams({
      ...options.params,
      ...(categorical.length > 0 ? { categorical_feature: categorical } : {}),
    });
    const dataType = data instanceof Float32Array ? C_API_DTYPE_FLOAT32 : C_API_DTYPE_FLOAT64;
    const reference = options.reference?.handle ?? null;
    const handle = createHandle<DatasetHandle>('LGBM_DatasetCreateFromMat', (out) =>
      api.LGBM_DatasetCreateFromMat(data, dataType, nrow, ncol, 1, params, reference, out),
    );
    const dataset = new Dataset(handle, nrow, ncol);
    try {
      dataset.setField('label', label);
      if (weight !== undefined) dataset.setField('weight', weight);
      if (options.featureNames !== undefined) {
        const names = options.featureNames;
        check(api.LGBM_DatasetSetFeatureNames(handle, names, names.length), 'LGBM_DatasetSetFeatureNames');
      }
    } catch (error) {
      dataset.free();
      throw error;
    }
    return dataset;
  }

  /**
   * The rows `rows` (ascending indices) as a new dataset sharing this one's bins, labels and
   * weights, without copying the raw matrix: cross-validation folds cut from one binned set,
   * as LightGBM's own cv() does.
   */
  subset(rows: Int32Array, params: LightGbmParams = {}): Dataset {
    const fail = (message: string): never => {
      throw new LightGbmError('Dataset.subset', message);
    };
    if (rows.length === 0) fail('no rows');
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (row < 0 || row >= this.numData) fail(`row ${row} is not in 0..${this.numData - 1}`);
      if (i > 0 && row <= rows[i - 1]!) fail('rows must be strictly ascending');
    }
    const handle = createHandle<DatasetHandle>('LGBM_DatasetGetSubset', (out) =>
      lightGbm().LGBM_DatasetGetSubset(this.handle, rows, rows.length, formatParams(params), out),
    );
    return new Dataset(handle, rows.length, this.numFeature);
  }

  /** The native handle; throws once freed. For Booster, not for callers. */
  get handle(): DatasetHandle {
    return this.#handle.value;
  }

  get freed(): boolean {
    return this.#handle.freed;
  }

  /** Column names (LightGBM's Column_0... when none were given). */
  get featureNames(): string[] {
    const api = lightGbm();
    const handle = this.handle;
    return readStringArray('LGBM_DatasetGetFeatureNames', (len, outLen, bufferLen, outBufferLen, outStrs) =>
      api.LGBM_DatasetGetFeatureNames(handle, len, outLen, bufferLen, outBufferLen, outStrs),
    );
  }

  private setField(name: 'label' | 'weight', values: Float32Array): void {
    check(
      lightGbm().LGBM_DatasetSetField(this.handle, name, values, values.length, C_API_DTYPE_FLOAT32),
      'LGBM_DatasetSetField',
    );
  }

  /** Releases the native dataset; boosters trained on it can still predict and save. */
  free(): void {
    this.#handle.free();
  }

  [Symbol.dispose](): void {
    this.free();
  }
}
