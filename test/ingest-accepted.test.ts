import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { openDatabaseFile } from '../src/data/database.js';
import { runCli } from './cli.js';
import {
  copyDir,
  copySample,
  getField,
  ingest,
  readCsv,
  setField,
  tempDir,
  writeCsv,
} from './ingest-fixtures.js';

const file = (dir: string, table: string): string => path.join(dir, `${table}.csv`);
const INJECTION = `x"; DROP TABLE application_train; --`;

/** Rows of a query on a workspace database, opened read-only. */
async function query(workspace: string, sql: string): Promise<Record<string, unknown>[]> {
  const db = await openDatabaseFile(path.join(workspace, 'clairscore.duckdb'), { readOnly: true });
  try {
    return await db.query(sql);
  } finally {
    db.close();
  }
}

describe('clairscore ingest on unusual but valid inputs', () => {
  const root = tempDir('accepted');
  const good = copySample('random1000', path.join(root, 'good'), 30);
  const goodWorkspace = path.join(root, 'ws-good');
  beforeAll(() => {
    expect(ingest(good, goodWorkspace).status).toBe(0);
  });

  it('ignores an extra column with a warning, even one named like an SQL injection', async () => {
    const dir = copyDir(good, path.join(root, 'extra'));
    const csv = file(dir, 'application_train');
    writeCsv(
      csv,
      readCsv(csv).map((row, i) => [...row.slice(0, 3), i === 0 ? INJECTION : 'v', ...row.slice(3)]),
    );
    const workspace = path.join(root, 'ws-extra');
    const run = ingest(dir, workspace);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(
      `application_train.csv has columns outside the Kaggle schema, ignored: ${INJECTION}`,
    );
    expect(run.json.tables).toContainEqual(
      expect.objectContaining({ table: 'application_train', rows: 30, ignoredColumns: [INJECTION] }),
    );
    const columns = await query(
      workspace,
      `SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'application_train'`,
    );
    expect(columns[0]!.n).toBe(122n);
  });

  it('stores an injection attempt in a text value as plain text', async () => {
    const dir = copyDir(good, path.join(root, 'text-injection'));
    const csv = file(dir, 'application_train');
    const value = "'); DROP TABLE application_train; --";
    setField(csv, 4, 'NAME_TYPE_SUITE', value);
    const id = getField(csv, 4, 'SK_ID_CURR');
    const workspace = path.join(root, 'ws-text-injection');
    expect(ingest(dir, workspace).status).toBe(0);
    const rows = await query(
      workspace,
      `SELECT NAME_TYPE_SUITE AS v, (SELECT count(*) FROM application_train) AS n FROM application_train WHERE SK_ID_CURR = ${id}`,
    );
    expect(rows).toEqual([{ v: value, n: 30n }]);
  });

  it('reads CRLF line endings, a UTF-8 BOM, shuffled columns and "1.0" in int columns, keeping the canonical order', async () => {
    const folder = path.join(root, `it's "quoted"`);
    mkdirSync(folder);
    const dir = copyDir(good, path.join(folder, 'data'));
    const csv = file(dir, 'application_train');
    setField(csv, 2, 'CNT_CHILDREN', `${getField(csv, 2, 'CNT_CHILDREN')}.0`);
    const rows = readCsv(csv);
    const order = rows[0]!.map((_, i) => i).reverse();
    writeCsv(
      csv,
      rows.map((r) => order.map((i) => r[i]!)),
    );
    writeFileSync(csv, `\uFEFF${readFileSync(csv, 'utf8').replace(/\n/g, '\r\n')}`);
    const workspace = path.join(root, 'ws-crlf');
    expect(ingest(dir, workspace).status).toBe(0);
    const table = `SELECT * FROM application_train ORDER BY SK_ID_CURR`;
    expect(await query(workspace, table)).toEqual(await query(goodWorkspace, table));
  });

  it('loads a header-only optional table as an empty table, with a warning', async () => {
    const dir = copyDir(good, path.join(root, 'empty-bb'));
    const csv = file(dir, 'bureau_balance');
    writeFileSync(csv, `${readFileSync(csv, 'utf8').split('\n')[0]!}\n`);
    const workspace = path.join(root, 'ws-empty-bb');
    const run = ingest(dir, workspace);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('bureau_balance.csv has no data rows');
    expect(await query(workspace, 'SELECT count(*) AS n FROM bureau_balance')).toEqual([{ n: 0n }]);
  });

  it('counts orphan keys per link, against the tables that were loaded', () => {
    const dir = path.join(root, 'orphans');
    mkdirSync(dir);
    const train = readCsv(file(good, 'application_train')).slice(0, 4);
    writeCsv(file(dir, 'application_train'), train);
    const bureau = readCsv(file(good, 'bureau')).slice(0, 4);
    const ids = train.slice(1).map((r) => r[0]!);
    bureau[1]![0] = ids[0]!;
    bureau[2]![0] = ids[1]!;
    bureau[3]![0] = '999999999'; // a client that is nowhere
    writeCsv(file(dir, 'bureau'), bureau);
    const balance = readCsv(file(good, 'bureau_balance')).slice(0, 4);
    balance[1]![0] = bureau[1]![1]!;
    balance[2]![0] = '12345'; // two months of a credit that is not in bureau
    balance[3]![0] = '12345';
    writeCsv(file(dir, 'bureau_balance'), balance);
    const workspace = path.join(root, 'ws-orphans');

    const run = ingest(dir, workspace);
    expect(run.status).toBe(0);
    expect(run.json.orphans).toEqual([
      { table: 'bureau', column: 'SK_ID_CURR', targets: ['application_train'], rows: 1, keys: 1 },
      { table: 'bureau_balance', column: 'SK_ID_BUREAU', targets: ['bureau'], rows: 2, keys: 1 },
    ]);
    const human = runCli(['ingest', '--data', dir, '--workspace', workspace]);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/bureau\.SK_ID_CURR -> application_train\s+1\s+1/);
    expect(human.stdout).toMatch(/bureau_balance\.SK_ID_BUREAU -> bureau\s+2\s+1/);
    expect(human.stdout).toMatch(/application_test\s+-\s+absent/);
    expect(human.stdout).toMatch(/previous_application\s+-\s+absent/);
    expect(human.stdout).toMatch(/defaults\s+\d+ \(\d+\.\d\d% of train\)/);
  });

  it('keeps the history of earlier ingestions in ingest_runs', async () => {
    const workspace = path.join(root, 'ws-history');
    const first = ingest(good, workspace);
    const second = ingest(good, workspace);
    const runs = await query(workspace, 'SELECT run_id FROM ingest_runs ORDER BY started_at');
    expect(runs.map((r) => r.run_id)).toEqual([first.json.runId, second.json.runId]);
    const tables = await query(workspace, `SELECT count(*) AS n FROM ingest_tables WHERE status = 'loaded'`);
    expect(tables).toEqual([{ n: 14n }]);
  });
});
