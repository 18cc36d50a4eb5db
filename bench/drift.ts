/**
 * Drift at full size: every application column between application_train (307,511 rows) and
 * application_test (48,744 rows), in process and through the CLI (target < 30 s), then the
 * false-positive rate on random splits of the training rows (no drift by construction).
 *
 *   npx tsc -p tsconfig.json && node dist/bench/drift.js [--clients 356255] [--seed 42]
 *       [--workspace DIR] [--splits 5] [--keep]
 *
 * Without --workspace, generates the clients with the synthetic generator and ingests them
 * into a temporary workspace (child processes, timed only), deleted at the end unless --keep.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { renderTable } from '../src/cli/table.js';
import { Rng, resolveWorkspace } from '../src/core/index.js';
import { withDatabase } from '../src/data/index.js';
import {
  applicationTableSource,
  compareDataSets,
  memorySource,
  renderHtmlReport,
  type ColumnValues,
  type DataSource,
} from '../src/drift/index.js';
import { flag, hasFlag, peakMb, resetPeak, runCli } from './measure.js';

const clients = Number(flag('clients') ?? 356_255);
const seed = flag('seed') ?? '42';
const splits = Number(flag('splits') ?? 5);
const keep = hasFlag('keep');
const run = runCli;
async function measure<T>(
  work: () => Promise<T>,
): Promise<{ value: T; wall: number; cpu: number; peak: number }> {
  resetPeak();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return {
    value,
    wall: (performance.now() - started) / 1000,
    cpu: (used.user + used.system) / 1e6,
    peak: peakMb(),
  };
}

const rows: (string | number)[][] = [];
const root = mkdtempSync(path.join(tmpdir(), 'cs-bench-drift-'));
const workspace = resolveWorkspace(flag('workspace') ?? path.join(root, 'ws'));
try {
  if (!flag('workspace')) {
    const data = path.join(root, 'data');
    const gen = run('generate', ['generate', '--clients', String(clients), '--seed', seed, '--out', data]);
    rows.push([`generate ${clients.toLocaleString('en-US')} clients`, gen.toFixed(1), '', '']);
    const ing = run('ingest', ['ingest', '--data', data, '--workspace', workspace.root]);
    rows.push(['ingest', ing.toFixed(1), '', '']);
    rmSync(data, { recursive: true, force: true });
  }
  const compared = await measure(() =>
    withDatabase(workspace, { readOnly: true }, async (db) =>
      compareDataSets(
        await applicationTableSource(db.connection, 'application_train'),
        await applicationTableSource(db.connection, 'application_test'),
      ),
    ),
  );
  const report = compared.value;
  rows.push([
    `drift train vs test (${report.reference.rows.toLocaleString('en-US')} vs ${report.current.rows.toLocaleString('en-US')} rows, ${report.columns.length} columns)`,
    compared.wall.toFixed(1),
    compared.cpu.toFixed(1),
    compared.peak.toFixed(0),
  ]);
  const html = await measure(() => Promise.resolve(renderHtmlReport(report)));
  rows.push([
    `HTML report (${(html.value.length / 1024).toFixed(0)} KiB)`,
    html.wall.toFixed(2),
    html.cpu.toFixed(2),
    '',
  ]);
  const cliWall = run('drift', [
    'drift',
    '--workspace',
    workspace.root,
    '--reference',
    'train',
    '--current',
    'test',
    '--json',
  ]);
  rows.push([
    '`clairscore drift` end to end (process start, JSON and HTML written)',
    cliWall.toFixed(1),
    '',
    '',
  ]);
  const counts = report.columns.reduce<Record<string, number>>((acc, c) => {
    const key = c.status === 'tested' ? c.stattest! : 'not tested';
    acc[key] = (acc[key] ?? 0) + 1;
    return acc;
  }, {});

  // False positives: random splits of the training rows (same distribution on both sides).
  const splitRows: (string | number)[][] = [];
  const loaded = await withDatabase(workspace, { readOnly: true }, async (db) => {
    const train = await applicationTableSource(db.connection, 'application_train');
    return { train, values: await train.read(train.columns.map((c) => c.name)) };
  });
  const take = (column: ColumnValues, picked: Int32Array): ColumnValues =>
    column instanceof Float64Array
      ? Float64Array.from(picked, (r) => column[r]!)
      : Array.from(picked, (r) => column[r]!);
  const sample = (name: string, picked: Int32Array): DataSource =>
    memorySource(
      name,
      loaded.train.columns,
      Object.fromEntries(loaded.train.columns.map((c, i) => [c.name, take(loaded.values[i]!, picked)])),
    );
  const fullCurrent = Math.min(48_744, Math.floor(loaded.train.rows / 6));
  const fullReference = loaded.train.rows - fullCurrent;
  const fmt = (n: number): string => n.toLocaleString('en-US');
  for (const [label, refRows, curRows] of [
    [`all rows: ${fmt(fullReference)} vs ${fmt(fullCurrent)}`, fullReference, fullCurrent],
    ['small reference: 1,000 vs 1,000 rows', 1000, 1000],
  ] as const) {
    let drifted = 0;
    let tested = 0;
    let verdicts = 0;
    for (let s = 1; s <= splits; s++) {
      const rng = new Rng(s, 17);
      const order = Int32Array.from({ length: loaded.train.rows }, (_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = rng.int(0, i);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const split = await compareDataSets(
        sample('reference', order.subarray(0, refRows)),
        sample('current', order.subarray(refRows, refRows + curRows)),
      );
      drifted += split.dataset.numberOfDriftedColumns;
      tested += split.dataset.numberOfColumns;
      if (split.dataset.datasetDrift) verdicts++;
    }
    splitRows.push([label, splits, `${((drifted / tested) * 100).toFixed(2)}%`, `${verdicts}/${splits}`]);
  }

  console.log(renderTable(['step', 'wall s', 'CPU s', 'peak RSS MB'], rows));
  console.log(
    `\ntrain vs test: ${report.dataset.numberOfDriftedColumns} of ${report.dataset.numberOfColumns} columns drifted, dataset drift ${report.dataset.datasetDrift}; tests used: ${Object.entries(
      counts,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log('\nfalse positives on random splits of application_train (no drift by construction):');
  console.log(renderTable(['split', 'seeds', 'drifted columns', 'dataset drift verdicts'], splitRows));
} finally {
  if (!keep) rmSync(root, { recursive: true, force: true });
  else console.log(`kept ${root}`);
}
