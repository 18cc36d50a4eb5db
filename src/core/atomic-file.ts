import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that readers see the old content or the new, never a part: the bytes go to
 * a temporary file, are flushed to disk, and the temporary file is renamed over the target.
 * The temporary file is dotted (readers listing the folder skip it) and lives in `tempDir`,
 * the target's folder by default; it must be on the same file system.
 */
export function writeFileAtomic(
  target: string,
  content: string | Uint8Array,
  tempDir = path.dirname(target),
): void {
  mkdirSync(path.dirname(target), { recursive: true });
  const temporary = path.join(
    tempDir,
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const fd = openSync(temporary, 'wx');
    try {
      writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
