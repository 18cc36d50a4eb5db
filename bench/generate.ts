/**
 * Throughput and memory of `clairscore generate` at a given size (default: the full Kaggle
 * size, 356,255 clients, about 58M secondary rows and 6 GB), run as a user would: the built
 * CLI in a child process.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/generate.js [--clients N] [--seed S] [--out DIR] [--workers N] [--keep]
 *
 * Prints wall time, rows and MB per file, rows/s and peak resident memory (GNU time's
 * "Maximum resident set size" of the child when /usr/bin/time exists, and the CLI's own
 * process.resourceUsage().maxRSS, which counts its worker threads). The output folder is
 * deleted afterwards unless --keep.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { GenerateSummary } from '../src/data/generate/index.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const clients = flag('--clients') ?? '356255';
const seed = flag('--seed') ?? '42';
const given = flag('--out');
const out = given ?? path.join(mkdtempSync(path.join(tmpdir(), 'cs-bench-generate-')), 'data');
const workers = flag('--workers');
const keep = args.includes('--keep');

const cli = path.resolve(import.meta.dirname, '../src/cli/main.js');
const cliArgs = [
  'generate',
  '--clients',
  clients,
  '--seed',
  seed,
  '--out',
  out,
  '--json',
  ...(workers ? ['--workers', workers] : []),
];
const gnuTime = existsSync('/usr/bin/time');
const started = process.hrtime.bigint();
const run = gnuTime
  ? spawnSync('/usr/bin/time', ['-v', process.execPath, cli, ...cliArgs], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    })
  : spawnSync(process.execPath, [cli, ...cliArgs], { encoding: 'utf8', maxBuffer: 1 << 26 });
const wall = Number(process.hrtime.bigint() - started) / 1e9;
if (run.status !== 0) {
  console.error(run.stderr);
  process.exit(1);
}
const summary = JSON.parse(run.stdout) as GenerateSummary;
const timeRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr ?? '');
const cpu = /User time \(seconds\): ([\d.]+)[\s\S]*System time \(seconds\): ([\d.]+)/.exec(run.stderr ?? '');

const totalRows = summary.files.reduce((s, f) => s + f.rows, 0);
const totalBytes = summary.files.reduce((s, f) => s + f.bytes, 0);
console.log(`clairscore generate --clients ${clients} --seed ${seed} (${summary.workers} worker threads)`);
for (const f of summary.files) {
  console.log(
    `  ${f.file.padEnd(26)} ${f.rows.toLocaleString('en-US').padStart(12)} rows ${(f.bytes / 1e6).toFixed(1).padStart(9)} MB`,
  );
}
console.log(
  `  ${'total'.padEnd(26)} ${totalRows.toLocaleString('en-US').padStart(12)} rows ${(totalBytes / 1e6).toFixed(1).padStart(9)} MB`,
);
console.log(`wall time        ${wall.toFixed(1)} s (generator's own clock ${summary.seconds.toFixed(1)} s)`);
if (cpu) console.log(`cpu time         ${cpu[1]} s user + ${cpu[2]} s system`);
console.log(
  `throughput       ${(totalRows / summary.seconds / 1e6).toFixed(2)} M rows/s, ${(totalBytes / summary.seconds / 1e6).toFixed(1)} MB/s, ${(summary.clients / summary.seconds).toFixed(0)} clients/s`,
);
console.log(
  `peak memory      ${timeRss ? `${(Number(timeRss[1]) / 1024).toFixed(0)} MiB (GNU time), ` : ''}${(summary.peakRssBytes / 2 ** 20).toFixed(0)} MiB (process maxRSS)`,
);
console.log(
  `TARGET rate      ${(summary.targetRate * 100).toFixed(2)}% of ${summary.trainRows.toLocaleString('en-US')} train rows; mean TRUE_PD ${(summary.meanTruePd * 100).toFixed(2)}%`,
);
if (keep) console.log(`kept             ${out}`);
else rmSync(given ? out : path.dirname(out), { recursive: true, force: true });
