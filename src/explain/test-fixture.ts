import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { resolveWorkspace, type Workspace } from '../core/index.js';
import { ingestFolder } from '../data/index.js';
import { generateDataset } from '../data/generate/index.js';
import { buildFeatureTable, exportWorkspaceMatrix } from '../features/index.js';
import { DEFAULT_COSTS, Dataset, denseMatrix, train } from '../model/index.js';
import { MODEL_FILE, promote, readCard, registerVersion } from '../registry/index.js';
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
  await registerPolicyModel(workspace);
}

/** The version holding the policy model (see registerPolicyModel). */
export const POLICY_VERSION = 2;

/**
 * A model that plainly depends on the fields a client can act on, for the counterfactual tests
 * (the small real model hardly uses them): trained on the label "annuity / income above the
 * median", with no calibration and a threshold of 0.5. Registered, not promoted.
 */
async function registerPolicyModel(workspace: Workspace): Promise<void> {
  const matrix = await exportWorkspaceMatrix(workspace, { rows: 'train' });
  const column = matrix.columns.indexOf('ANNUITY_INCOME_RATIO');
  const ratios = Array.from({ length: matrix.nrow }, (_, i) => matrix.data[i * matrix.ncol + column]!);
  const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!;
  const label = Float32Array.from(ratios, (r) => (r > median ? 1 : 0));
  const params = {
    objective: 'binary',
    num_leaves: 7,
    min_data_in_leaf: 20,
    learning_rate: 0.2,
    num_threads: 1,
    verbose: -1,
  };
  const dataset = Dataset.fromMatrix(denseMatrix(matrix.data, matrix.ncol), {
    label,
    featureNames: [...matrix.columns],
    params,
  });
  const { booster } = train(params, dataset, { numBoostRound: 40 });
  const base = readCard(workspace, 1);
  registerVersion(
    workspace,
    {
      ...base,
      runId: null,
      params,
      rounds: 40,
      calibration: { kind: 'identity' },
      decision: { threshold: 0.5, fnCost: 1, fpCost: 1, reviewBand: 0 },
    },
    { [MODEL_FILE]: booster.modelToString() },
  );
  booster.free();
  dataset.free();
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
