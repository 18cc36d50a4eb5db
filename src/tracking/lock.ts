import { open, stat, unlink } from 'node:fs/promises';

const STALE_MS = 30_000;
const WAIT_MS = 20_000;

/**
 * Runs `task` holding an exclusive lock file (O_EXCL create). A lock older than 30 s is taken to
 * be left by a killed process and removed. A file at the mlruns root is ignored by MLflow, which
 * lists only folders there.
 */
export async function withLock<T>(file: string, task: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      const handle = await open(file, 'wx');
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await stat(file).then(
        (info) => Date.now() - info.mtimeMs,
        () => 0,
      );
      if (age > STALE_MS) await unlink(file).catch(() => undefined);
      else if (Date.now() - started > WAIT_MS)
        throw new Error(`lock ${file} held for more than ${WAIT_MS} ms`);
      else await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  try {
    return await task();
  } finally {
    await unlink(file).catch(() => undefined);
  }
}
