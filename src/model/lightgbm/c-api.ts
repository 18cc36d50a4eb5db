/**
 * The raw layer: LightGBM 4.1's C API (include/LightGBM/c_api.h), one koffi declaration per
 * function, each under the C signature it binds. No logic here; Dataset and Booster wrap it.
 *
 * Marshalling conventions (koffi 3): handles are bigint; `_Out_ Handle*` takes a one-element
 * array that koffi fills; `int*`, `int64_t*`, `size_t*` and `double*` outputs take typed arrays
 * (written in place, no copy); `char**` outputs take an array of Buffers.
 */
import koffi from 'koffi';
import type { LibraryHandle } from 'koffi';

/** typedef void* DatasetHandle; (branded so a booster cannot be passed as a dataset) */
export type DatasetHandle = bigint & { readonly __lightgbm: 'Dataset' };
/** typedef void* BoosterHandle; */
export type BoosterHandle = bigint & { readonly __lightgbm: 'Booster' };
/** typedef void* FastConfigHandle; */
export type FastConfigHandle = bigint & { readonly __lightgbm: 'FastConfig' };
/** A one-element array koffi fills with the handle an `_Out_ Handle*` parameter returns. */
export type HandleOut = [bigint | null];

/** Matrices LightGBM reads: C_API_DTYPE_FLOAT32 or C_API_DTYPE_FLOAT64. */
export type FloatArray = Float32Array | Float64Array;

export const C_API_DTYPE_FLOAT32 = 0;
export const C_API_DTYPE_FLOAT64 = 1;
export const C_API_DTYPE_INT32 = 2;
export const C_API_DTYPE_INT64 = 3;

export const C_API_PREDICT_NORMAL = 0;
export const C_API_PREDICT_RAW_SCORE = 1;
export const C_API_PREDICT_LEAF_INDEX = 2;
export const C_API_PREDICT_CONTRIB = 3;

export const C_API_FEATURE_IMPORTANCE_SPLIT = 0;
export const C_API_FEATURE_IMPORTANCE_GAIN = 1;

/** The C functions Clairscore uses; every `int` result is 0 on success, -1 on failure. */
export interface LightGbmCApi {
  LGBM_GetLastError(): string;

  LGBM_DatasetCreateFromMat(
    data: FloatArray,
    dataType: number,
    nrow: number,
    ncol: number,
    isRowMajor: number,
    parameters: string,
    reference: DatasetHandle | null,
    out: HandleOut,
  ): number;
  LGBM_DatasetSetFeatureNames(handle: DatasetHandle, featureNames: readonly string[], count: number): number;
  LGBM_DatasetGetFeatureNames(
    handle: DatasetHandle,
    len: number,
    numFeatureNames: Int32Array,
    bufferLen: number,
    outBufferLen: BigUint64Array,
    featureNames: Buffer[] | null,
  ): number;
  LGBM_DatasetFree(handle: DatasetHandle): number;
  LGBM_DatasetSetField(
    handle: DatasetHandle,
    fieldName: string,
    fieldData: Float32Array | Float64Array | Int32Array,
    numElement: number,
    type: number,
  ): number;
  LGBM_DatasetGetNumData(handle: DatasetHandle, out: Int32Array): number;
  LGBM_DatasetGetSubset(
    handle: DatasetHandle,
    usedRowIndices: Int32Array,
    numUsedRowIndices: number,
    parameters: string,
    out: HandleOut,
  ): number;
  LGBM_DatasetGetNumFeature(handle: DatasetHandle, out: Int32Array): number;

