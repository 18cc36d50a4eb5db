import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { beforeAll, describe, expect, it } from 'vitest';

import { isClairscoreError, resolveWorkspace, type ErrorCode } from '../src/core/index.js';
import { ingestFolder } from '../src/data/ingest/index.js';
import {
  copyDir,
  copySample,
  getField,
  ingest,
  readCsv,
  setField,
  sha256,
  tableCounts,
  tempDir,
  writeCsv,
} from './ingest-fixtures.js';

interface BrokenCase {
  readonly name: string;
  readonly code: ErrorCode;
  /** Breaks the copy of the good folder; may return fragments known only once it ran, or another --data. */
  readonly mutate: (dir: string) => { fragments?: string[]; dataDir?: string } | void;
  readonly fragments: readonly string[];
  readonly flags?: readonly string[];
}

const file = (dir: string, table: string): string => path.join(dir, `${table}.csv`);

/** Rewrites a file with column `name` removed from every row. */
function dropColumns(csv: string, ...names: string[]): void {
  const rows = readCsv(csv);
  const keep = rows[0]!.map((n, i) => (names.includes(n) ? -1 : i)).filter((i) => i >= 0);
  writeCsv(
    csv,
    rows.map((r) => keep.map((i) => r[i]!)),
  );
}

/** Replaces the text of one file line (1-based) as raw text. */
function setLine(csv: string, line: number, edit: (text: string) => string): void {
  const lines = readFileSync(csv, 'utf8').split('\n');
  lines[line - 1] = edit(lines[line - 1]!);
  writeFileSync(csv, lines.join('\n'));
}

