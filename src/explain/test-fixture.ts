import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { resolveWorkspace, type Workspace } from '../core/index.js';
import { ingestFolder } from '../data/index.js';
import { generateDataset } from '../data/generate/index.js';
import { buildFeatureTable } from '../features/index.js';
import { DEFAULT_COSTS } from '../model/index.js';
import { promote } from '../registry/index.js';
import { runTraining } from '../training/index.js';

const PREFIX = 'cs-explain-fixture-';
export const FIXTURE_CLIENTS = 2000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Removes fixtures left by earlier test runs (their vitest process is gone). */
function removeStale(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const pid = Number(name.slice(PREFIX.length).replace(/\.lock$/, ''));
    if (Number.isInteger(pid) && !alive(pid))
      rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
  }
}

async function build(root: string): Promise<void> {
  const workspace = resolveWorkspace(root);
  const dataDir = path.join(root, 'data');
  await generateDataset({ clients: FIXTURE_CLIENTS, seed: 11, out: dataDir, workers: 0 });
  await ingestFolder({ dataDir, workspace });
  await buildFeatureTable(workspace);
  await runTraining(workspace, {
    models: ['lightgbm'],
    folds: 3,
    costs: DEFAULT_COSTS,
    reviewBand: 0.02,
    numBoostRound: 60,
    earlyStoppingRounds: 20,
    params: { num_threads: 1, min_data_in_leaf: 20, learning_rate: 0.1 },
  });
  promote(workspace);
}

/**
 * A small workspace with a promoted champion, built once per test run: the test files of one
 * vitest process share it (the forks have that process as parent), the first one builds it.
 */
export async function fixtureWorkspace(): Promise<Workspace> {
  const root = path.join(tmpdir(), `${PREFIX}${process.ppid}`);
  const ready = path.join(root, 'ready');
  if (existsSync(ready)) return resolveWorkspace(root);
  let builder = false;
  try {
    mkdirSync(`${root}.lock`);
    builder = true;
  } catch {
    builder = false;
  }
  if (builder) {
    removeStale();
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    await build(root);
    writeFileSync(ready, '');
    return resolveWorkspace(root);
  }
  for (let waited = 0; waited < 180_000; waited += 200) {
    if (existsSync(ready)) return resolveWorkspace(root);
    await sleep(200);
  }
  throw new Error(`the explain test fixture in ${root} was not ready after 3 minutes`);
}