  LGBM_BoosterCreate(trainData: DatasetHandle, parameters: string, out: HandleOut): number;
  LGBM_BoosterCreateFromModelfile(filename: string, outNumIterations: Int32Array, out: HandleOut): number;
  LGBM_BoosterLoadModelFromString(modelStr: string, outNumIterations: Int32Array, out: HandleOut): number;
  LGBM_BoosterFree(handle: BoosterHandle): number;
  LGBM_BoosterAddValidData(handle: BoosterHandle, validData: DatasetHandle): number;
  LGBM_BoosterGetNumClasses(handle: BoosterHandle, outLen: Int32Array): number;
  LGBM_BoosterUpdateOneIter(handle: BoosterHandle, isFinished: Int32Array): number;
  LGBM_BoosterGetCurrentIteration(handle: BoosterHandle, outIteration: Int32Array): number;
  LGBM_BoosterGetEvalCounts(handle: BoosterHandle, outLen: Int32Array): number;
  LGBM_BoosterGetEvalNames(
    handle: BoosterHandle,
    len: number,
    outLen: Int32Array,
    bufferLen: number,
    outBufferLen: BigUint64Array,
    outStrs: Buffer[] | null,
  ): number;
  LGBM_BoosterGetFeatureNames(
    handle: BoosterHandle,
    len: number,
    outLen: Int32Array,
    bufferLen: number,
    outBufferLen: BigUint64Array,
    outStrs: Buffer[] | null,
  ): number;
  LGBM_BoosterGetNumFeature(handle: BoosterHandle, outLen: Int32Array): number;
  LGBM_BoosterGetEval(
    handle: BoosterHandle,
    dataIdx: number,
    outLen: Int32Array,
    outResults: Float64Array,
  ): number;
  LGBM_BoosterCalcNumPredict(
    handle: BoosterHandle,
    numRow: number,
    predictType: number,
    startIteration: number,
    numIteration: number,
    outLen: BigInt64Array,
  ): number;
  LGBM_FastConfigFree(fastConfig: FastConfigHandle): number;
  LGBM_BoosterPredictForMat(
    handle: BoosterHandle,
    data: FloatArray,
    dataType: number,
    nrow: number,
    ncol: number,
    isRowMajor: number,
    predictType: number,
    startIteration: number,
    numIteration: number,
    parameter: string,
    outLen: BigInt64Array,
    outResult: Float64Array,
  ): number;
  LGBM_BoosterPredictForMatSingleRowFastInit(
    handle: BoosterHandle,
    predictType: number,
    startIteration: number,
    numIteration: number,
    dataType: number,
    ncol: number,
    parameter: string,
    outFastConfig: HandleOut,
  ): number;
  LGBM_BoosterPredictForMatSingleRowFast(
    fastConfig: FastConfigHandle,
    data: FloatArray,
    outLen: BigInt64Array,
    outResult: Float64Array,
  ): number;
  LGBM_BoosterSaveModel(
    handle: BoosterHandle,
    startIteration: number,
    numIteration: number,
    featureImportanceType: number,
    filename: string,
  ): number;
  LGBM_BoosterSaveModelToString(
    handle: BoosterHandle,
    startIteration: number,
    numIteration: number,
    featureImportanceType: number,
    bufferLen: number,
    outLen: BigInt64Array,
    outStr: Buffer,
  ): number;
  LGBM_BoosterFeatureImportance(
    handle: BoosterHandle,
    numIteration: number,
    importanceType: number,
    outResults: Float64Array,
  ): number;
}

let typesDeclared = false;

/** The handle typedefs of c_api.h; koffi type names are global, so declared once per process. */
function declareTypes(): void {
  if (typesDeclared) return;
  koffi.alias('DatasetHandle', 'void *');
  koffi.alias('BoosterHandle', 'void *');
  koffi.alias('FastConfigHandle', 'void *');
  typesDeclared = true;
}

