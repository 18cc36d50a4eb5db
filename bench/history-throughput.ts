/**
 * Throughput of the secondary-table history generator.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/history-throughput.js [clients] [--out DIR]
 *
 * Generates histories for synthetic applicants (20,000 by default) and prints rows per
 * second per table and overall. With --out, also writes the six CSV files to DIR for
 * inspection (writing is not timed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { Rng } from '../src/core/index.js';
import { behaviourOf } from '../src/data/generate/history/behaviour.js';
import { writeBureau } from '../src/data/generate/history/bureau.js';
import { drawCounts } from '../src/data/generate/history/counts.js';
import { generateHistory, HISTORY_HEADERS } from '../src/data/generate/history/index.js';
import { writePrevious } from '../src/data/generate/history/previous.js';
import { SignalTally } from '../src/data/generate/history/signals.js';
import { sampleApplicant } from '../src/data/generate/history/sample-applicants.js';
import type { Applicant, HistoryRows, IdCounters } from '../src/data/generate/types.js';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const outDir = outIndex >= 0 ? args[outIndex + 1] : undefined;
const clients = Number(args.find((a, i) => /^\d+$/.test(a) && (outIndex < 0 || i !== outIndex + 1)) ?? 20000);

const tables = Object.keys(HISTORY_HEADERS) as (keyof HistoryRows)[];
const applicantRng = new Rng(7, 1);
const applicants: Applicant[] = [];
for (let i = 0; i < clients; i++) applicants.push(sampleApplicant(applicantRng, 100002 + i));

const rng = new Rng(42, 2);
const ids: IdCounters = { nextBureauId: 5_000_000, nextPrevId: 1_000_000 };
const counts = Object.fromEntries(tables.map((t) => [t, 0])) as Record<keyof HistoryRows, number>;
const kept: Record<keyof HistoryRows, string[]> | undefined = outDir
  ? (Object.fromEntries(tables.map((t) => [t, [HISTORY_HEADERS[t]]])) as Record<keyof HistoryRows, string[]>)
  : undefined;

// Warm-up so the JIT has compiled the hot paths before timing.
const warmRng = new Rng(1, 1);
const warmIds: IdCounters = { nextBureauId: 1, nextPrevId: 1 };
for (let i = 0; i < 2000; i++) generateHistory(warmRng, applicants[i % applicants.length]!, warmIds);

const start = process.hrtime.bigint();
for (const applicant of applicants) {
  const { rows } = generateHistory(rng, applicant, ids);
  for (const t of tables) {
    counts[t] += rows[t].length;
    if (kept) for (const line of rows[t]) kept[t].push(line);
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;

const total = tables.reduce((s, t) => s + counts[t], 0);
const fullScale = 356255 / clients;
console.log(`clients ${clients}, ${seconds.toFixed(2)} s (all tables generated together)`);
for (const t of tables) {
  const share = counts[t] / total;
  console.log(
    `${t.padEnd(24)} rows ${String(counts[t]).padStart(10)} (${(share * 100).toFixed(1)}%)  per client ` +
      `${(counts[t] / clients).toFixed(2).padStart(7)}  full-size ~${((counts[t] * fullScale) / 1e6).toFixed(2)}M`,
  );
}
console.log(
  `overall ${total} rows: ${(total / seconds / 1e6).toFixed(2)}M rows/s, ${((seconds / total) * 1e6).toFixed(2)} µs/row; ` +
    `full size (~${((total * fullScale) / 1e6).toFixed(1)}M rows) ≈ ${(seconds * fullScale).toFixed(0)} s`,
);

// Split by writer: bureau (+ bureau_balance) vs previous_application (+ POS, installments, card).
const splitRng = new Rng(42, 2);
const splitIds: IdCounters = { nextBureauId: 5_000_000, nextPrevId: 1_000_000 };
let bureauNs = 0n;
let previousNs = 0n;
let bureauRows = 0;
let previousRows = 0;
for (const applicant of applicants) {
  const c = drawCounts(splitRng, applicant);
  const b = behaviourOf(splitRng, applicant);
  const tally = new SignalTally();
  const br: string[] = [];
  const bb: string[] = [];
  const out = {
    previous: [] as string[],
    pos: [] as string[],
    installments: [] as string[],
    card: [] as string[],
  };
  const t0 = process.hrtime.bigint();
  writeBureau(splitRng, applicant, c, splitIds, br, bb, tally);
  const t1 = process.hrtime.bigint();
  writePrevious(splitRng, applicant, c, b, splitIds, out, tally);
  const t2 = process.hrtime.bigint();
  bureauNs += t1 - t0;
  previousNs += t2 - t1;
  bureauRows += br.length + bb.length;
  previousRows += out.previous.length + out.pos.length + out.installments.length + out.card.length;
}
console.log(
  `bureau + bureau_balance: ${((bureauRows / Number(bureauNs)) * 1e3).toFixed(2)}M rows/s; ` +
    `previous_application + POS + installments + credit_card: ${((previousRows / Number(previousNs)) * 1e3).toFixed(2)}M rows/s`,
);

if (outDir && kept) {
  mkdirSync(outDir, { recursive: true });
  for (const t of tables) writeFileSync(join(outDir, `${t}.csv`), kept[t].join('\n') + '\n');
  console.log(`wrote ${outDir}`);
}