const CASES: readonly BrokenCase[] = [
  {
    name: 'a data folder that does not exist',
    code: 'CS_ERR_INPUT_NOT_FOUND',
    mutate: (dir) => ({ dataDir: path.join(dir, 'no-such-folder') }),
    fragments: ['no-such-folder', 'does not exist'],
  },
  {
    name: 'a data path that is a file',
    code: 'CS_ERR_INPUT_NOT_FOUND',
    mutate: (dir) => ({ dataDir: file(dir, 'bureau') }),
    fragments: ['bureau.csv is a file, not a folder'],
  },
  {
    name: 'no application_train.csv',
    code: 'CS_ERR_REQUIRED_FILE_MISSING',
    mutate: (dir) => rmSync(file(dir, 'application_train')),
    fragments: ['application_train.csv is missing', 'it is required', 'bureau.csv'],
  },
  {
    name: 'application_train only as .csv.gz',
    code: 'CS_ERR_REQUIRED_FILE_MISSING',
    mutate: (dir) => {
      const csv = file(dir, 'application_train');
      writeFileSync(`${csv}.gz`, gzipSync(readFileSync(csv)));
      rmSync(csv);
    },
    fragments: ['Found application_train.csv.gz: decompress or rename it'],
  },
  {
    name: 'an empty (0-byte) bureau.csv',
    code: 'CS_ERR_EMPTY_FILE',
    mutate: (dir) => writeFileSync(file(dir, 'bureau'), ''),
    fragments: ['bureau.csv is empty (0 bytes)'],
  },
  {
    name: 'a header-only application_train.csv',
    code: 'CS_ERR_EMPTY_FILE',
    mutate: (dir) => {
      const csv = file(dir, 'application_train');
      writeFileSync(csv, `${readFileSync(csv, 'utf8').split('\n')[0]!}\r\n`);
    },
    fragments: ['application_train.csv has a header but no data rows'],
  },
  {
    name: 'gzip bytes in application_train.csv',
    code: 'CS_ERR_NOT_CSV',
    mutate: (dir) => {
      const csv = file(dir, 'application_train');
      writeFileSync(csv, gzipSync(readFileSync(csv)));
    },
    fragments: ['application_train.csv is not a CSV file', 'gzip-compressed'],
  },
  {
    name: 'a JSON file renamed bureau.csv',
    code: 'CS_ERR_NOT_CSV',
    mutate: (dir) =>
      writeFileSync(file(dir, 'bureau'), JSON.stringify([{ SK_ID_CURR: 100002, SK_ID_BUREAU: 1 }])),
    fragments: ['bureau.csv is not a CSV file', 'looks like JSON'],
  },
  {
    name: 'an HTML error page saved as previous_application.csv',
    code: 'CS_ERR_NOT_CSV',
    mutate: (dir) =>
      writeFileSync(file(dir, 'previous_application'), '<!DOCTYPE html>\n<html><body>403</body></html>\n'),
    fragments: ['previous_application.csv is not a CSV file', 'HTML'],
  },
  {
    name: 'random binary bytes in bureau_balance.csv',
    code: 'CS_ERR_NOT_CSV',
    mutate: (dir) =>
      writeFileSync(file(dir, 'bureau_balance'), Buffer.from([0x53, 0x4b, 0x00, 0xff, 0x10, 0x0a, 0x00])),
    fragments: ['bureau_balance.csv', 'binary data'],
  },
  {
    name: 'a semicolon-separated bureau.csv',
    code: 'CS_ERR_NOT_CSV',
    mutate: (dir) => {
      const csv = file(dir, 'bureau');
      writeFileSync(csv, readFileSync(csv, 'utf8').replace(/,/g, ';'));
    },
    fragments: ['bureau.csv', 'separated by ";"'],
  },
  {
    name: 'three required columns missing',
    code: 'CS_ERR_MISSING_COLUMNS',
    mutate: (dir) => dropColumns(file(dir, 'application_train'), 'AMT_CREDIT', 'DAYS_BIRTH', 'EXT_SOURCE_2'),
    fragments: [
      'application_train.csv lacks 3 columns',
      'AMT_CREDIT, DAYS_BIRTH, EXT_SOURCE_2',
      '--allow-missing-columns',
    ],
  },
  {
    name: 'a key column missing, even with --allow-missing-columns',
    code: 'CS_ERR_MISSING_COLUMNS',
    flags: ['--allow-missing-columns'],
    mutate: (dir) => dropColumns(file(dir, 'bureau'), 'SK_ID_BUREAU'),
    fragments: ['bureau.csv lacks 1 column', 'Key columns (SK_ID_BUREAU) cannot be left out'],
  },
  {
    name: 'the bureau file saved as application_train.csv',
    code: 'CS_ERR_BAD_HEADER',
    mutate: (dir) => writeFileSync(file(dir, 'application_train'), readFileSync(file(dir, 'bureau'))),
    fragments: [
      'application_train.csv line 1 is not the Kaggle application_train header',
      'header of bureau.csv',
    ],
  },
  {
    name: 'a bureau.csv without its header line',
    code: 'CS_ERR_BAD_HEADER',
    mutate: (dir) => {
      const csv = file(dir, 'bureau');
      writeFileSync(csv, readFileSync(csv, 'utf8').split('\n').slice(1).join('\n'));
    },
    fragments: ['bureau.csv line 1', 'looks like a data row'],
  },
  {
    name: 'a column twice in the header',
    code: 'CS_ERR_BAD_HEADER',
    mutate: (dir) =>
      setLine(file(dir, 'bureau_balance'), 1, () => 'SK_ID_BUREAU,MONTHS_BALANCE,SK_ID_BUREAU'),
    fragments: ['bureau_balance.csv line 1: column SK_ID_BUREAU appears twice'],
  },
  {
    name: '"abc" in AMT_CREDIT',
    code: 'CS_ERR_BAD_VALUE',
    mutate: (dir) => setField(file(dir, 'application_train'), 5, 'AMT_CREDIT', 'abc'),
    fragments: ['application_train.csv line 5, column AMT_CREDIT: "abc" is not a number'],
  },
  {
    name: '2.5 in the int column CNT_CHILDREN',
    code: 'CS_ERR_BAD_VALUE',
    mutate: (dir) => setField(file(dir, 'application_train'), 7, 'CNT_CHILDREN', '2.5'),
    fragments: ['application_train.csv line 7, column CNT_CHILDREN: "2.5" is not a whole number'],
  },
  {
    name: 'a fractional SK_ID_CURR in bureau',
    code: 'CS_ERR_BAD_VALUE',
    mutate: (dir) => setField(file(dir, 'bureau'), 3, 'SK_ID_CURR', '100002.5'),
    fragments: ['bureau.csv line 3, column SK_ID_CURR: "100002.5" is not a whole number'],
  },
  {
    name: '1e400 in AMT_INCOME_TOTAL',
    code: 'CS_ERR_BAD_VALUE',
    mutate: (dir) => setField(file(dir, 'application_train'), 9, 'AMT_INCOME_TOTAL', '1e400'),
    fragments: ['application_train.csv line 9, column AMT_INCOME_TOTAL: "1e400" is out of range'],
  },
  {
    name: '"inf" in bureau AMT_CREDIT_SUM',
    code: 'CS_ERR_BAD_VALUE',
    mutate: (dir) => setField(file(dir, 'bureau'), 4, 'AMT_CREDIT_SUM', 'inf'),
    fragments: ['bureau.csv line 4, column AMT_CREDIT_SUM: "inf" is out of range (not a finite number)'],
  },
  {
    name: 'an integer beyond 2^53 in DAYS_BIRTH',
    code: 'CS_ERR_BAD_VALUE',
    mutate: (dir) => setField(file(dir, 'application_train'), 11, 'DAYS_BIRTH', '-99999999999999999999'),
    fragments: ['line 11, column DAYS_BIRTH: "-99999999999999999999" is out of range for an integer column'],
  },
  {
    name: 'text that is not UTF-8 in a value',
    code: 'CS_ERR_BAD_VALUE',
    mutate: (dir) => {
      const csv = file(dir, 'bureau');
      setField(csv, 6, 'CREDIT_TYPE', 'XMARKX');
      const bytes = readFileSync(csv);
      const at = bytes.indexOf('XMARKX');
      bytes[at] = 0xe9; // latin-1 "é"
      writeFileSync(csv, bytes);
    },
    fragments: ['bureau.csv line 6', 'not UTF-8'],
  },
  {
    name: 'TARGET = 2',
    code: 'CS_ERR_BAD_TARGET',
    mutate: (dir) => setField(file(dir, 'application_train'), 4, 'TARGET', '2'),
    fragments: ['application_train.csv line 4, column TARGET: "2" is not a valid TARGET; it must be 0 or 1'],
  },
  {
    name: 'an empty TARGET',
    code: 'CS_ERR_BAD_TARGET',
    mutate: (dir) => setField(file(dir, 'application_train'), 6, 'TARGET', ''),
    fragments: ['application_train.csv line 6, column TARGET: TARGET is empty'],
  },
  {
    name: 'a duplicate SK_ID_CURR',
    code: 'CS_ERR_DUPLICATE_KEY',
    mutate: (dir) => {
      const csv = file(dir, 'application_train');
      const id = getField(csv, 3, 'SK_ID_CURR');
      setField(csv, 10, 'SK_ID_CURR', id);
      return {
        fragments: [`application_train.csv: SK_ID_CURR ${id} appears 2 times, first on lines 3 and 10`],
      };
    },
    fragments: ['must be unique'],
  },
  {
    name: 'a duplicate SK_ID_BUREAU',
    code: 'CS_ERR_DUPLICATE_KEY',
    mutate: (dir) => {
      const csv = file(dir, 'bureau');
      const id = getField(csv, 2, 'SK_ID_BUREAU');
      setField(csv, 20, 'SK_ID_BUREAU', id);
      return { fragments: [`bureau.csv: SK_ID_BUREAU ${id} appears 2 times, first on lines 2 and 20`] };
    },
    fragments: [],
  },
  {
    name: 'a duplicate SK_ID_PREV',
    code: 'CS_ERR_DUPLICATE_KEY',
    mutate: (dir) => {
      const csv = file(dir, 'previous_application');
      const id = getField(csv, 8, 'SK_ID_PREV');
      setField(csv, 15, 'SK_ID_PREV', id);
      return {
        fragments: [`previous_application.csv: SK_ID_PREV ${id} appears 2 times, first on lines 8 and 15`],
      };
    },
    fragments: [],
  },
  {
    name: 'an empty SK_ID_CURR',
    code: 'CS_ERR_MISSING_KEY',
    mutate: (dir) => setField(file(dir, 'application_train'), 6, 'SK_ID_CURR', ''),
    fragments: ['application_train.csv line 6, column SK_ID_CURR: the key is empty'],
  },
  {
    name: 'an empty SK_ID_BUREAU in bureau_balance',
    code: 'CS_ERR_MISSING_KEY',
    mutate: (dir) => setField(file(dir, 'bureau_balance'), 13, 'SK_ID_BUREAU', ''),
    fragments: ['bureau_balance.csv line 13, column SK_ID_BUREAU: the key is empty'],
  },
  {
    name: 'a row with one field too many',
    code: 'CS_ERR_MALFORMED_CSV',
    mutate: (dir) => setLine(file(dir, 'bureau'), 8, (l) => `${l},surplus`),
    fragments: ['bureau.csv line 8 has 18 fields where the header has 17'],
  },
  {
    name: 'a row with fields missing',
    code: 'CS_ERR_MALFORMED_CSV',
    mutate: (dir) =>
      setLine(file(dir, 'installments_payments'), 5, (l) => l.split(',').slice(0, 5).join(',')),
    fragments: ['installments_payments.csv line 5 has 5 fields where the header has 8'],
  },
  {
    name: 'an unterminated quote',
    code: 'CS_ERR_MALFORMED_CSV',
    mutate: (dir) =>
      setLine(file(dir, 'bureau'), 12, (l) =>
        l
          .split(',')
          .map((f, i) => (i === 2 ? `"${f}` : f))
          .join(','),
      ),
    fragments: ['bureau.csv line 12, column CREDIT_ACTIVE', 'unterminated quote'],
  },
  {
    name: 'an SQL injection attempt in a numeric value',
    code: 'CS_ERR_BAD_VALUE',
    mutate: (dir) =>
      setField(file(dir, 'application_train'), 3, 'AMT_CREDIT', "'); DROP TABLE application_train; --"),
    fragments: [`line 3, column AMT_CREDIT: "'); DROP TABLE application_train; --" is not a number`],
  },
];

