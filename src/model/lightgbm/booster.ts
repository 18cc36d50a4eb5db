import { readFileSync } from 'node:fs';
import {
  C_API_DTYPE_FLOAT32,
  C_API_DTYPE_FLOAT64,
  C_API_FEATURE_IMPORTANCE_GAIN,
  C_API_FEATURE_IMPORTANCE_SPLIT,
  C_API_PREDICT_CONTRIB,
  C_API_PREDICT_NORMAL,
  C_API_PREDICT_RAW_SCORE,
  type BoosterHandle,
  type FastConfigHandle,
  type LightGbmCApi,
} from './c-api.js';
import { check, createHandle } from './check.js';
import type { Dataset } from './dataset.js';
import { LightGbmError } from './errors.js';
import { lightGbm } from './library.js';
import { checkMatrix, type DenseMatrix } from './matrix.js';
import { prepareModelText } from './model-text.js';
import { NativeHandle } from './native-handle.js';
import { formatParams, threadCount, type LightGbmParams } from './params.js';
import { readStringArray } from './strings.js';

/** probability: transformed output (sigmoid for binary); raw: margin; contrib: SHAP values. */
export type PredictKind = 'probability' | 'raw' | 'contrib';
export type ImportanceType = 'split' | 'gain';

export interface IterationRange {
  /** First iteration used (default 0). */
  readonly startIteration?: number;
  /** Iterations used; default the best iteration when one is set, else all; <= 0 means all. */
  readonly numIteration?: number;
}

export interface PredictOptions extends IterationRange {
  readonly kind?: PredictKind;
}

export interface SaveOptions extends IterationRange {
  /** Importance written in the model's feature_importances section (default split). */
  readonly importanceType?: ImportanceType;
}

export interface LoadOptions {
  /** Threads used to predict (default: every core). */
  readonly numThreads?: number;
}

/** One metric on one dataset after the latest iteration. */
export interface EvalResult {
  readonly name: string;
  readonly value: number;
  readonly higherIsBetter: boolean;
}

const PREDICT_TYPES: Record<PredictKind, number> = {
  probability: C_API_PREDICT_NORMAL,
  raw: C_API_PREDICT_RAW_SCORE,
  contrib: C_API_PREDICT_CONTRIB,
};

const IMPORTANCE_TYPES: Record<ImportanceType, number> = {
  split: C_API_FEATURE_IMPORTANCE_SPLIT,
  gain: C_API_FEATURE_IMPORTANCE_GAIN,
};

/** Metrics LightGBM maximises; every other metric is a loss. */
function isHigherBetter(metric: string): boolean {
  return /^(auc|auc_mu|average_precision|ndcg|map)(@|$)/.test(metric);
}

/** A single-row predictor LightGBM caches per booster and predict type (FastConfig). */
interface FastPredictor {
  readonly key: string;
  readonly handle: FastConfigHandle;
}

/** A gradient-boosted model: trained here or loaded from LightGBM's text format; free() it when done. */
export class Booster implements Disposable {
  readonly #handle: NativeHandle<BoosterHandle>;
  readonly #train: Dataset | undefined;
  readonly #valid: Dataset[] = [];
  readonly #fast = new Map<number, FastPredictor>();
  readonly #predictParams: string;
  /** Iterations used by default for predict, save and importance (0 = all); set by train(). */
  bestIteration = 0;
  /** Columns a prediction matrix must have. */
  readonly numFeature: number;

