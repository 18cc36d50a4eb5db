import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { ClairscoreError, writeFileAtomic, type Workspace } from '../core/index.js';
import { readSchemaFile } from '../features/index.js';
import type { ModelCard } from './model-card.js';
import { listVersions, modelRoot, readCard } from './registry.js';

export interface ChampionEntry {
  readonly version: number;
  readonly promotedAt: string;
}

/** The champion pointer: the current champion and, newest last, the ones it replaced. */
export interface ChampionPointer extends ChampionEntry {
  readonly previous: readonly ChampionEntry[];
}

export interface PromoteOptions {
  /** The version to promote; the newest when omitted. */
  readonly version?: number;
  /** Refuse a model whose out-of-fold ROC AUC is below this. */
  readonly minAuc?: number;
}

export interface Promotion {
  readonly champion: ModelCard;
  /** The champion it replaced, if any. */
  readonly replaced: number | null;
}

export function championFile(workspace: Workspace): string {
  return path.join(modelRoot(workspace), 'champion.json');
}

/** The champion pointer, or undefined before the first promotion. */
export function readChampionPointer(workspace: Workspace): ChampionPointer | undefined {
  const file = championFile(workspace);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ChampionPointer;
  } catch (error) {
    throw new ClairscoreError(
      'CS_ERR_REGISTRY',
      `The champion pointer ${file} is unreadable: ${(error as Error).message}.`,
    );
  }
}

/** The champion's version; a clear error when none was promoted. */
export function championVersion(workspace: Workspace): number {
  const pointer = readChampionPointer(workspace);
  if (!pointer) {
    throw new ClairscoreError(
      'CS_ERR_NO_MODEL',
      'No champion model yet: run `clairscore train`, then `clairscore promote`.',
    );
  }
  return pointer.version;
}

/** The card of the champion; a clear error when none was promoted. */
export function readChampionCard(workspace: Workspace): ModelCard {
  return readCard(workspace, championVersion(workspace));
}

/** Refuses a model that cannot serve the current feature table or is not good enough. */
function checkPromotable(workspace: Workspace, card: ModelCard, minAuc: number | undefined): void {
  const schema = readSchemaFile(workspace);
  if (schema.version !== card.featureVersion) {
    throw new ClairscoreError(
      'CS_ERR_PROMOTION_REFUSED',
      `Model version ${card.version} was trained on feature version ${card.featureVersion}, but the feature table is version ${schema.version}. Retrain it (clairscore train) or rebuild the features it was made for.`,
    );
  }
  if (minAuc !== undefined && !(card.metrics.rocAuc >= minAuc)) {
    throw new ClairscoreError(
      'CS_ERR_PROMOTION_REFUSED',
      `Model version ${card.version} has an out-of-fold ROC AUC of ${card.metrics.rocAuc.toFixed(4)}, below the floor ${minAuc}.`,
    );
  }
}

/**
 * Makes a version the champion. The pointer is replaced by an atomic rename, so the service
 * reading it sees the old champion or the new one, never a half-written file.
 */
export function promote(workspace: Workspace, options: PromoteOptions = {}): Promotion {
  const version = options.version ?? listVersions(workspace).at(-1);
  if (version === undefined) {
    throw new ClairscoreError(
      'CS_ERR_NO_MODEL',
      'No model version to promote: run `clairscore train` first.',
    );
  }
  const card = readCard(workspace, version);
  checkPromotable(workspace, card, options.minAuc);
  const current = readChampionPointer(workspace);
  if (current?.version === version) return { champion: card, replaced: null };
  const previous = current
    ? [...current.previous, { version: current.version, promotedAt: current.promotedAt }]
    : [];
  const pointer: ChampionPointer = { version, promotedAt: new Date().toISOString(), previous };
  writeFileAtomic(championFile(workspace), `${JSON.stringify(pointer, null, 2)}\n`);
  return { champion: card, replaced: current?.version ?? null };
}

/** Restores the champion the current one replaced. */
export function rollback(workspace: Workspace): Promotion {
  const current = readChampionPointer(workspace);
  const last = current?.previous.at(-1);
  if (!current || !last) {
    throw new ClairscoreError('CS_ERR_NO_MODEL', 'There is no earlier champion to roll back to.');
  }
  const card = readCard(workspace, last.version);
  // The restored model must still fit the feature table; no AUC floor: it was champion before.
  checkPromotable(workspace, card, undefined);
  const pointer: ChampionPointer = {
    version: last.version,
    promotedAt: new Date().toISOString(),
    previous: current.previous.slice(0, -1),
  };
  writeFileAtomic(championFile(workspace), `${JSON.stringify(pointer, null, 2)}\n`);
  return { champion: card, replaced: current.version };
}