describe('clairscore ingest on broken inputs: a clear error, and the previous database untouched', () => {
  const root = tempDir('broken');
  const good = copySample('random1000', path.join(root, 'good'), 30);
  const workspace = path.join(root, 'workspace');
  const database = path.join(workspace, 'clairscore.duckdb');
  let goodHash: string;
  let goodCounts: Record<string, number>;

  beforeAll(async () => {
    expect(ingest(good, workspace).status).toBe(0);
    goodHash = sha256(database);
    goodCounts = await tableCounts(database);
    expect(goodCounts.application_train).toBe(30);
  });

  it('covers at least 15 distinct faults', () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBeGreaterThanOrEqual(15);
  });

  /** Breaks a copy of the good folder, ingests it in-process, and checks the error and the old database. */
  async function expectFailure(c: BrokenCase, i: number): Promise<{ code: string; message: string }> {
    const dir = copyDir(good, path.join(root, `case-${i}`));
    const extra = c.mutate(dir) ?? {};
    let error: { code: string; message: string } | undefined;
    try {
      await ingestFolder({
        dataDir: extra.dataDir ?? dir,
        workspace: resolveWorkspace(workspace),
        allowMissingColumns: c.flags?.includes('--allow-missing-columns') ?? false,
      });
    } catch (thrown) {
      if (!isClairscoreError(thrown)) throw thrown;
      error = thrown;
    }
    expect(error?.code).toBe(c.code);
    for (const fragment of [...c.fragments, ...(extra.fragments ?? [])])
      expect(error?.message).toContain(fragment);
    expect(readdirSync(workspace)).toEqual(['clairscore.duckdb']);
    expect(sha256(database)).toBe(goodHash);
    expect(await tableCounts(database)).toEqual(goodCounts);
    return error!;
  }

  // In-process, so the corpus stays fast; the CLI test below runs some of it as a user would.
  it.each(CASES.map((c, i) => [c.name, i] as const))('%s', async (_name, i) => {
    await expectFailure(CASES[i]!, i);
  });

  it.each(['a data folder that does not exist', 'a duplicate SK_ID_CURR', 'an unterminated quote'])(
    'through the CLI: %s -> exit code 2, the error on stderr and as JSON, no stack trace',
    (name) => {
      const i = CASES.findIndex((c) => c.name === name);
      const c = CASES[i]!;
      const dir = copyDir(good, path.join(root, `cli-case-${i}`));
      const extra = c.mutate(dir) ?? {};
      const run = ingest(extra.dataDir ?? dir, workspace, ...(c.flags ?? []));
      expect(run.status).toBe(2);
      expect(run.json.error?.code).toBe(c.code);
      for (const fragment of c.fragments) expect(run.json.error?.message).toContain(fragment);
      expect(run.stderr).toContain(`error ${c.code}: ${run.json.error?.message}`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(sha256(database)).toBe(goodHash);
    },
  );

  it('removes a building file left by an ingestion that was killed', async () => {
    const own = resolveWorkspace(path.join(root, 'workspace-stale'));
    mkdirSync(own.root);
    writeFileSync(`${own.database}.building-999999999`, 'half-built'); // no such process
    await ingestFolder({ dataDir: good, workspace: own });
    expect(readdirSync(own.root)).toEqual(['clairscore.duckdb']);
  });
});
