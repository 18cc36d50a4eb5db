import { check } from './check.js';

/** The shape shared by LGBM_*GetFeatureNames and LGBM_BoosterGetEvalNames. */
export type StringArrayCall = (
  len: number,
  outLen: Int32Array,
  bufferLen: number,
  outBufferLen: BigUint64Array,
  outStrs: Buffer[] | null,
) => number;

/** Reads a C string array in two calls: sizes first, then into buffers of the right size. */
export function readStringArray(operation: string, call: StringArrayCall): string[] {
  const count = new Int32Array(1);
  const needed = new BigUint64Array(1);
  check(call(0, count, 0, needed, null), operation);
  const bufferLen = Math.max(1, Number(needed[0]));
  const buffers = Array.from({ length: count[0]! }, () => Buffer.alloc(bufferLen));
  check(call(buffers.length, count, bufferLen, needed, buffers), operation);
  return buffers.map((buffer) => {
    const end = buffer.indexOf(0);
    return buffer.toString('utf8', 0, end === -1 ? buffer.length : end);
  });
}
