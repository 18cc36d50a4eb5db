// What the bench scripts share: flags, the process's peak memory, and timed CLI steps.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);

/** The value after `--name` on the command line. */
export function flag(name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Whether `--name` is on the command line. */
export function hasFlag(name: string): boolean {
  return args.includes(`--${name}`);
}

/** Peak resident set of this process since the last reset, in MB (Linux). */
export function peakMb(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** Resets the peak (Linux); elsewhere peaks are cumulative. */
export function resetPeak(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // not Linux, or not allowed: the peak then covers the earlier steps too
  }
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

const CLI = path.resolve(import.meta.dirname, '../src/cli/main.js');

/** Runs `clairscore ...args` in a child process; its wall time in seconds. */
export function runCli(label: string, command: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [CLI, ...command], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${label} failed (status ${result.status})`);
  return (performance.now() - started) / 1000;
}
