import os from 'node:os';
import { LightGbmError } from './errors.js';

export type ParamValue = string | number | boolean | readonly (string | number)[];

/** LightGBM parameters (https://lightgbm.readthedocs.io/en/v4.1.0/Parameters.html); common ones typed. */
export interface LightGbmParams {
  readonly objective?: string;
  readonly boosting?: 'gbdt' | 'rf' | 'dart' | 'goss';
  readonly metric?: string | readonly string[];
  readonly num_leaves?: number;
  readonly learning_rate?: number;
  readonly max_depth?: number;
  readonly min_data_in_leaf?: number;
  readonly feature_fraction?: number;
  readonly bagging_fraction?: number;
  readonly bagging_freq?: number;
  readonly lambda_l1?: number;
  readonly lambda_l2?: number;
  readonly is_unbalance?: boolean;
  readonly scale_pos_weight?: number;
  readonly num_threads?: number;
  readonly seed?: number;
  readonly deterministic?: boolean;
  readonly verbose?: number;
  readonly [key: string]: ParamValue | undefined;
}

const THREAD_ALIASES = ['num_threads', 'num_thread', 'nthread', 'nthreads', 'n_jobs'];
const VERBOSE_ALIASES = ['verbose', 'verbosity'];

/** Threads LightGBM uses unless num_threads says otherwise: every core of the machine. */
export function defaultThreads(): number {
  return os.availableParallelism();
}

/** The thread count params ask for (any alias), else defaultThreads(). */
export function threadCount(params: LightGbmParams): number {
  const value = THREAD_ALIASES.map((key) => params[key]).find((v) => v !== undefined);
  return typeof value === 'number' && value > 0 ? value : defaultThreads();
}

/** Our defaults (all cores, quiet) under the caller's params, aliases included. */
export function withDefaults(params: LightGbmParams): LightGbmParams {
  const has = (aliases: string[]): boolean => aliases.some((key) => params[key] !== undefined);
  return {
    ...(has(THREAD_ALIASES) ? {} : { num_threads: defaultThreads() }),
    ...(has(VERBOSE_ALIASES) ? {} : { verbose: -1 }),
    ...params,
  };
}

function formatValue(key: string, value: ParamValue): string {
  const parts = typeof value === 'object' ? value : [value];
  const text = parts
    .map((part) => {
      if (typeof part === 'number' && !Number.isFinite(part)) {
        throw new LightGbmError('params', `${key} must be a finite number, got ${part}`);
      }
      return String(part);
    })
    .join(',');
  // LightGBM splits the string on whitespace and '=': such a value would silently become other keys.
  if (text === '' || /[\s=]/.test(text)) {
    throw new LightGbmError('params', `${key} has a value LightGBM cannot parse: ${JSON.stringify(text)}`);
  }
  return text;
}

/** The 'key1=value1 key2=value2' string LightGBM's C API expects (defaults added). */
export function formatParams(params: LightGbmParams): string {
  return Object.entries(withDefaults(params))
    .filter((entry): entry is [string, ParamValue] => entry[1] !== undefined)
    .map(([key, value]) => {
      if (!/^[A-Za-z0-9_]+$/.test(key)) throw new LightGbmError('params', `invalid parameter name ${key}`);
      return `${key}=${formatValue(key, value)}`;
    })
    .join(' ');
}
