// Generated applications (src/data/generate) split at random: drift injected in chosen
// columns must be found, and without injection the false-positive rate stays low.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';

import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Rng } from '../core/index.js';
import { generateDataset } from '../data/generate/index.js';
import type { ColumnValues } from './column-values.js';
import { memorySource, type DataSource } from './data-source.js';
import { compareDataSets } from './dataset-drift.js';
import { csvSource } from './sql-source.js';
import { STAT_TESTS } from './stattests/registry.js';

let dir: string;
let applications: DataSource;
let values: ColumnValues[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cs-drift-'));
  await generateDataset({ clients: 4000, seed: 11, out: dir, workers: 0 });
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    applications = await csvSource(connection, path.join(dir, 'application_train.csv'));
    values = await applications.read(applications.columns.map((c) => c.name));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function take(column: ColumnValues, rows: readonly number[]): ColumnValues {
  return column instanceof Float64Array
    ? Float64Array.from(rows, (r) => column[r]!)
    : rows.map((r) => column[r]!);
}

/** A random split of the generated rows: `referenceRows` vs `currentRows` (disjoint). */
function split(seed: number, referenceRows: number, currentRows: number): [DataSource, DataSource] {
  const rng = new Rng(seed);
  const order = Array.from({ length: applications.rows }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const part = (rows: number[]): Record<string, ColumnValues> =>
    Object.fromEntries(applications.columns.map((c, i) => [c.name, take(values[i]!, rows)]));
  return [
    memorySource('reference', applications.columns, part(order.slice(0, referenceRows))),
    memorySource(
      'current',
      applications.columns,
      part(order.slice(referenceRows, referenceRows + currentRows)),
    ),
  ];
}

describe('generated applications', () => {
  it('finds drift injected in chosen columns, and only there', async () => {
    const [reference, current] = split(1, 2500, 1000);
    const names = current.columns.map((c) => c.name);
    const columns = await current.read(names);
    const byName = new Map(names.map((n, i) => [n, columns[i]!]));
    const credit = byName.get('AMT_CREDIT') as Float64Array;
    for (let i = 0; i < credit.length; i++) credit[i] = credit[i]! * 1.4; // larger loans
    const score = byName.get('EXT_SOURCE_2') as Float64Array;
    for (let i = 0; i < score.length; i++) score[i] = score[i]! - 0.15; // riskier applicants
    const contract = byName.get('NAME_CONTRACT_TYPE') as (string | null)[];
    for (let i = 0; i < contract.length; i += 2) contract[i] = 'Revolving loans'; // product mix change
    const drifted = memorySource('drifted', current.columns, Object.fromEntries(byName));
    const report = await compareDataSets(reference, drifted);
    const injected = ['AMT_CREDIT', 'EXT_SOURCE_2', 'NAME_CONTRACT_TYPE'];
    for (const name of injected) {
      const column = report.columns.find((c) => c.columnName === name)!;
      expect(column.driftDetected).toBe(true);
      expect(column.driftScore).toBeGreaterThan(3 * column.stattestThreshold!);
    }
    // the other columns only show sampling noise: near the threshold at most
    const others = report.columns.filter(
      (c) => !injected.includes(c.columnName) && c.status === 'tested' && c.stattest !== 'chisquare',
    );
    expect(others.length).toBeGreaterThan(90);
    for (const c of others) {
      const test = STAT_TESTS[c.stattest!];
      if (test.scoreKind === 'distance') expect(c.driftScore!).toBeLessThan(2 * c.stattestThreshold!);
    }
    expect(report.dataset.datasetDrift).toBe(false);
  });

  it('false-positive rate over 20 seeds without injected drift', async () => {
    // drifted / tested columns, by regime and test family
    const tally = new Map<string, [number, number]>();
    const count = (key: string, drifted: boolean): void => {
      const [d, n] = tally.get(key) ?? [0, 0];
      tally.set(key, [d + Number(drifted), n + 1]);
    };
    let datasetVerdicts = 0;
    for (let seed = 1; seed <= 20; seed++) {
      for (const [regime, refRows, curRows] of [
        ['reference 2,500 rows', 2500, 1200],
        ['reference 800 rows', 800, 800],
      ] as const) {
        const [reference, current] = split(seed * 7919, refRows, curRows);
        const report = await compareDataSets(reference, current);
        if (report.dataset.datasetDrift) datasetVerdicts++;
        for (const c of report.columns.filter((x) => x.status === 'tested')) {
          const family = c.stattest === 'ks' || c.stattest === 'z' ? 'ks+z' : c.stattest!;
          count(`${regime}, ${family}`, c.driftDetected);
          count(`${regime}, all`, c.driftDetected);
        }
      }
    }
    const rate = (key: string): number => tally.get(key)![0] / tally.get(key)![1];
    console.log(
      'false-positive rate per tested column over 20 seeds:\n' +
        [...tally.keys()]
          .sort()
          .map((k) => `  ${k}: ${(rate(k) * 100).toFixed(2)}% of ${tally.get(k)![1]}`)
          .join('\n') +
        `\n  dataset drift verdicts: ${datasetVerdicts}/40`,
    );
    expect(datasetVerdicts).toBe(0);
    // K-S and Z at 0.05 should drift about 5% of the time when nothing changed
    expect(rate('reference 800 rows, ks+z')).toBeLessThan(0.08);
    expect(rate('reference 800 rows, ks+z')).toBeGreaterThan(0.01);
    // chi-square drifts whenever the current set shows a level the reference lacks (Evidently's rule)
    expect(rate('reference 800 rows, chisquare')).toBeGreaterThan(rate('reference 800 rows, ks+z'));
    expect(rate('reference 2,500 rows, all')).toBeLessThan(0.05);
  });
});
