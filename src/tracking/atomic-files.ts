import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Crash-safe writes for the file store. A temporary file lives in `tempDir` (the run or
 * experiment folder, never metrics/ params/ tags/, where MLflow would read it as a key),
 * is flushed, then renamed over the target: a reader sees the old file or the new one.
 */

/** Name of a temporary file: dotted, so readers (ours and MLflow's) skip it. */
function tempName(tempDir: string, target: string): string {
  return path.join(tempDir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

async function writeTemp(file: string, content: string | Uint8Array): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Replaces `target` with `content` in one rename. */
export async function writeFileAtomic(
  target: string,
  content: string | Uint8Array,
  tempDir = path.dirname(target),
): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = tempName(tempDir, target);
  try {
    await writeTemp(temp, content);
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Creates `target` with `content` unless it exists; returns false when it already did. */
export async function createFileAtomic(target: string, content: string, tempDir: string): Promise<boolean> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = tempName(tempDir, target);
  try {
    await writeTemp(temp, content);
    await link(temp, target); // link, unlike rename, fails when the target exists
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** Appends whole lines in one write(2) on an O_APPEND descriptor, so no reader sees half a line. */
export async function appendLines(target: string, text: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const handle = await open(target, 'a');
  try {
    await handle.write(text);
  } finally {
    await handle.close();
  }
}
