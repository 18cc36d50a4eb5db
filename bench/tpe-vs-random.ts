/**
 * TPE vs random (vs grid, for small spaces) on standard test functions, beside Optuna's.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/tpe-vs-random.js [--seeds 20] [--trials 60] [--no-optuna]
 *
 * Each sampler runs one study per seed (1..seeds) with the same trial budget; a run's score is
 * the noise-free value of its best observed trial. Prints median and quartiles over seeds
 * (lower is better). The Optuna columns come from Debian's python3-optuna through /usr/bin/python3
 * (bench/optuna_reference.py, same functions, budget and seeds). The "tpe (3.1 density)" row is
 * ours with Optuna 3.1's kernel density (no −ln σ, fixed in later Optuna): it should land on
 * Optuna 3.1's figures, while the plain "tpe" row is the 4.x method the product uses.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { Rng } from '../src/core/index.js';
import type { Quartiles, SamplerEntry, TestFunction } from '../src/tuning/index.js';
import {
  compareSamplers,
  GridSampler,
  quartiles,
  RandomSampler,
  TEST_FUNCTIONS,
  TpeSampler,
} from '../src/tuning/index.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const nSeeds = option('--seeds', 20);
const nTrials = option('--trials', 60);
const seeds = Array.from({ length: nSeeds }, (_, i) => i + 1);

interface Row {
  fn: string;
  sampler: string;
  scores: Quartiles;
  msPerStudy: number;
}

async function ours(fn: TestFunction): Promise<Row[]> {
  const samplers: SamplerEntry[] = [
    { name: 'tpe', create: (seed) => new TpeSampler({ seed }) },
    { name: 'tpe (3.1 density)', create: (seed) => new TpeSampler({ seed, omitKernelScale: true }) },
    { name: 'random', create: (seed) => new RandomSampler({ seed }) },
  ];
  if (fn.gridSpace !== undefined) {
    samplers.push({ name: 'grid', create: (seed) => new GridSampler({ seed }), space: fn.gridSpace });
  }
  const rows: Row[] = [];
  for (const entry of samplers) {
    const started = performance.now();
    const comparison = await compareSamplers({
      space: fn.space,
      direction: 'minimize',
      samplers: [entry],
      seeds,
      nTrials,
      objective: (seed) => (trial) => fn.observe(trial.params, new Rng(seed, 10_000 + trial.number)),
      evaluate: (trial) => fn.value(trial.params),
    });
    rows.push({
      fn: fn.name,
      sampler: entry.name,
      scores: comparison.summaries[0]!.final,
      msPerStudy: (performance.now() - started) / seeds.length,
    });
  }
  return rows;
}

interface OptunaOutput {
  optuna: string;
  results: Record<string, Record<string, { best: number[]; ms_per_study: number }>>;
}

function optuna(): { version: string; rows: Row[] } | string {
  if (args.includes('--no-optuna')) return 'Optuna: skipped (--no-optuna).';
  const script = fileURLToPath(new URL('../../bench/optuna_reference.py', import.meta.url));
  if (!existsSync('/usr/bin/python3')) return 'Optuna: /usr/bin/python3 is absent; showing Clairscore only.';
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import optuna'], { stdio: 'ignore' });
  } catch {
    return 'Optuna: python3-optuna is not installed (apt-get install python3-optuna); showing Clairscore only.';
  }
  const out = JSON.parse(
    execFileSync('/usr/bin/python3', [script, '--seeds', String(nSeeds), '--trials', String(nTrials)], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    }),
  ) as OptunaOutput;
  const rows = Object.entries(out.results).flatMap(([fn, bySampler]) =>
    Object.entries(bySampler).map(([sampler, result]) => ({
      fn,
      sampler: `optuna ${sampler}`,
      scores: quartiles(result.best),
      msPerStudy: result.ms_per_study,
    })),
  );
  return { version: out.optuna, rows };
}

const fmt = (x: number): string => x.toFixed(4).padStart(9);

console.log(`Best value reached (noise-free), ${nSeeds} seeds x ${nTrials} trials; lower is better.\n`);
const rows: Row[] = [];
for (const fn of TEST_FUNCTIONS) rows.push(...(await ours(fn)));
const reference = optuna();
if (typeof reference === 'string') console.log(reference);
else rows.push(...reference.rows);

console.log(
  `${'function'.padEnd(16)} ${'sampler'.padEnd(28)} ${'q1'.padStart(9)} ${'median'.padStart(9)} ${'q3'.padStart(9)} ${'optimum'.padStart(9)}  ms/study`,
);
for (const fn of TEST_FUNCTIONS) {
  for (const row of rows.filter((r) => r.fn === fn.name)) {
    const label = row.sampler.startsWith('optuna') ? row.sampler : `clairscore ${row.sampler}`;
    const ms = row.msPerStudy.toFixed(0).padStart(8);
    console.log(
      `${fn.name.padEnd(16)} ${label.padEnd(28)} ${fmt(row.scores.q1)} ${fmt(row.scores.median)} ${fmt(row.scores.q3)} ${fmt(fn.minimum)}  ${ms}`,
    );
  }
}
if (typeof reference !== 'string')
  console.log(`\nOptuna ${reference.version} (Debian python3-optuna), default TPESampler / RandomSampler.`);
