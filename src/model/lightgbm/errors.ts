/**
 * A failure inside LightGBM (non-zero return code, text from LGBM_GetLastError) or a misuse
 * caught before reaching it (freed handle, wrong matrix shape) that would otherwise crash.
 */
export class LightGbmError extends Error {
  /** The C function that failed, or the method that refused the call. */
  readonly operation: string;

  constructor(operation: string, message: string) {
    super(`LightGBM ${operation}: ${message}`);
    this.name = 'LightGbmError';
    this.operation = operation;
  }
}

export function isLightGbmError(error: unknown): error is LightGbmError {
  return error instanceof LightGbmError;
}
