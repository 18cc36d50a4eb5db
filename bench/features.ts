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
 * processes and are timed only. The single-application latency runs in a child process too
 * (`--latency-only`), which holds only the engine, as the service will.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
import { flag, hasFlag, peakMb, resetPeak, runCli, seconds } from './measure.js';

const clients = Number(flag('clients') ?? 356_255);
const seed = flag('seed') ?? '42';
const applications = Number(flag('applications') ?? 1000);
const keep = hasFlag('keep');
const rows: (string | number)[][] = [];

function run(step: string, argv: string[]): void {
  rows.push([step, `${runCli(step, argv).toFixed(1)} s`, '(child process)']);
}

const root = flag('workspace') ?? mkdtempSync(path.join(tmpdir(), 'cs-bench-features-'));
const workspace = resolveWorkspace(root);
if (hasFlag('latency-only')) {
  await measureLatency();
  process.exit(0);
}
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
  const started = Date.now();
  const matrix = await exportWorkspaceMatrix(workspace, { rows: 'all' });
  rows.push([
    `Float32 export: ${matrix.nrow} x ${matrix.ncol}`,
    seconds(Date.now() - started),
    `${peakMb().toFixed(0)} MB`,
  ]);

  // The service scores in its own process, which never built the table: measure the single
  // path there too, not in this process whose heap and allocator just held the batch build.
  const latency = spawnSync(
    process.execPath,
    [import.meta.filename, '--latency-only', '--workspace', root, '--applications', String(applications)],
    {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    },
  );
  if (latency.status !== 0) throw new Error(`single-application run failed: ${latency.stderr}`);
  rows.push(...(JSON.parse(latency.stdout.trim().split('\n').at(-1)!) as (string | number)[][]));
} finally {
  if (!keep && !flag('workspace')) rmSync(root, { recursive: true, force: true });
}

console.log(renderTable(['step', 'time', 'peak memory / note'], rows));

/** The single-application latency, measured in a process that holds only the engine. */
async function measureLatency(): Promise<void> {
  // the applications to score: spread over the id range, with their history, as API JSON
  const instance = await DuckDBInstance.create(workspace.database, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  const idRows = await connection.runAndReadAll('SELECT SK_ID_CURR FROM features ORDER BY SK_ID_CURR');
  const allIds = idRows.getRows().map((row) => Number(row[0]));
  const step = Math.max(1, Math.floor(allIds.length / applications));
  const ids = Array.from({ length: Math.min(applications, allIds.length) }, (_, i) => allIds[i * step]!);
  const inputs = [...(await applicationsFromDatabase(connection, ids)).values()];
  connection.closeSync();
  instance.closeSync();

  const started = Date.now();
  const engine = await FeatureEngine.open(workspace);
  rows.push([
    'single path: engine start (in-memory DuckDB, prepared statements)',
    seconds(Date.now() - started),
    '',
  ]);
  // warm-up on clients kept out of the measure: their history results are remembered from then on
  const warmUp = inputs.splice(-50);
  for (const input of warmUp) await engine.compute(input);
  const timed = async (
    application: Record<string, unknown>,
    wall: number[],
    cpu: number[],
  ): Promise<void> => {
    const cpuStart = process.cpuUsage();
    const t0 = performance.now();
    await engine.compute(application);
    wall.push(performance.now() - t0);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  };
  // each client scored as new, then, for 200 of them, what the simulator sends next: the same
  // client with another amount and term, five times
  const fresh = { wall: [] as number[], cpu: [] as number[] };
  const whatIf = { wall: [] as number[], cpu: [] as number[] };
  for (const [i, input] of inputs.entries()) {
    await timed(input, fresh.wall, fresh.cpu);
    if (i >= 200) continue;
    for (const factor of [0.6, 0.8, 1.2, 1.4, 1.6]) {
      const changed = {
        ...input,
        AMT_CREDIT: Number(input.AMT_CREDIT) * factor,
        AMT_ANNUITY: (Number(input.AMT_ANNUITY) * (factor + 1)) / 2,
      };
      await timed(changed, whatIf.wall, whatIf.cpu);
    }
  }
  engine.close();
  const pct = (values: number[], p: number): string =>
    `${[...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!.toFixed(1)} ms`;
  for (const [label, measured] of [
    [`new application (${inputs.length} clients)`, fresh],
    [`what-if of a client (${whatIf.wall.length} changes of amount and term)`, whatIf],
  ] as const) {
    for (const p of [0.5, 0.95, 0.99]) {
      rows.push([
        `single path p${Math.round(p * 100)}: ${label}`,
        pct(measured.wall, p),
        `cpu ${pct(measured.cpu, p)}`,
      ]);
    }
  }
  console.log(JSON.stringify(rows));
}
