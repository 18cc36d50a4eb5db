import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

import { ClairscoreError } from '../../core/index.js';

/**
 * A database file built beside its target and swapped in by one rename (atomic on one
 * filesystem), so readers see the old database or the new one, never a half-built one.
 * Until commit(), the target is never opened or written.
 */
export interface BuildingFile {
  readonly path: string;
  /** Renames the (closed) building file over the target. */
  commit(): void;
  /** Deletes the building file and DuckDB's side files; safe to call twice. */
  discard(): void;
}

const SUFFIX = '.building-';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export function startBuilding(target: string): BuildingFile {
  removeStaleBuilds(target);
  const building = `${target}${SUFFIX}${process.pid}`;
  removeDatabaseFiles(building);
  // A signal would skip `finally` blocks: delete the file, then die of the same signal.
  const onSignal = (signal: NodeJS.Signals): void => {
    removeDatabaseFiles(building);
    stopListening();
    process.kill(process.pid, signal);
  };
  const stopListening = (): void => SIGNALS.forEach((s) => process.off(s, onSignal));
  SIGNALS.forEach((s) => process.once(s, onSignal));
  return {
    path: building,
    commit: () => {
      stopListening();
      if (existsSync(`${building}.wal`)) throw new Error(`${building} was not closed cleanly`);
      // A write-ahead log left by the old file must not be replayed onto the new one.
      const staleWal = `${target}.wal`;
      const asideWal = `${staleWal}${SUFFIX}${process.pid}`;
      const hadWal = existsSync(staleWal);
      try {
        if (hadWal) renameSync(staleWal, asideWal);
        renameSync(building, target);
      } catch (error) {
        if (hadWal && existsSync(asideWal)) renameSync(asideWal, staleWal);
        throw new ClairscoreError(
          'CS_ERR_WORKSPACE',
          `Cannot replace ${target}: ${(error as Error).message}. The previous database is unchanged.`,
          { path: target },
        );
      }
      rmSync(asideWal, { force: true });
      removeDatabaseFiles(building);
    },
    discard: () => {
      stopListening();
      removeDatabaseFiles(building);
    },
  };
}

/** Deletes a DuckDB file with its write-ahead log and spill folder. */
function removeDatabaseFiles(file: string): void {
  for (const f of [file, `${file}.wal`, `${file}.tmp`]) rmSync(f, { force: true, recursive: true });
}

/** Deletes building files left by ingestions that died (killed hard, power cut). */
function removeStaleBuilds(target: string): void {
  const dir = path.dirname(target);
  const prefix = `${path.basename(target)}${SUFFIX}`;
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number.parseInt(name.slice(prefix.length), 10);
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid))
      rmSync(path.join(dir, name), { force: true, recursive: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
