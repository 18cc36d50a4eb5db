/**
 * Training at scale: the default `train` (export, every candidate's cross-validation, final
 * model), quality against the oracle, batch prediction throughput and single-row latency.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/train.js [--clients N] [--seed S] [--workspace DIR] [--keep]
 *
 * Without --workspace, generates N clients (default: the full Kaggle size, 356,255), ingests
 * them and builds the features in a temporary workspace (child processes, timed only). With
 * --workspace DIR, trains in DIR (which must hold the features) and registers a version there.
 * Ratios are against a baseline measured in the same run: batch prediction against one thread,
 * single-row probability + SHAP against the probability alone.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { renderTable } from '../src/cli/table.js';
import { resolveWorkspace } from '../src/core/index.js';
import { exportWorkspaceMatrix } from '../src/features/index.js';
import { Booster, denseMatrix } from '../src/model/index.js';
import { MODEL_FILE, ScoringModel, versionFile } from '../src/registry/index.js';
import { evaluateVersion, runTraining } from '../src/training/index.js';
import { flag, hasFlag, peakMb, resetPeak, runCli, seconds } from './measure.js';

const clients = Number(flag('clients') ?? 356_255);
const seed = flag('seed') ?? '42';
const keep = hasFlag('keep');
const rows: (string | number)[][] = [];
function run(step: string, argv: string[]): void {
  rows.push([step, `${runCli(step, argv).toFixed(1)} s`, '(child process)']);
}
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const root = flag('workspace') ?? mkdtempSync(path.join(tmpdir(), 'cs-bench-train-'));
const workspace = resolveWorkspace(root);
try {
  if (!flag('workspace')) {
    const data = path.join(root, 'synthetic');
    run(`generate ${clients.toLocaleString('en-US')} clients`, [
      'generate',
      '--clients',
      String(clients),
      '--seed',
      seed,
      '--out',
      data,
    ]);
    run('ingest', ['--workspace', root, 'ingest', '--data', data]);
    run('features', ['--workspace', root, 'features']);
  }

  resetPeak();
  const started = Date.now();
  const report = await runTraining(workspace, {
    costs: { fnCost: 10, fpCost: 1 },
    onStep: (step) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${step}\n`),
  });
  const total = Date.now() - started;
  for (const candidate of report.outcome.comparison) {
    rows.push([
      `  cross-validation: ${candidate.name} (AUC ${candidate.metrics.rocAuc.toFixed(4)})`,
      `${candidate.seconds.toFixed(1)} s`,
      '',
    ]);
  }
  rows.push([
    `default train, ${report.outcome.rows.toLocaleString('en-US')} rows (export, 5 candidates, final model)`,
    seconds(total),
    `${peakMb().toFixed(0)} MB`,
  ]);
  const card = report.card!;
  const evaluation = await evaluateVersion(workspace, { version: card.version });
  if (evaluation.oracle) {
    rows.push([
      `quality: OOF AUC ${evaluation.oracle.modelAuc.toFixed(4)} / oracle AUC ${evaluation.oracle.oracleAuc.toFixed(4)}`,
      `${(evaluation.oracle.fraction * 100).toFixed(1)}% of oracle`,
      '',
    ]);
  }

  // Batch prediction on the test applications: every core vs one thread.
  const test = await exportWorkspaceMatrix(workspace, { rows: 'test', expectedVersion: card.featureVersion });
  const modelText = readFileSync(versionFile(workspace, card.version, MODEL_FILE), 'utf8');
  const matrix = denseMatrix(test.data, test.ncol);
  const throughput = (threads: number | undefined): number => {
    using booster = Booster.fromString(modelText, threads === undefined ? {} : { numThreads: threads });
    const t0 = performance.now();
    booster.predict(matrix);
    return test.nrow / ((performance.now() - t0) / 1000);
  };
  const oneThread = throughput(1);
  const allThreads = throughput(undefined);
  rows.push([
    `batch prediction, ${test.nrow.toLocaleString('en-US')} test rows, all cores`,
    `${Math.round(allThreads).toLocaleString('en-US')} rows/s`,
    `${(allThreads / oneThread).toFixed(2)}x one thread (${Math.round(oneThread).toLocaleString('en-US')} rows/s)`,
  ]);

  // One row at a time, as the service scores: calibrated probability, then probability + SHAP.
  using model = ScoringModel.load(workspace, card.version);
  const sample = 1000;
  const probabilityOnly: number[] = [];
  const withShap: number[] = [];
  for (let i = 0; i < sample; i++) {
    const row = (i * Math.floor(test.nrow / sample)) % test.nrow;
    const vector = test.data.subarray(row * test.ncol, (row + 1) * test.ncol);
    const t0 = performance.now();
    model.score(vector);
    const t1 = performance.now();
    model.contributions(vector);
    const t2 = performance.now();
    probabilityOnly.push(t1 - t0);
    withShap.push(t2 - t0);
  }
  probabilityOnly.sort((a, b) => a - b);
  withShap.sort((a, b) => a - b);
  rows.push([
    `one row: calibrated probability (${card.rounds} trees)`,
    `p50 ${percentile(probabilityOnly, 0.5).toFixed(2)} ms`,
    `p95 ${percentile(probabilityOnly, 0.95).toFixed(2)} ms`,
  ]);
  rows.push([
    'one row: probability + SHAP contributions',
    `p50 ${percentile(withShap, 0.5).toFixed(2)} ms`,
    `p95 ${percentile(withShap, 0.95).toFixed(2)} ms (${(percentile(withShap, 0.5) / percentile(probabilityOnly, 0.5)).toFixed(1)}x probability alone)`,
  ]);
} finally {
  if (!keep && !flag('workspace')) rmSync(root, { recursive: true, force: true });
}
console.log(renderTable(['step', 'time', 'peak memory / note'], rows));
