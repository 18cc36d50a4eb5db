import { LightGbmError } from './errors.js';
import { lightGbm } from './library.js';

/** Turns a C return code into a LightGbmError carrying LGBM_GetLastError's text. */
export function check(returnCode: number, operation: string): void {
  if (returnCode === 0) return;
  const message = lightGbm().LGBM_GetLastError().trim();
  throw new LightGbmError(operation, message === '' ? `failed with code ${returnCode}` : message);
}

/** Runs a call with an `_Out_ Handle*` parameter and returns the handle it produced. */
export function createHandle<H extends bigint>(operation: string, call: (out: [bigint | null]) => number): H {
  const out: [bigint | null] = [null];
  check(call(out), operation);
  if (out[0] === null || out[0] === 0n) throw new LightGbmError(operation, 'returned a null handle');
  return out[0] as H;
}
