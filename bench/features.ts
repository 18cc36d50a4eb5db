/**
 * Feature pipeline at scale: full feature table (time, peak memory), Float32 export, and
 * single-application latency percentiles.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/features.js [--clients N] [--seed S]
 *       [--applications 1000] [--workspace DIR] [--keep]
 *
 * Without --workspace, generates N clients (default: the full Kaggle size, 356,255) with the
 * synthetic generator, ingests them into a temporary workspace and deletes it at the end
 * (unless --keep). Peak memory is the process's peak resident set during each step (reset
 * between steps through /proc/self/clear_refs); generation and ingestion run as child
 * processes and are timed only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { DuckDBInstance } from '@duckdb/node-api';

import { renderTable } from '../src/cli/table.js';
import { resolveWorkspace } from '../src/core/index.js';
import {
  applicationsFromDatabase,
  buildFeatureTable,
  exportWorkspaceMatrix,
  FeatureEngine,
} from '../src/features/index.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const clients = Number(flag('clients') ?? 356_255);
const seed = flag('seed') ?? '42';
const applications = Number(flag('applications') ?? 1000);
const keep = args.includes('--keep');
const cli = path.resolve(import.meta.dirname, '../src/cli/main.js');

/** Peak resident set of this process since the last reset, in MB (Linux). */
function peakMb(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}
function resetPeak(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // not Linux, or not allowed: the peak then covers every earlier step too
  }
}
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const rows: (string | number)[][] = [];

function run(step: string, argv: string[]): void {
  const started = Date.now();
  const result = spawnSync(process.execPath, [cli, ...argv], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.status !== 0) throw new Error(`${step} failed: ${result.stderr}`);
  rows.push([step, seconds(Date.now() - started), '(child process)']);
}

const root = flag('workspace') ?? mkdtempSync(path.join(tmpdir(), 'cs-bench-features-'));
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
    rmSync(data, { recursive: true, force: true });
  }

  resetPeak();
  const summary = await buildFeatureTable(workspace);
  rows.push([
    `feature table: ${summary.rows.train + summary.rows.test} rows x ${summary.features} features (${summary.dropped.length} dropped)`,
    seconds(summary.durationMs),
    `${peakMb().toFixed(0)} MB`,
  ]);

  resetPeak();
  let started = Date.now();
  const matrix = await exportWorkspaceMatrix(workspace, { rows: 'all' });
  rows.push([
    `Float32 export: ${matrix.nrow} x ${matrix.ncol}`,
    seconds(Date.now() - started),
    `${peakMb().toFixed(0)} MB`,
  ]);

  // the applications to score: spread over the id range, with their history, as API JSON
  const instance = await DuckDBInstance.create(workspace.database, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  const step = Math.max(1, Math.floor(matrix.nrow / applications));
  const ids = Array.from({ length: Math.min(applications, matrix.nrow) }, (_, i) => matrix.ids[i * step]!);
  const inputs = [...(await applicationsFromDatabase(connection, ids)).values()];
  connection.closeSync();
  instance.closeSync();

  started = Date.now();
  const engine = await FeatureEngine.open(workspace);
  rows.push([
    'single path: engine start (in-memory DuckDB, prepared statements)',
    seconds(Date.now() - started),
    '',
  ]);
  for (const input of inputs.slice(0, 50)) await engine.compute(input); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const input of inputs) {
    const cpuStart = process.cpuUsage();
    const t0 = performance.now();
    await engine.compute(input);
    wall.push(performance.now() - t0);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  engine.close();
  const pct = (values: number[], p: number): string =>
    `${[...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!.toFixed(1)} ms`;
  for (const p of [0.5, 0.95, 0.99]) {
    rows.push([
      `single application p${Math.round(p * 100)} (${inputs.length} applications)`,
      pct(wall, p),
      `cpu ${pct(cpu, p)}`,
    ]);
  }
} finally {
  if (!keep && !flag('workspace')) rmSync(root, { recursive: true, force: true });
}

console.log(renderTable(['step', 'time', 'peak memory / note'], rows));