/** Declares every function of LightGbmCApi against a loaded library. */
export function bindCApi(lib: LibraryHandle): LightGbmCApi {
  declareTypes();
  // koffi's functions are typed (...args: any[]) => any; each is given its TypeScript shape here,
  // and the name check keeps a declaration from landing under the wrong key.
  const fn = <K extends keyof LightGbmCApi>(name: K, declaration: string): LightGbmCApi[K] => {
    if (!declaration.includes(` ${name}(`)) throw new Error(`declaration does not bind ${name}`);
    return lib.func(declaration) as LightGbmCApi[K];
  };

  return {
    // LIGHTGBM_C_EXPORT const char* LGBM_GetLastError();
    LGBM_GetLastError: fn('LGBM_GetLastError', 'const char* LGBM_GetLastError()'),

    // LIGHTGBM_C_EXPORT int LGBM_DatasetCreateFromMat(const void* data, int data_type, int32_t nrow,
    //   int32_t ncol, int is_row_major, const char* parameters, const DatasetHandle reference,
    //   DatasetHandle* out);
    LGBM_DatasetCreateFromMat: fn(
      'LGBM_DatasetCreateFromMat',
      'int LGBM_DatasetCreateFromMat(const void* data, int data_type, int32_t nrow, int32_t ncol, ' +
        'int is_row_major, const char* parameters, const DatasetHandle reference, _Out_ DatasetHandle* out)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_DatasetSetFeatureNames(DatasetHandle handle, const char** feature_names,
    //   int num_feature_names);
    LGBM_DatasetSetFeatureNames: fn(
      'LGBM_DatasetSetFeatureNames',
      'int LGBM_DatasetSetFeatureNames(DatasetHandle handle, const char** feature_names, int num_feature_names)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_DatasetGetFeatureNames(DatasetHandle handle, const int len,
    //   int* num_feature_names, const size_t buffer_len, size_t* out_buffer_len, char** feature_names);
    LGBM_DatasetGetFeatureNames: fn(
      'LGBM_DatasetGetFeatureNames',
      'int LGBM_DatasetGetFeatureNames(DatasetHandle handle, const int len, int* num_feature_names, ' +
        'const size_t buffer_len, size_t* out_buffer_len, char** feature_names)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_DatasetFree(DatasetHandle handle);
    LGBM_DatasetFree: fn('LGBM_DatasetFree', 'int LGBM_DatasetFree(DatasetHandle handle)'),

    // LIGHTGBM_C_EXPORT int LGBM_DatasetSetField(DatasetHandle handle, const char* field_name,
    //   const void* field_data, int num_element, int type);
    LGBM_DatasetSetField: fn(
      'LGBM_DatasetSetField',
      'int LGBM_DatasetSetField(DatasetHandle handle, const char* field_name, const void* field_data, ' +
        'int num_element, int type)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_DatasetGetSubset(const DatasetHandle handle, const int32_t* used_row_indices,
    //   int32_t num_used_row_indices, const char* parameters, DatasetHandle* out);
    LGBM_DatasetGetSubset: fn(
      'LGBM_DatasetGetSubset',
      'int LGBM_DatasetGetSubset(const DatasetHandle handle, const int32_t* used_row_indices, ' +
        'int32_t num_used_row_indices, const char* parameters, _Out_ DatasetHandle* out)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_DatasetGetNumData(DatasetHandle handle, int* out);
    LGBM_DatasetGetNumData: fn(
      'LGBM_DatasetGetNumData',
      'int LGBM_DatasetGetNumData(DatasetHandle handle, int* out)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_DatasetGetNumFeature(DatasetHandle handle, int* out);
    LGBM_DatasetGetNumFeature: fn(
      'LGBM_DatasetGetNumFeature',
      'int LGBM_DatasetGetNumFeature(DatasetHandle handle, int* out)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_BoosterCreate(const DatasetHandle train_data, const char* parameters,
    //   BoosterHandle* out);
    LGBM_BoosterCreate: fn(
      'LGBM_BoosterCreate',
      'int LGBM_BoosterCreate(const DatasetHandle train_data, const char* parameters, _Out_ BoosterHandle* out)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_BoosterCreateFromModelfile(const char* filename, int* out_num_iterations,
    //   BoosterHandle* out);
    LGBM_BoosterCreateFromModelfile: fn(
      'LGBM_BoosterCreateFromModelfile',
      'int LGBM_BoosterCreateFromModelfile(const char* filename, int* out_num_iterations, ' +
        '_Out_ BoosterHandle* out)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_BoosterLoadModelFromString(const char* model_str, int* out_num_iterations,
    //   BoosterHandle* out);
    LGBM_BoosterLoadModelFromString: fn(
      'LGBM_BoosterLoadModelFromString',
      'int LGBM_BoosterLoadModelFromString(const char* model_str, int* out_num_iterations, ' +
        '_Out_ BoosterHandle* out)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_BoosterFree(BoosterHandle handle);
    LGBM_BoosterFree: fn('LGBM_BoosterFree', 'int LGBM_BoosterFree(BoosterHandle handle)'),

    // LIGHTGBM_C_EXPORT int LGBM_BoosterAddValidData(BoosterHandle handle, const DatasetHandle valid_data);
    LGBM_BoosterAddValidData: fn(
      'LGBM_BoosterAddValidData',
      'int LGBM_BoosterAddValidData(BoosterHandle handle, const DatasetHandle valid_data)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_BoosterGetNumClasses(BoosterHandle handle, int* out_len);
    LGBM_BoosterGetNumClasses: fn(
      'LGBM_BoosterGetNumClasses',
      'int LGBM_BoosterGetNumClasses(BoosterHandle handle, int* out_len)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_BoosterUpdateOneIter(BoosterHandle handle, int* is_finished);
    LGBM_BoosterUpdateOneIter: fn(
      'LGBM_BoosterUpdateOneIter',
      'int LGBM_BoosterUpdateOneIter(BoosterHandle handle, int* is_finished)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_BoosterGetCurrentIteration(BoosterHandle handle, int* out_iteration);
    LGBM_BoosterGetCurrentIteration: fn(
      'LGBM_BoosterGetCurrentIteration',
      'int LGBM_BoosterGetCurrentIteration(BoosterHandle handle, int* out_iteration)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_BoosterGetEvalCounts(BoosterHandle handle, int* out_len);
    LGBM_BoosterGetEvalCounts: fn(
      'LGBM_BoosterGetEvalCounts',
      'int LGBM_BoosterGetEvalCounts(BoosterHandle handle, int* out_len)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_BoosterGetEvalNames(BoosterHandle handle, const int len, int* out_len,
    //   const size_t buffer_len, size_t* out_buffer_len, char** out_strs);
    LGBM_BoosterGetEvalNames: fn(
      'LGBM_BoosterGetEvalNames',
      'int LGBM_BoosterGetEvalNames(BoosterHandle handle, const int len, int* out_len, ' +
        'const size_t buffer_len, size_t* out_buffer_len, char** out_strs)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_BoosterGetFeatureNames(BoosterHandle handle, const int len, int* out_len,
    //   const size_t buffer_len, size_t* out_buffer_len, char** out_strs);
    LGBM_BoosterGetFeatureNames: fn(
      'LGBM_BoosterGetFeatureNames',
      'int LGBM_BoosterGetFeatureNames(BoosterHandle handle, const int len, int* out_len, ' +
        'const size_t buffer_len, size_t* out_buffer_len, char** out_strs)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_BoosterGetNumFeature(BoosterHandle handle, int* out_len);
    LGBM_BoosterGetNumFeature: fn(
      'LGBM_BoosterGetNumFeature',
      'int LGBM_BoosterGetNumFeature(BoosterHandle handle, int* out_len)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_BoosterGetEval(BoosterHandle handle, int data_idx, int* out_len,
    //   double* out_results);
    LGBM_BoosterGetEval: fn(
      'LGBM_BoosterGetEval',
      'int LGBM_BoosterGetEval(BoosterHandle handle, int data_idx, int* out_len, double* out_results)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_BoosterCalcNumPredict(BoosterHandle handle, int num_row, int predict_type,
    //   int start_iteration, int num_iteration, int64_t* out_len);
    LGBM_BoosterCalcNumPredict: fn(
      'LGBM_BoosterCalcNumPredict',
      'int LGBM_BoosterCalcNumPredict(BoosterHandle handle, int num_row, int predict_type, ' +
        'int start_iteration, int num_iteration, int64_t* out_len)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_FastConfigFree(FastConfigHandle fastConfig);
    LGBM_FastConfigFree: fn('LGBM_FastConfigFree', 'int LGBM_FastConfigFree(FastConfigHandle fastConfig)'),

    // LIGHTGBM_C_EXPORT int LGBM_BoosterPredictForMat(BoosterHandle handle, const void* data, int data_type,
    //   int32_t nrow, int32_t ncol, int is_row_major, int predict_type, int start_iteration,
    //   int num_iteration, const char* parameter, int64_t* out_len, double* out_result);
    LGBM_BoosterPredictForMat: fn(
      'LGBM_BoosterPredictForMat',
      'int LGBM_BoosterPredictForMat(BoosterHandle handle, const void* data, int data_type, int32_t nrow, ' +
        'int32_t ncol, int is_row_major, int predict_type, int start_iteration, int num_iteration, ' +
        'const char* parameter, int64_t* out_len, double* out_result)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_BoosterPredictForMatSingleRowFastInit(BoosterHandle handle,
    //   const int predict_type, const int start_iteration, const int num_iteration, const int data_type,
    //   const int32_t ncol, const char* parameter, FastConfigHandle *out_fastConfig);
    LGBM_BoosterPredictForMatSingleRowFastInit: fn(
      'LGBM_BoosterPredictForMatSingleRowFastInit',
      'int LGBM_BoosterPredictForMatSingleRowFastInit(BoosterHandle handle, const int predict_type, ' +
        'const int start_iteration, const int num_iteration, const int data_type, const int32_t ncol, ' +
        'const char* parameter, _Out_ FastConfigHandle *out_fastConfig)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_BoosterPredictForMatSingleRowFast(FastConfigHandle fastConfig_handle,
    //   const void* data, int64_t* out_len, double* out_result);
    LGBM_BoosterPredictForMatSingleRowFast: fn(
      'LGBM_BoosterPredictForMatSingleRowFast',
      'int LGBM_BoosterPredictForMatSingleRowFast(FastConfigHandle fastConfig_handle, const void* data, ' +
        'int64_t* out_len, double* out_result)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_BoosterSaveModel(BoosterHandle handle, int start_iteration,
    //   int num_iteration, int feature_importance_type, const char* filename);
    LGBM_BoosterSaveModel: fn(
      'LGBM_BoosterSaveModel',
      'int LGBM_BoosterSaveModel(BoosterHandle handle, int start_iteration, int num_iteration, ' +
        'int feature_importance_type, const char* filename)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_BoosterSaveModelToString(BoosterHandle handle, int start_iteration,
    //   int num_iteration, int feature_importance_type, int64_t buffer_len, int64_t* out_len, char* out_str);
    LGBM_BoosterSaveModelToString: fn(
      'LGBM_BoosterSaveModelToString',
      'int LGBM_BoosterSaveModelToString(BoosterHandle handle, int start_iteration, int num_iteration, ' +
        'int feature_importance_type, int64_t buffer_len, int64_t* out_len, char* out_str)',
    ),

    // LIGHTGBM_C_EXPORT int LGBM_BoosterFeatureImportance(BoosterHandle handle, int num_iteration,
    //   int importance_type, double* out_results);
    LGBM_BoosterFeatureImportance: fn(
      'LGBM_BoosterFeatureImportance',
      'int LGBM_BoosterFeatureImportance(BoosterHandle handle, int num_iteration, int importance_type, ' +
        'double* out_results)',
    ),
  };
}
