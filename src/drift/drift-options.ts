/** Checks the drift options a user gave (CLI flags, later API parameters) before any work. */
import { ClairscoreError } from '../core/index.js';
import type { DriftOptions } from './report-schema.js';
import { isStatTestName, STAT_TEST_NAMES } from './stattests/registry.js';

function usage(message: string): ClairscoreError {
  return new ClairscoreError('CS_ERR_USAGE', message);
}

function checkMethod(label: string, name: string | undefined): void {
  if (name !== undefined && !isStatTestName(name)) {
    throw usage(`${label} must be one of ${STAT_TEST_NAMES.join(', ')} (got "${name}").`);
  }
}

function checkThreshold(label: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
    throw usage(`${label} must be a positive number (got ${value}).`);
  }
}

/** Returns the options unchanged when valid; a CS_ERR_USAGE error naming the bad one otherwise. */
export function validateDriftOptions(options: DriftOptions): DriftOptions {
  checkMethod('the method', options.method);
  checkMethod('the numerical method', options.numMethod);
  checkMethod('the categorical method', options.catMethod);
  for (const [column, method] of Object.entries(options.perColumnMethod ?? {}))
    checkMethod(`the method of ${column}`, method);
  checkThreshold('the threshold', options.threshold);
  checkThreshold('the numerical threshold', options.numThreshold);
  checkThreshold('the categorical threshold', options.catThreshold);
  for (const [column, value] of Object.entries(options.perColumnThreshold ?? {}))
    checkThreshold(`the threshold of ${column}`, value);
  const share = options.driftShare;
  if (share !== undefined && !(share > 0 && share <= 1)) {
    throw usage(`the drift share must be in (0, 1] (got ${share}).`);
  }
  return options;
}
