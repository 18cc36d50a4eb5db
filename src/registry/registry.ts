import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { ClairscoreError, type Workspace } from '../core/index.js';
import type { ModelCard } from './model-card.js';

/** The one registered model name: every version is a candidate for the same decision. */
export const MODEL_NAME = 'clairscore';
export const MODEL_FILE = 'model.txt';
export const CARD_FILE = 'card.json';

/** A version's files besides the card: the model text and any artifacts (name -> content). */
export type VersionFiles = Readonly<Record<string, string | Uint8Array>>;

export function modelRoot(workspace: Workspace): string {
  return path.join(workspace.registry, MODEL_NAME);
}

function versionsDir(workspace: Workspace): string {
  return path.join(modelRoot(workspace), 'versions');
}

export function versionDir(workspace: Workspace, version: number): string {
  return path.join(versionsDir(workspace), String(version));
}

/** Registered version numbers, ascending (folders being built are not versions yet). */
export function listVersions(workspace: Workspace): number[] {
  const dir = versionsDir(workspace);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^[1-9]\d*$/.test(name) && existsSync(path.join(dir, name, CARD_FILE)))
    .map(Number)
    .sort((a, b) => a - b);
}

export function readCard(workspace: Workspace, version: number): ModelCard {
  const file = path.join(versionDir(workspace, version), CARD_FILE);
  if (!existsSync(file)) {
    const known = listVersions(workspace);
    throw new ClairscoreError(
      'CS_ERR_MODEL_VERSION',
      `There is no model version ${version}. Registered versions: ${known.length > 0 ? known.join(', ') : 'none (run `clairscore train`)'}.`,
    );
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ModelCard;
  } catch (error) {
    throw new ClairscoreError(
      'CS_ERR_REGISTRY',
      `The card of model version ${version} (${file}) is unreadable: ${(error as Error).message}.`,
    );
  }
}

/**
 * Registers a new version: its files are written in a folder aside, then the folder is renamed
 * to the next free number, so a version is either complete or absent. Two trainings finishing
 * together get different numbers: a rename onto an existing version fails and the next is tried.
 */
export function registerVersion(
  workspace: Workspace,
  card: Omit<ModelCard, 'version'>,
  files: VersionFiles,
): ModelCard {
  const dir = versionsDir(workspace);
  mkdirSync(dir, { recursive: true });
  const building = path.join(dir, `.building-${process.pid}-${Date.now()}`);
  mkdirSync(building);
  try {
    for (const [name, content] of Object.entries(files)) {
      if (name === CARD_FILE || name.includes('/') || name.startsWith('.')) {
        throw new ClairscoreError('CS_ERR_REGISTRY', `invalid version file name ${name}`);
      }
      writeFileSync(path.join(building, name), content);
    }
    for (let attempt = 0; attempt < 100; attempt++) {
      const version = (listVersions(workspace).at(-1) ?? 0) + 1;
      const full: ModelCard = { ...card, version };
      writeFileSync(path.join(building, CARD_FILE), `${JSON.stringify(full, null, 2)}\n`);
      try {
        renameSync(building, versionDir(workspace, version));
        return full;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
      }
    }
    throw new ClairscoreError('CS_ERR_REGISTRY', 'could not find a free version number');
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    throw error;
  }
}

/** A file of a registered version (the model text, an artifact). */
export function versionFile(workspace: Workspace, version: number, name: string): string {
  readCard(workspace, version); // a clear error for an unknown version
  return path.join(versionDir(workspace, version), name);
}
