/**
 * One catalogue of user-facing errors, shared by the CLI and (later) the API.
 * Each has a stable code, an HTTP status and a message that says what to do.
 */
export const ERROR_CODES = {
  CS_ERR_USAGE: 400,
  CS_ERR_INPUT_NOT_FOUND: 404,
  CS_ERR_REQUIRED_FILE_MISSING: 400,
  CS_ERR_EMPTY_FILE: 400,
  CS_ERR_NOT_CSV: 400,
  CS_ERR_BAD_HEADER: 400,
  CS_ERR_MISSING_COLUMNS: 400,
  CS_ERR_MALFORMED_CSV: 400,
  CS_ERR_BAD_VALUE: 400,
  CS_ERR_DUPLICATE_KEY: 400,
  CS_ERR_BAD_TARGET: 400,
  CS_ERR_MISSING_KEY: 400,
  CS_ERR_NO_DATABASE: 404,
  CS_ERR_SEARCH_SPACE: 400,
  CS_ERR_NO_FEATURES: 404,
  CS_ERR_UNKNOWN_FEATURE: 404,
  CS_ERR_EMPTY_DATASET: 400,
  CS_ERR_NO_COMMON_COLUMNS: 400,
  CS_ERR_MALFORMED_SCORED: 400,
  CS_ERR_FEATURE_VERSION: 409,
  CS_ERR_INVALID_APPLICATION: 400,
  CS_ERR_OUTPUT: 400,
  CS_ERR_EVALUATION_INPUT: 400,
  CS_ERR_CALIBRATION: 400,
  CS_ERR_WORKSPACE: 500,
  CS_ERR_TRACKING_INPUT: 400,
  CS_ERR_TRACKING_CONFLICT: 409,
  CS_ERR_TRACKING_STORE: 500,
  CS_ERR_TRACKING_SERVER: 502,
  CS_ERR_EXPERIMENT_NOT_FOUND: 404,
  CS_ERR_RUN_NOT_FOUND: 404,
  CS_ERR_ARTIFACT_NOT_FOUND: 404,
  CS_ERR_ARTIFACT_PATH: 400,
  CS_ERR_NO_MODEL: 404,
  CS_ERR_MODEL_VERSION: 404,
  CS_ERR_PROMOTION_REFUSED: 409,
  CS_ERR_REGISTRY: 500,
  CS_ERR_BAD_REQUEST: 400,
  CS_ERR_UNAUTHENTICATED: 401,
  CS_ERR_FORBIDDEN: 403,
  CS_ERR_NOT_FOUND: 404,
  CS_ERR_UNKNOWN_CLIENT: 404,
  CS_ERR_ACCOUNT_NOT_FOUND: 404,
  CS_ERR_ACCOUNT_EXISTS: 409,
  CS_ERR_NOT_IN_REVIEW: 409,
  CS_ERR_NO_DRIFT_REPORT: 404,
  CS_ERR_PAYLOAD_TOO_LARGE: 413,
  CS_ERR_UNSUPPORTED_MEDIA_TYPE: 415,
  CS_ERR_RATE_LIMITED: 429,
  CS_ERR_NOT_READY: 503,
  CS_ERR_INTERNAL: 500,
  CS_ERR_BAD_FILTER: 400,
  CS_ERR_EMPTY_GROUP: 404,
  CS_ERR_GROUP_TOO_SMALL: 403,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error a user can cause and fix; printed without a stack trace unless --verbose. */
export class ClairscoreError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ClairscoreError';
    this.code = code;
    this.status = ERROR_CODES[code];
    this.details = details;
  }
}

export function isClairscoreError(error: unknown): error is ClairscoreError {
  return error instanceof ClairscoreError;
}
