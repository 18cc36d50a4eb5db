import path from 'node:path';

import { ClairscoreError } from '../core/errors.js';

/** Limits MLflow's backends all guarantee (mlflow.md 2.4). */
export const LIMITS = {
  keyBytes: 250,
  paramValueBytes: 6000,
  tagValueBytes: 5000,
} as const;

// MLflow's name rule: alphanumerics, underscore, dash, period, space and slash.
const KEY = /^[\w\-. /]+$/;

/** Refuses a metric, param or tag key MLflow would refuse or that would escape its folder. */
export function checkKey(kind: 'metric' | 'param' | 'tag', key: string): void {
  const normalised = path.posix.normalize(key);
  const valid =
    KEY.test(key) &&
    normalised === key &&
    !key.startsWith('/') &&
    !key.endsWith('/') &&
    !key.split('/').some((part) => part === '.' || part === '..' || part.trim() === '') &&
    Buffer.byteLength(key) <= LIMITS.keyBytes;
  if (!valid) {
    throw new ClairscoreError(
      'CS_ERR_TRACKING_INPUT',
      `Invalid ${kind} name "${key}": use letters, digits, "_", "-", ".", " " and "/" (no "..", no leading or trailing "/"), at most ${LIMITS.keyBytes} bytes.`,
      { kind, key },
    );
  }
}

/** Refuses a value longer than every MLflow backend accepts. */
export function checkValue(kind: 'param' | 'tag', key: string, value: string, limit: number): void {
  const bytes = Buffer.byteLength(value);
  if (bytes > limit) {
    throw new ClairscoreError(
      'CS_ERR_TRACKING_INPUT',
      `The ${kind} "${key}" is ${bytes} bytes long; MLflow stores at most ${limit}. Log it as an artifact instead.`,
      { kind, key, bytes, limit },
    );
  }
}

/** Refuses a run or experiment id that is not a plain folder name. */
export function checkId(kind: 'run' | 'experiment', id: string): void {
  if (!/^[a-zA-Z0-9][\w-]{0,63}$/.test(id)) {
    throw new ClairscoreError(
      kind === 'run' ? 'CS_ERR_RUN_NOT_FOUND' : 'CS_ERR_EXPERIMENT_NOT_FOUND',
      `No ${kind} "${id}": ${kind} ids are letters, digits, "_" and "-".`,
      { [`${kind}Id`]: id },
    );
  }
}
