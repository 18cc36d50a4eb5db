import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { isClairscoreError, resolveWorkspace } from '../../core/index.js';
import { tableSpec } from '../schema/index.js';
import { openDatabase } from '../database.js';
import { ingestFolder } from './ingest-folder.js';
import { readLastIngest } from './ingest-runs.js';
import type { IngestProgress } from './types.js';

const root = mkdtempSync(path.join(tmpdir(), 'cs-ingest-folder-'));
const TRAIN_HEADER = tableSpec('application_train')
  .columns.map((c) => c.name)
  .join(',');

/** A minimal valid application_train (every column but the first two left empty) and a big bureau_balance. */
function writeFolder(dir: string, balanceRows: number, edit?: (rows: string[]) => void): void {
  mkdirSync(dir, { recursive: true });
  const empties = ','.repeat(tableSpec('application_train').columns.length - 2);
  const train = [TRAIN_HEADER, `100002,1${empties}`, `100003,0${empties}`, `100004,0${empties}`];
  writeFileSync(path.join(dir, 'application_train.csv'), `${train.join('\n')}\n`);
  const statuses = ['C', 'X', '0', '1'];
  // Long enough (~16 MB) for DuckDB to read it with several threads, out of order.
  const rows = Array.from(
    { length: balanceRows },
    (_, i) => `${5_000_000 + Math.floor(i / 40)},${-(i % 40)},${statuses[i % 4]}`,
  );
  edit?.(rows);
  writeFileSync(
    path.join(dir, 'bureau_balance.csv'),
    `SK_ID_BUREAU,MONTHS_BALANCE,STATUS\n${rows.join('\n')}\n`,
  );
}

async function failure(
  run: Promise<unknown>,
): Promise<{ code: string; message: string; details: Record<string, unknown> }> {
  try {
    await run;
  } catch (error) {
    if (isClairscoreError(error))
      return { code: error.code, message: error.message, details: { ...error.details } };
    throw error;
  }
  throw new Error('expected ingestion to fail');
}

describe('ingestFolder', () => {
  const big = 1_000_000;

  it('loads a folder, reports progress per table and records the run in the database', async () => {
    const dir = path.join(root, 'ok');
    writeFolder(dir, big);
    const workspace = resolveWorkspace(path.join(root, 'ws-ok'));
    const events: IngestProgress[] = [];
    const summary = await ingestFolder({ dataDir: dir, workspace, onProgress: (e) => events.push(e) });

    expect(summary.tables.find((t) => t.table === 'bureau_balance')?.rows).toBe(big);
    expect(summary.clients).toEqual({ train: 3, test: 0 });
    expect(summary.defaults).toEqual({ count: 1, rate: 1 / 3 });
    expect(summary.orphans).toEqual([]); // bureau is absent: nothing to check bureau_balance against
    const kinds = events.map((e) => `${e.kind}:${'table' in e ? e.table : ''}`);
    expect(kinds).toContain('table-start:application_train');
    expect(kinds).toContain('table-done:bureau_balance');
    expect(kinds).toContain('table-absent:bureau');
    expect(kinds.indexOf('table-done:application_train')).toBeLessThan(
      kinds.indexOf('table-start:bureau_balance'),
    );

    const db = await openDatabase(workspace, { readOnly: true });
    try {
      expect(await readLastIngest(db)).toEqual(summary);
    } finally {
      db.close();
    }
  });

  it('names the right line of a bad value and of a duplicate key in a file read by several threads', async () => {
    const workspace = resolveWorkspace(path.join(root, 'ws-lines'));
    const badAt = 987_654; // data row index: file line = index + 2
    const dir = path.join(root, 'bad-value');
    writeFolder(dir, big, (rows) => {
      rows[badAt] = '5099999,-2.5,C';
      rows[badAt + 10] = '5099999,0.5,C';
    });
    const bad = await failure(ingestFolder({ dataDir: dir, workspace }));
    expect(bad.code).toBe('CS_ERR_BAD_VALUE');
    expect(bad.message).toContain(
      `bureau_balance.csv line ${badAt + 2}, column MONTHS_BALANCE: "-2.5" is not a whole number`,
    );
    expect(bad.message).toContain('(1 more rows have bad values.)');

    const unreadable = path.join(root, 'unreadable');
    writeFolder(unreadable, big, (rows) => {
      rows[badAt] = '5099999,abc,C';
      rows[badAt + 10] = '5099999,-1,C,surplus';
    });
    const reject = await failure(ingestFolder({ dataDir: unreadable, workspace }));
    expect(reject.code).toBe('CS_ERR_BAD_VALUE');
    expect(reject.message).toContain(
      `bureau_balance.csv line ${badAt + 2}, column MONTHS_BALANCE: "abc" is not a number`,
    );

    const train = path.join(root, 'dup');
    writeFolder(train, 10);
    const trainCsv = path.join(train, 'application_train.csv');
    const empties = ','.repeat(tableSpec('application_train').columns.length - 2);
    const many = Array.from({ length: 300_000 }, (_, i) => `${200_000 + i},0${empties}`);
    many[250_000] = `${200_000 + 12},1${empties}`;
    writeFileSync(trainCsv, `${TRAIN_HEADER}\n${many.join('\n')}\n`);
    const dup = await failure(ingestFolder({ dataDir: train, workspace }));
    expect(dup.code).toBe('CS_ERR_DUPLICATE_KEY');
    expect(dup.message).toContain('SK_ID_CURR 200012 appears 2 times, first on lines 14 and 250002');
    expect(existsSync(workspace.database)).toBe(false);
    expect(readdirSync(workspace.root)).toEqual([]);
  });
});
