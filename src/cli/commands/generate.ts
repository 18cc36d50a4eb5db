import path from 'node:path';

import type { Command } from 'commander';

import { ClairscoreError } from '../../core/index.js';
import {
  checkDataset,
  generateDataset,
  parseClients,
  parseSeed,
  type CheckReport,
  type GenerateSummary,
} from '../../data/generate/index.js';
import { contextFrom } from '../context.js';
import { startProgress } from '../progress.js';
import { renderTable } from '../table.js';

interface GenerateFlags {
  clients: string;
  seed: string;
  out?: string;
  workers?: string;
  check?: string;
}

/** `clairscore generate`: write a synthetic data set, or `--check DIR` one against the real statistics. */
export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description(
      'write a realistic synthetic Home Credit data set (the eight Kaggle CSV files plus truth.csv)',
    )
    .option(
      '-n, --clients <n>',
      'number of clients (train and test together; the real data has 356,255)',
      '10000',
    )
    .option('-s, --seed <seed>', 'random seed: the same clients and seed give byte-identical files', '42')
    .option('-o, --out <dir>', 'output folder (default: <workspace>/synthetic)')
    .option('--workers <n>', 'worker threads (default: 2 for large sets, 0 for small ones)')
    .option('--check <dir>', 'instead of generating, compare the data set in DIR with the real statistics')
    .addHelpText(
      'after',
      '\nExamples:\n  clairscore generate --clients 30000 --seed 7 --out data/synthetic\n  clairscore generate --check data/synthetic',
    )
    .action(async (flags: GenerateFlags, command: Command) => {
      const ctx = contextFrom(command);
      if (flags.check !== undefined) {
        ctx.result(await checkDataset(flags.check), renderCheck);
        return;
      }
      const clients = parseClients(flags.clients);
      const seed = parseSeed(flags.seed);
      const workers = flags.workers === undefined ? undefined : parseWorkers(flags.workers);
      const out = path.resolve(flags.out ?? path.join(ctx.workspace.root, 'synthetic'));
      const bar = startProgress('generate', clients);
      const abort = new AbortController();
      const onSignal = (): void => abort.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      let summary: GenerateSummary;
      try {
        summary = await generateDataset({
          clients,
          seed,
          out,
          workers,
          signal: abort.signal,
          onProgress: (done) => bar.update(done, `${done.toLocaleString('en-US')} clients`),
        });
      } catch (error) {
        if (abort.signal.aborted) {
          throw new ClairscoreError('CS_ERR_OUTPUT', `Interrupted: nothing was written to ${out}.`);
        }
        throw error;
      } finally {
        bar.stop();
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      ctx.result(summary, renderSummary);
    });
}

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 16) {
    throw new ClairscoreError(
      'CS_ERR_USAGE',
      `--workers must be a whole number from 0 to 16, got "${value}".`,
    );
  }
  return n;
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
const pct = (x: number, digits = 2): string => `${(x * 100).toFixed(digits)}%`;

export function renderSummary(s: GenerateSummary): string {
  const table = renderTable(
    ['file', 'rows', 'MB'],
    s.files.map((f) => [f.file, f.rows, mb(f.bytes)]),
  );
  return [
    `Wrote a synthetic data set to ${s.out}`,
    '',
    table,
    '',
    `clients   ${s.clients.toLocaleString('en-US')} (${s.trainRows.toLocaleString('en-US')} train, ${s.testRows.toLocaleString('en-US')} test), seed ${s.seed}`,
    `defaults  ${s.defaults.toLocaleString('en-US')} (${pct(s.targetRate)} of train; mean TRUE_PD ${pct(s.meanTruePd)})`,
    `size      ${mb(s.files.reduce((t, f) => t + f.bytes, 0))} MB`,
    `time      ${s.seconds.toFixed(1)} s with ${s.workers} worker thread(s), peak memory ${mb(s.peakRssBytes)} MB`,
    '',
    'truth.csv holds the true default probability of every client: for evaluation only, never for training.',
  ].join('\n');
}

export function renderCheck(r: CheckReport): string {
  const value = (v: number | string | null): string =>
    v === null ? '-' : typeof v === 'number' ? String(Number(v.toPrecision(6))) : v;
  const columns = renderTable(
    ['column', 'missing', 'real', 'median / top level', 'real', 'flag'],
    r.columns.map((c) => [
      c.column,
      pct(c.missing.generated, 1),
      pct(c.missing.reference, 1),
      c.share ? `${value(c.generated)} (${pct(c.share.generated, 1)})` : value(c.generated),
      c.share ? `${value(c.reference)} (${pct(c.share.reference, 1)})` : value(c.reference),
      c.flag ? `! ${c.flag}` : '',
    ]),
  );
  const files = renderTable(
    ['file', 'rows'],
    r.files.map((f) => [f.file, f.rows === null ? 'absent' : f.rows]),
  );
  const perClient = (x: number | null): string => (x === null ? '-' : x.toFixed(2));
  return [
    `application_train.csv of ${r.dir} against the real statistics (SCHEMA.md)`,
    '',
    columns,
    '',
    files,
    '',
    `TARGET rate        ${pct(r.targetRate.generated)} (real ${pct(r.targetRate.reference)})`,
    `bureau per client  ${perClient(r.bureauPerClient)} (real 4.82)`,
    `previous per client ${perClient(r.previousPerClient)} (real 4.69)`,
    `flagged columns    ${r.flagged} of ${r.columns.length}`,
  ].join('\n');
}