  private constructor(handle: BoosterHandle, train: Dataset | undefined, params: LightGbmParams) {
    const api = lightGbm();
    // Asked before the handle is wrapped, so a failure here leaves adopt() the only owner.
    const out = new Int32Array(1);
    check(api.LGBM_BoosterGetNumFeature(handle, out), 'LGBM_BoosterGetNumFeature');
    this.numFeature = out[0]!;
    const fast = this.#fast;
    // Fast predictors point into the booster, so they go first; the closure holds no `this`.
    this.#handle = new NativeHandle('Booster', handle, (value) => {
      for (const predictor of fast.values()) {
        check(api.LGBM_FastConfigFree(predictor.handle), 'LGBM_FastConfigFree');
      }
      fast.clear();
      check(api.LGBM_BoosterFree(value), 'LGBM_BoosterFree');
    });
    this.#train = train;
    this.#predictParams = formatParams({ num_threads: threadCount(params) });
  }

  /** A new booster ready to train on `train` (params turned into LightGBM's string, defaults added). */
  static create(params: LightGbmParams, train: Dataset): Booster {
    const api = lightGbm();
    const trainHandle = train.handle;
    const handle = createHandle<BoosterHandle>('LGBM_BoosterCreate', (out) =>
      api.LGBM_BoosterCreate(trainHandle, formatParams(params), out),
    );
    return Booster.adopt(handle, train, params);
  }

  /** Loads a model saved in LightGBM's text format (by us, Python or the CLI). */
  static fromFile(path: string, options: LoadOptions = {}): Booster {
    // Read here rather than by LGBM_BoosterCreateFromModelfile: the text must be checked first.
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new LightGbmError(
        'Booster.fromFile',
        `cannot read model file ${path}: ${(error as Error).message}`,
      );
    }
    return Booster.load(prepareModelText(text, `Booster.fromFile(${path})`), options);
  }

  /** Loads a model from the text modelToString() returns. */
  static fromString(model: string, options: LoadOptions = {}): Booster {
    return Booster.load(prepareModelText(model, 'Booster.fromString'), options);
  }

  private static load(model: string, options: LoadOptions): Booster {
    const api = lightGbm();
    const iterations = new Int32Array(1);
    const handle = createHandle<BoosterHandle>('LGBM_BoosterLoadModelFromString', (out) =>
      api.LGBM_BoosterLoadModelFromString(model, iterations, out),
    );
    return Booster.adopt(handle, undefined, { num_threads: options.numThreads });
  }

  /** Wraps a fresh handle, freeing it if the wrapper cannot be built. */
  private static adopt(handle: BoosterHandle, train: Dataset | undefined, params: LightGbmParams): Booster {
    try {
      return new Booster(handle, train, params);
    } catch (error) {
      lightGbm().LGBM_BoosterFree(handle);
      throw error;
    }
  }

  private get api(): LightGbmCApi {
    return lightGbm();
  }

  /** The live handle; throws a LightGbmError once freed. */
  private get handle(): BoosterHandle {
    return this.#handle.value;
  }

  get freed(): boolean {
    return this.#handle.freed;
  }

  /** The training set and validation sets, which training and evaluation read. */
  private liveData(operation: string): Dataset[] {
    if (this.#train === undefined) {
      throw new LightGbmError(operation, 'a booster loaded from a model has no training data');
    }
    const data = [this.#train, ...this.#valid];
    if (data.some((dataset) => dataset.freed)) {
      throw new LightGbmError(
        operation,
        'a dataset this booster uses has been freed; free datasets after the booster',
      );
    }
    return data;
  }

  /** Adds a validation set (built with the training set as reference); returns its data index (1, 2, ...). */
  addValidData(dataset: Dataset): number {
    this.liveData('addValidData');
    check(this.api.LGBM_BoosterAddValidData(this.handle, dataset.handle), 'LGBM_BoosterAddValidData');
    this.#valid.push(dataset);
    return this.#valid.length;
  }

  /** Trains one more iteration; true when LightGBM cannot split any more (no tree was added). */
  updateOneIter(): boolean {
    this.liveData('updateOneIter');
    const finished = new Int32Array(1);
    check(this.api.LGBM_BoosterUpdateOneIter(this.handle, finished), 'LGBM_BoosterUpdateOneIter');
    this.clearFastPredictors();
    return finished[0] === 1;
  }

  /** Iterations trained (or loaded) so far. */
  get currentIteration(): number {
    const out = new Int32Array(1);
    check(this.api.LGBM_BoosterGetCurrentIteration(this.handle, out), 'LGBM_BoosterGetCurrentIteration');
    return out[0]!;
  }

  /** 1 for binary and regression, K for multiclass. */
  get numClasses(): number {
    const out = new Int32Array(1);
    check(this.api.LGBM_BoosterGetNumClasses(this.handle, out), 'LGBM_BoosterGetNumClasses');
    return out[0]!;
  }

  /** Feature names stored in the model, in column order. */
  get featureNames(): string[] {
    const api = this.api;
    const handle = this.handle;
    return readStringArray('LGBM_BoosterGetFeatureNames', (len, outLen, bufferLen, outBufferLen, outStrs) =>
      api.LGBM_BoosterGetFeatureNames(handle, len, outLen, bufferLen, outBufferLen, outStrs),
    );
  }

  /** Names of the metrics evaluate() returns, in order (from the metric parameter). */
  evalNames(): string[] {
    const api = this.api;
    const handle = this.handle;
    return readStringArray('LGBM_BoosterGetEvalNames', (len, outLen, bufferLen, outBufferLen, outStrs) =>
      api.LGBM_BoosterGetEvalNames(handle, len, outLen, bufferLen, outBufferLen, outStrs),
    );
  }

  /**
   * Metrics on data index 0 (training; empty unless is_provide_training_metric=true) or on the
   * n-th validation set, after the latest iteration.
   */
  evaluate(dataIndex: number): EvalResult[] {
    const data = this.liveData('evaluate');
    if (!Number.isInteger(dataIndex) || dataIndex < 0 || dataIndex >= data.length) {
      throw new LightGbmError(
        'evaluate',
        `no data index ${dataIndex} (0 = training, 1..${data.length - 1} = valid)`,
      );
    }
    const names = this.evalNames();
    const values = new Float64Array(names.length);
    const count = new Int32Array(1);
    check(this.api.LGBM_BoosterGetEval(this.handle, dataIndex, count, values), 'LGBM_BoosterGetEval');
    return Array.from(values.subarray(0, count[0]!), (value, i) => ({
      name: names[i]!,
      value,
      higherIsBetter: isHigherBetter(names[i]!),
    }));
  }

  private range(options: IterationRange): { start: number; num: number } {
    return { start: options.startIteration ?? 0, num: options.numIteration ?? this.bestIteration };
  }

  /**
   * Predicts every row of the matrix. Per row: numClasses values, or numClasses x (numFeature + 1)
   * for contrib (SHAP values, the last being the expected value).
   */
  predict(matrix: DenseMatrix, options: PredictOptions = {}): Float64Array {
    checkMatrix(matrix, 'predict');
    if (matrix.ncol !== this.numFeature) {
      throw new LightGbmError(
        'predict',
        `matrix has ${matrix.ncol} columns, the model expects ${this.numFeature}`,
      );
    }
    const predictType = PREDICT_TYPES[options.kind ?? 'probability'];
    const { start, num } = this.range(options);
    const dataType = matrix.data instanceof Float32Array ? C_API_DTYPE_FLOAT32 : C_API_DTYPE_FLOAT64;
    const handle = this.handle;
    const length = new BigInt64Array(1);
    check(
      this.api.LGBM_BoosterCalcNumPredict(handle, matrix.nrow, predictType, start, num, length),
      'LGBM_BoosterCalcNumPredict',
    );
    const out = new Float64Array(Number(length[0]));
    // LightGBM's single-row cache ignores start_iteration, so the fast path serves start 0 only.
    if (matrix.nrow === 1 && start === 0) {
      const fast = this.fastPredictor(predictType, num, dataType);
      check(
        this.api.LGBM_BoosterPredictForMatSingleRowFast(fast, matrix.data, length, out),
        'LGBM_BoosterPredictForMatSingleRowFast',
      );
    } else {
      check(
        this.api.LGBM_BoosterPredictForMat(
          handle,
          matrix.data,
          dataType,
          matrix.nrow,
          matrix.ncol,
          1,
          predictType,
          start,
          num,
          this.#predictParams,
          length,
          out,
        ),
        'LGBM_BoosterPredictForMat',
      );
    }
    return out;
  }

  /** One FastConfig per predict type, as LightGBM keeps one single-row predictor per type. */
  private fastPredictor(predictType: number, numIteration: number, dataType: number): FastConfigHandle {
    const key = `${numIteration}:${dataType}`;
    const cached = this.#fast.get(predictType);
    if (cached?.key === key) return cached.handle;
    const api = this.api;
    const booster = this.handle;
    const handle = createHandle<FastConfigHandle>('LGBM_BoosterPredictForMatSingleRowFastInit', (out) =>
      api.LGBM_BoosterPredictForMatSingleRowFastInit(
        booster,
        predictType,
        0,
        numIteration,
        dataType,
        this.numFeature,
        this.#predictParams,
        out,
      ),
    );
    if (cached !== undefined) check(api.LGBM_FastConfigFree(cached.handle), 'LGBM_FastConfigFree');
    this.#fast.set(predictType, { key, handle });
    return handle;
  }

  private clearFastPredictors(): void {
    for (const predictor of this.#fast.values()) {
      check(this.api.LGBM_FastConfigFree(predictor.handle), 'LGBM_FastConfigFree');
    }
    this.#fast.clear();
  }

  /** Per-feature importance: number of splits, or total gain of those splits. */
  featureImportance(type: ImportanceType = 'split', numIteration = this.bestIteration): Float64Array {
    const out = new Float64Array(this.numFeature);
    check(
      this.api.LGBM_BoosterFeatureImportance(this.handle, numIteration, IMPORTANCE_TYPES[type], out),
      'LGBM_BoosterFeatureImportance',
    );
    return out;
  }

  /** Writes the model in LightGBM's text format (readable by Python's lightgbm.Booster(model_file=...)). */
  saveModel(path: string, options: SaveOptions = {}): void {
    const { start, num } = this.range(options);
    const importance = IMPORTANCE_TYPES[options.importanceType ?? 'split'];
    check(this.api.LGBM_BoosterSaveModel(this.handle, start, num, importance, path), 'LGBM_BoosterSaveModel');
  }

  /** The model in LightGBM's text format. */
  modelToString(options: SaveOptions = {}): string {
    const { start, num } = this.range(options);
    const importance = IMPORTANCE_TYPES[options.importanceType ?? 'split'];
    const length = new BigInt64Array(1);
    let buffer = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      check(
        this.api.LGBM_BoosterSaveModelToString(
          this.handle,
          start,
          num,
          importance,
          buffer.length,
          length,
          buffer,
        ),
        'LGBM_BoosterSaveModelToString',
      );
      // out_len counts the terminating NUL; LightGBM copies nothing when the buffer is too small.
      const needed = Number(length[0]);
      if (needed <= buffer.length) return buffer.toString('utf8', 0, needed - 1);
      buffer = Buffer.allocUnsafe(needed);
    }
  }

  /** Releases the native booster; later calls throw a LightGbmError. */
  free(): void {
    this.#handle.free();
  }

  [Symbol.dispose](): void {
    this.free();
  }
}
