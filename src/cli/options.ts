import { ClairscoreError } from '../core/index.js';

/** Number parsers for flags: a wrong value is a usage error naming the flag and the value. */
function usage(flag: string, expected: string, value: string): never {
  throw new ClairscoreError('CS_ERR_USAGE', `${flag} must be ${expected}, got ${JSON.stringify(value)}.`);
}

export function integerFlag(flag: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const parsed = /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    usage(
      flag,
      max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer from ${min} to ${max}`,
      value,
    );
  }
  return parsed;
}

export function numberFlag(flag: string, value: string, min: number, max = Number.POSITIVE_INFINITY): number {
  const parsed = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(parsed) || parsed < min || parsed > max) {
    usage(flag, Number.isFinite(max) ? `a number from ${min} to ${max}` : `a number >= ${min}`, value);
  }
  return parsed;
}

export function choiceFlag<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) usage(flag, `one of ${choices.join(', ')}`, value);
  return value as T;
}
