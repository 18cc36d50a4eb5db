import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { resolveWorkspace, type Workspace } from '../src/core/index.js';
import { ingestFolder } from '../src/data/index.js';
import { generateDataset } from '../src/data/generate/index.js';
import { buildFeatureTable } from '../src/features/index.js';
import { promote } from '../src/registry/index.js';
import { runTraining } from '../src/training/index.js';

/** A small trained model: a few rounds are enough for the service's contract. */
export async function trainSmallModel(workspace: Workspace, seed = 42, reviewBand = 0.05): Promise<number> {
  const report = await runTraining(workspace, {
    models: ['lightgbm'],
    folds: 2,
    seed,
    costs: { fnCost: 10, fpCost: 1 },
    reviewBand,
    numBoostRound: 20,
    earlyStoppingRounds: 10,
  });
  if (!report.card) throw new Error('training registered no version');
  return report.card.version;
}

/**
 * A workspace with generated clients ingested, the feature table, one trained LightGBM
 * promoted champion. Built once per test file (a few seconds for 2,000 clients).
 */
export async function buildServiceWorkspace(clients = 2000): Promise<Workspace> {
  const root = mkdtempSync(path.join(tmpdir(), 'cs-api-'));
  const workspace = resolveWorkspace(root);
  const dataDir = path.join(root, 'data');
  await generateDataset({ clients, seed: 7, out: dataDir });
  await ingestFolder({ dataDir, workspace });
  await buildFeatureTable(workspace);
  await trainSmallModel(workspace);
  promote(workspace);
  return workspace;
}

export function removeWorkspace(workspace: Workspace): void {
  rmSync(workspace.root, { recursive: true, force: true });
}
