import { ClairscoreError } from '../../core/index.js';

/** Beyond ten times the real data set: a typo more likely than a wish. */
export const MAX_CLIENTS = 5_000_000;
export const MAX_SEED = 4294967295;

/** A positive whole number of clients, at most MAX_CLIENTS. */
export function parseClients(value: string | number): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (typeof value === 'string' && !/^\s*\d+\s*$/.test(value)) {
    throw usage(`--clients must be a whole number of clients, got "${value}".`);
  }
  if (!Number.isSafeInteger(n) || n < 1) throw usage(`--clients must be at least 1, got ${value}.`);
  if (n > MAX_CLIENTS) {
    throw usage(
      `--clients ${n} is too large: at most ${MAX_CLIENTS.toLocaleString('en-US')} (the real data has 356,255).`,
    );
  }
  return n;
}

/** A whole-number seed in 0 .. 2^32-1. */
export function parseSeed(value: string | number): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (
    (typeof value === 'string' && !/^\s*\d+\s*$/.test(value)) ||
    !Number.isSafeInteger(n) ||
    n < 0 ||
    n > MAX_SEED
  ) {
    throw usage(`--seed must be a whole number between 0 and ${MAX_SEED}, got "${value}".`);
  }
  return n;
}

function usage(message: string): ClairscoreError {
  return new ClairscoreError('CS_ERR_USAGE', message);
}
