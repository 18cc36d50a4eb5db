import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach } from 'vitest';

import type { RunContext } from './run-context.js';

/** A fixed context, so tags do not depend on the machine. */
export const TEST_CONTEXT: RunContext = {
  user: 'alice',
  sourceName: '/opt/clairscore/train.js',
  gitCommit: '0123456789abcdef0123456789abcdef01234567',
};

/** A clock that ticks one millisecond per call from `start`. */
export function tickingClock(start = 1_717_000_000_000): () => number {
  let now = start;
  return () => now++;
}

/** Temporary folders removed after each test of the file that calls this. */
export function useTempDirs(): (name: string) => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return (name) => {
    const dir = mkdtempSync(path.join(tmpdir(), `clairscore-tracking-${name}-`));
    made.push(dir);
    return dir;
  };
}
