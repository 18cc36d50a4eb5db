/**
 * Saved trials back into records for resuming a study. JSON turns NaN intermediate values into
 * null; they come back as NaN (the pruner and the TPE split treat them as the worst values).
 */
import { ClairscoreError } from '../core/errors.js';
import type { ParamValue } from './search-space.js';
import type { FrozenTrial, IntermediateValue, TrialState } from './trial-record.js';

const STATES: readonly TrialState[] = ['COMPLETE', 'PRUNED', 'FAIL'];

/** Validates saved trials (e.g. JSON.parse of StudyRecord.trials); throws CS_ERR_USAGE naming the bad trial. */
export function trialsFromJson(raw: unknown): FrozenTrial[] {
  if (!Array.isArray(raw)) throw bad('saved trials must be an array');
  return raw.map((entry: unknown, index) => trialFromJson(entry, index));
}

function trialFromJson(entry: unknown, index: number): FrozenTrial {
  if (typeof entry !== 'object' || entry === null) throw bad(`trial [${index}] is not an object`);
  const t = entry as Record<string, unknown>;
  const where = `trial [${index}]`;
  const number = t['number'];
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 0)
    throw bad(`${where}: bad "number"`);
  const state = t['state'];
  if (!STATES.includes(state as TrialState))
    throw bad(`${where}: "state" must be one of ${STATES.join(', ')}`);
  const params = t['params'];
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    throw bad(`${where}: bad "params"`);
  for (const value of Object.values(params)) {
    if (!['string', 'number', 'boolean'].includes(typeof value))
      throw bad(`${where}: a parameter is not a value`);
  }
  const value = t['value'];
  if (value !== null && typeof value !== 'number') throw bad(`${where}: "value" must be a number or null`);
  if (state === 'COMPLETE' && typeof value !== 'number')
    throw bad(`${where}: a COMPLETE trial needs a value`);
  const intermediate = t['intermediate'] ?? [];
  if (!Array.isArray(intermediate)) throw bad(`${where}: "intermediate" must be an array`);
  const times = ['startedAt', 'completedAt', 'durationMs'].map((k) => t[k]);
  if (times.some((x) => typeof x !== 'number'))
    throw bad(`${where}: startedAt, completedAt, durationMs must be numbers`);
  const error = t['error'];
  return {
    number,
    state: state as TrialState,
    params: params as Record<string, ParamValue>,
    value,
    intermediate: intermediate.map((iv: unknown) => intermediateFromJson(iv, where)),
    startedAt: times[0] as number,
    completedAt: times[1] as number,
    durationMs: times[2] as number,
    ...(typeof error === 'string' ? { error } : {}),
  };
}

function intermediateFromJson(raw: unknown, where: string): IntermediateValue {
  const iv = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const step = iv['step'];
  const value = iv['value'];
  if (typeof step !== 'number' || !Number.isInteger(step) || !(typeof value === 'number' || value === null)) {
    throw bad(`${where}: intermediate values must be { step, value }`);
  }
  return { step, value: value ?? NaN };
}

function bad(reason: string): ClairscoreError {
  return new ClairscoreError('CS_ERR_USAGE', `Cannot resume the study from its saved trials: ${reason}`);
}
