import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { tableSpec } from '../schema/index.js';
import { openDatabaseFile, type Database } from '../database.js';
import { planColumns } from './column-plan.js';
import { buildLoadSql, CHECK_COLUMN } from './load-sql.js';

const spec = tableSpec('bureau_balance');
const dir = mkdtempSync(path.join(tmpdir(), "cs-load-sql-it's-"));
let db: Database;

beforeAll(async () => {
  db = await openDatabaseFile(':memory:');
});
afterAll(() => db.close());

describe('buildLoadSql', () => {
  it('reads file columns under positional names, so header text never reaches the SQL', () => {
    const header = ['STATUS', 'x"; DROP TABLE bureau; --', 'SK_ID_BUREAU', 'MONTHS_BALANCE'];
    const plan = planColumns('bureau_balance.csv', header, spec, false);
    const { sql } = buildLoadSql(spec, plan, `${dir}/bureau_balance.csv`);
    expect(sql).not.toContain('DROP TABLE');
    expect(sql).toContain(`columns = {'c0': 'VARCHAR', 'c1': 'VARCHAR', 'c2': 'DOUBLE', 'c3': 'DOUBLE'}`);
    expect(sql).toContain(
      `SELECT TRY_CAST(c2 AS BIGINT) AS "SK_ID_BUREAU", TRY_CAST(c3 AS BIGINT) AS "MONTHS_BALANCE", c0 AS "STATUS"`,
    );
    expect(sql).toContain(`read_csv('${dir.replace(/'/g, "''")}/bureau_balance.csv'`);
  });

  it('loads with the schema types and flags each bad row with its first failed check', async () => {
    const file = path.join(dir, 'bureau_balance.csv');
    writeFileSync(
      file,
      'MONTHS_BALANCE,SK_ID_BUREAU,STATUS\n0,5001,C\n-1.0,5001,X\n-2,,0\n2.5,5002,1\n-3,1e400,2\n',
    );
    const plan = planColumns('bureau_balance.csv', ['MONTHS_BALANCE', 'SK_ID_BUREAU', 'STATUS'], spec, false);
    const load = buildLoadSql(spec, plan, file);
    await db.run(load.sql);
    const types = await db.query(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'bureau_balance' ORDER BY ordinal_position`,
    );
    expect(types.map((t) => `${t.column_name}:${t.data_type}`)).toEqual([
      'SK_ID_BUREAU:BIGINT',
      'MONTHS_BALANCE:BIGINT',
      'STATUS:VARCHAR',
      `${CHECK_COLUMN}:INTEGER`,
    ]);
    const rows = await db.query(
      `SELECT SK_ID_BUREAU, MONTHS_BALANCE, ${CHECK_COLUMN} AS c FROM bureau_balance ORDER BY rowid`,
    );
    const failed = rows.map((r) => (r.c === null ? null : load.checks[Number(r.c)]));
    expect(rows[1]).toMatchObject({ SK_ID_BUREAU: 5001n, MONTHS_BALANCE: -1n, c: null });
    expect(failed.map((c) => c && `${c.column}:${c.kind}`)).toEqual([
      null,
      null,
      'SK_ID_BUREAU:missing-key',
      'MONTHS_BALANCE:bad-int',
      'SK_ID_BUREAU:bad-int',
    ]);
  });
});
