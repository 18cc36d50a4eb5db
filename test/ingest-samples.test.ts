import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { openDatabaseFile } from '../src/data/database.js';
import { TABLES } from '../src/data/schema/index.js';
import { SHARED_SAMPLES } from './cli.js';
import { ingest, tempDir, type IngestRun } from './ingest-fixtures.js';

const SQL_TYPE = { int: 'BIGINT', float: 'DOUBLE', string: 'VARCHAR' } as const;

/** Data rows of a CSV file: its lines minus the header (no sample field spans lines). */
function dataLines(file: string): number {
  return (
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l !== '').length - 1
  );
}

/** TARGET = 1 rows, counted from the file itself. */
function defaultsIn(file: string): number {
  const lines = readFileSync(file, 'utf8').split('\n').slice(1);
  return lines.filter((l) => l.split(',')[1] === '1').length;
}

describe.each(['head3000', 'random1000'])('clairscore ingest --data sample/%s', (sample) => {
  const dir = path.join(SHARED_SAMPLES, sample);
  const workspace = tempDir(`ws-${sample}`);
  let run: IngestRun;
  beforeAll(() => {
    run = ingest(dir, workspace);
  });

  it('succeeds and reports every table, absent ones as absent', () => {
    expect(run.status).toBe(0);
    const present = readdirSync(dir);
    const tables = run.json.tables as { table: string; status: string; rows: number | null }[];
    expect(tables.map((t) => t.table)).toEqual(TABLES.map((t) => t.name));
    for (const t of tables) {
      const file = path.join(dir, `${t.table}.csv`);
      if (present.includes(`${t.table}.csv`))
        expect(t).toMatchObject({ status: 'loaded', rows: dataLines(file) });
      else expect(t).toMatchObject({ status: 'absent', rows: null });
    }
    const train = path.join(dir, 'application_train.csv');
    expect(run.json.clients).toEqual({ train: dataLines(train), test: 0 });
    expect((run.json.defaults as { count: number }).count).toBe(defaultsIn(train));
  });

  it('stores each table with its rows and the declared column types, in the canonical order', async () => {
    const db = await openDatabaseFile(path.join(workspace, 'clairscore.duckdb'), { readOnly: true });
    try {
      for (const spec of TABLES) {
        const file = path.join(dir, spec.file);
        const columns = await db.query(
          `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`,
          [spec.name],
        );
        if (!readdirSync(dir).includes(spec.file)) {
          expect(columns).toEqual([]);
          continue;
        }
        expect(columns.map((c) => `${c.column_name} ${c.data_type}`)).toEqual(
          spec.columns.map((c) => `${c.name} ${SQL_TYPE[c.type]}`),
        );
        const [count] = await db.query(`SELECT count(*) AS n FROM "${spec.name}"`);
        expect(Number(count!.n)).toBe(dataLines(file));
      }
      const [train] = await db.query(
        'SELECT sum(TARGET) AS d, count(*) FILTER (WHERE DAYS_EMPLOYED = 365243) AS s FROM application_train',
      );
      expect(Number(train!.d)).toBe(defaultsIn(path.join(dir, 'application_train.csv')));
      expect(Number(train!.s)).toBeGreaterThan(0); // the sentinel is kept as data
      const [run1] = await db.query('SELECT source_dir, clients_train FROM ingest_runs');
      expect(run1).toMatchObject({
        source_dir: dir,
        clients_train: BigInt(dataLines(path.join(dir, 'application_train.csv'))),
      });
    } finally {
      db.close();
    }
  });
});

describe('clairscore ingest --data sample/linked-imputed', () => {
  const dir = path.join(SHARED_SAMPLES, 'linked-imputed');
  const workspace = tempDir('ws-linked');

  it('fails without --allow-missing-columns, naming both RATE_INTEREST columns', () => {
    const run = ingest(dir, workspace);
    expect(run.status).toBe(2);
    expect(run.json.error?.code).toBe('CS_ERR_MISSING_COLUMNS');
    expect(run.json.error?.message).toContain('previous_application.csv');
    expect(run.json.error?.message).toContain('RATE_INTEREST_PRIMARY, RATE_INTEREST_PRIVILEGED');
    expect(run.stderr).toContain('error CS_ERR_MISSING_COLUMNS');
    expect(readdirSync(workspace)).toEqual([]);
  });

  it('loads with --allow-missing-columns, those columns NULL and a warning naming them', async () => {
    const run = ingest(dir, workspace, '--allow-missing-columns');
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(
      'warning: previous_application.csv lacks RATE_INTEREST_PRIMARY, RATE_INTEREST_PRIVILEGED',
    );
    const prev = (run.json.tables as { table: string; filledColumns: string[]; rows: number }[]).find(
      (t) => t.table === 'previous_application',
    );
    expect(prev).toMatchObject({ rows: dataLines(path.join(dir, 'previous_application.csv')) });
    expect(prev?.filledColumns).toEqual(['RATE_INTEREST_PRIMARY', 'RATE_INTEREST_PRIVILEGED']);
    const db = await openDatabaseFile(path.join(workspace, 'clairscore.duckdb'), { readOnly: true });
    try {
      const [row] = await db.query(
        `SELECT count(*) AS n, count(RATE_INTEREST_PRIMARY) AS p, count(RATE_INTEREST_PRIVILEGED) AS q,
                count(RATE_DOWN_PAYMENT) AS r, any_value(typeof(RATE_INTEREST_PRIMARY)) AS t FROM previous_application`,
      );
      expect(row).toMatchObject({ p: 0n, q: 0n, t: 'DOUBLE' });
      expect(row!.r).toBe(row!.n);
    } finally {
      db.close();
    }
  });
});
