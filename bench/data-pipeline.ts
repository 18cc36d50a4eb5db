/**
 * Generate + ingest at a given size (default: the full Kaggle size, 356,255 clients), each
 * step run as a user runs it (the built CLI in a child process). Prints wall time, CPU time
 * and peak memory per step against the targets, and the ingest speed relative to a
 * bare DuckDB read of the same files (the baseline: what loading costs with no checks).
 *
 *   npm run build && node dist/bench/data-pipeline.js [--clients N] [--seed S] [--keep]
 *
 * Peak memory is GNU time's "Maximum resident set size" (apt-get install time).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { DuckDBInstance } from '@duckdb/node-api';

import { renderTable } from '../src/cli/table.js';
import { TABLES } from '../src/data/schema/index.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const clients = flag('--clients', '356255');
const seed = flag('--seed', '42');
const root = mkdtempSync(path.join(tmpdir(), 'cs-bench-pipeline-'));
const dataDir = path.join(root, 'data');
const workspace = path.join(root, 'workspace');
const cli = path.resolve(import.meta.dirname, '../src/cli/main.js');
const gnuTime = existsSync('/usr/bin/time');

interface StepFigures {
  readonly wallSeconds: number;
  readonly cpuSeconds: number | null;
  readonly peakRssMb: number | null;
}

function runStep(cliArgs: readonly string[]): StepFigures {
  const command = gnuTime ? '/usr/bin/time' : process.execPath;
  const commandArgs = gnuTime ? ['-v', process.execPath, cli, ...cliArgs] : [cli, ...cliArgs];
  const started = process.hrtime.bigint();
  const run = spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    throw new Error(`clairscore ${cliArgs[0]} failed (exit ${run.status})`);
  }
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(run.stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(run.stderr);
  return {
    wallSeconds,
    cpuSeconds: user && system ? Number(user[1]) + Number(system[1]) : null,
    peakRssMb: rss ? Number(rss[1]) / 1024 : null,
  };
}

/** Baseline: DuckDB reading every file with the same explicit types and no checks at all. */
async function bareDuckDbRead(): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const started = process.hrtime.bigint();
  for (const table of TABLES) {
    const file = path.join(dataDir, table.file);
    if (!existsSync(file)) continue;
    const columns = table.columns
      .map((c) => `'${c.name}': '${c.type === 'int' ? 'BIGINT' : c.type === 'float' ? 'DOUBLE' : 'VARCHAR'}'`)
      .join(', ');
    await connection.run(
      `CREATE TABLE "${table.name}" AS SELECT * FROM read_csv('${file}', header = true, columns = {${columns}})`,
    );
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  connection.closeSync();
  instance.closeSync();
  return seconds;
}

try {
  console.log(`clients ${Number(clients).toLocaleString('en-US')}, seed ${seed}, scratch ${root}`);
  const generate = runStep(['generate', '--clients', clients, '--seed', seed, '--out', dataDir, '--json']);
  const ingest = runStep(['ingest', '--data', dataDir, '--workspace', workspace, '--json']);
  const baseline = await bareDuckDbRead();
  const fmt = (x: number | null, digits = 1): string => (x === null ? 'n/a' : x.toFixed(digits));
  console.log(
    renderTable(
      ['step', 'wall s', 'cpu s', 'peak RSS MB', 'target'],
      [
        [
          'generate',
          fmt(generate.wallSeconds),
          fmt(generate.cpuSeconds),
          fmt(generate.peakRssMb, 0),
          '< 300 s, < 2048 MB',
        ],
        ['ingest', fmt(ingest.wallSeconds), fmt(ingest.cpuSeconds), fmt(ingest.peakRssMb, 0), '< 60 s'],
        ['bare DuckDB read (baseline)', fmt(baseline), '-', '-', '-'],
      ],
    ),
  );
  console.log(`ingest / bare read: ${(ingest.wallSeconds / baseline).toFixed(2)}x`);
  if (!gnuTime) console.log('peak memory needs GNU time: apt-get install time');
} finally {
  if (!args.includes('--keep')) rmSync(root, { recursive: true, force: true });
}
