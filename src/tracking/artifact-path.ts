import { realpath } from 'node:fs/promises';
import path from 'node:path';

import { ClairscoreError } from '../core/errors.js';

function refuse(relativePath: string, why: string): never {
  throw new ClairscoreError(
    'CS_ERR_ARTIFACT_PATH',
    `Artifact path "${relativePath}" refused: ${why}. Give a path relative to the run's artifacts, without "..".`,
    { path: relativePath },
  );
}

/** Segments of a run-relative artifact path; refuses absolute paths and any "..". */
export function artifactSegments(relativePath: string): string[] {
  if (relativePath.includes('\0')) refuse(relativePath, 'it contains a NUL character');
  if (relativePath.includes('\\')) refuse(relativePath, 'use "/" as the separator');
  if (relativePath.startsWith('/') || /^[a-zA-Z]:/.test(relativePath)) refuse(relativePath, 'it is absolute');
  const segments = relativePath.split('/').filter((part) => part !== '' && part !== '.');
  if (segments.includes('..')) refuse(relativePath, 'it leaves the artifact folder');
  return segments;
}

/** The file a relative artifact path names under `root`, never outside it. */
export function resolveArtifactPath(root: string, relativePath: string): string {
  const target = path.join(root, ...artifactSegments(relativePath));
  const base = path.resolve(root);
  if (target !== base && !target.startsWith(base + path.sep))
    refuse(relativePath, 'it leaves the artifact folder');
  return target;
}

/** Also refuses a path that reaches outside `root` through a symbolic link. */
export async function resolveExistingArtifactPath(root: string, relativePath: string): Promise<string> {
  const target = resolveArtifactPath(root, relativePath);
  const [realRoot, realTarget] = await Promise.all([realpath(root), realpath(target)]);
  if (realTarget !== realRoot && !realTarget.startsWith(realRoot + path.sep)) {
    refuse(relativePath, 'it leads outside the artifact folder through a link');
  }
  return target;
}
