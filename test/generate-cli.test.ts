import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { REPO_ROOT, SHARED_SAMPLES, runCli } from './cli.js';
import { firstLine, readCsv, sha256, tempDir } from './generate-helpers.js';

const KAGGLE_FILES = [
  'application_train.csv',
  'application_test.csv',
  'bureau.csv',
  'bureau_balance.csv',
  'previous_application.csv',
  'POS_CASH_balance.csv',
  'installments_payments.csv',
  'credit_card_balance.csv',
];
const ALL_FILES = [...KAGGLE_FILES, 'truth.csv'];

const root = tempDir('cli');
afterAll(() => rmSync(root, { recursive: true, force: true }));
const generate = (out: string, clients: number, seed: number, ...extra: string[]) =>
  runCli([
    'generate',
    '--clients',
    String(clients),
    '--seed',
    String(seed),
    '--out',
    out,
    '--json',
    ...extra,
  ]);

describe('clairscore generate', () => {
  const first = path.join(root, 'first');
  const again = path.join(root, 'again');
  const workers = path.join(root, 'workers');
  const other = path.join(root, 'other-seed');
  let summary: { files: { file: string; rows: number; bytes: number }[]; trainRows: number; clients: number };

  beforeAll(() => {
    const run = generate(first, 3000, 11, '--workers', '0');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    summary = JSON.parse(run.stdout);
  });

  it('writes the eight Kaggle files with the real headers, plus truth.csv', () => {
    expect(readdirSync(first).sort()).toEqual([...ALL_FILES].sort());
    for (const file of KAGGLE_FILES.filter((f) => f !== 'application_test.csv')) {
      const real = [
        path.join(SHARED_SAMPLES, 'random1000', file),
        path.join(SHARED_SAMPLES, 'head3000', file),
      ].find(existsSync)!;
      expect(firstLine(path.join(first, file)), file).toBe(firstLine(real));
    }
    const trainHeader = firstLine(path.join(first, 'application_train.csv')).split(',');
    expect(firstLine(path.join(first, 'application_test.csv')).split(',')).toEqual(
      trainHeader.filter((c) => c !== 'TARGET'),
    );
    expect(firstLine(path.join(first, 'truth.csv'))).toBe('SK_ID_CURR,TRUE_PD');
  });

  it('reports rows and bytes per file that match what is on disk', () => {
    expect(summary.clients).toBe(3000);
    for (const f of summary.files) {
      const text = readFileSync(path.join(first, f.file), 'utf8');
      expect(text.split('\n').length - 2, f.file).toBe(f.rows);
      expect(Buffer.byteLength(text), f.file).toBe(f.bytes);
    }
    expect(summary.files.find((f) => f.file === 'application_train.csv')!.rows).toBe(summary.trainRows);
    expect(summary.files.find((f) => f.file === 'bureau_balance.csv')!.rows).toBeGreaterThan(60000);
  });

  it('is deterministic: same clients and seed give byte-identical files, with or without worker threads', () => {
    expect(generate(again, 3000, 11, '--workers', '0').status).toBe(0);
    expect(generate(workers, 3000, 11, '--workers', '2').status).toBe(0);
    for (const file of ALL_FILES) {
      expect(sha256(path.join(again, file)), file).toBe(sha256(path.join(first, file)));
      expect(sha256(path.join(workers, file)), file).toBe(sha256(path.join(first, file)));
    }
  });

  it('gives different data for a different seed', () => {
    expect(generate(other, 3000, 12, '--workers', '0').status).toBe(0);
    for (const file of ALL_FILES)
      expect(sha256(path.join(other, file)), file).not.toBe(sha256(path.join(first, file)));
  });

  it('checks a data set against the real statistics (--check)', () => {
    const run = runCli(['generate', '--check', first, '--json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.columns).toHaveLength(120);
    expect(report.files.map((f: { file: string }) => f.file)).toEqual(KAGGLE_FILES);
    expect(report.files[0].rows).toBe(summary.trainRows);
    expect(report.targetRate.generated).toBeGreaterThan(0.05);
    expect(report.bureauPerClient).toBeGreaterThan(3);
    expect(report.flagged).toBeLessThanOrEqual(2);
    const human = runCli(['generate', '--check', first]);
    expect(human.stdout).toMatch(/EXT_SOURCE_1\s+5\d\.\d%\s+56\.4%/);
    expect(human.stdout).toMatch(/TARGET rate/);
  });

  it('prints a human summary by default', () => {
    const out = path.join(root, 'human');
    const run = runCli(['generate', '--clients', '1000', '--seed', '3', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/bureau_balance\.csv\s+[\d,]+/);
    expect(run.stdout).toMatch(/defaults\s+[\d,]+ \(\d+\.\d\d% of train/);
    expect(readCsv(path.join(out, 'truth.csv'))).toHaveLength(1001);
  });
});

describe('clairscore generate on bad input', () => {
  const expectUsage = (args: string[], code: string, pattern: RegExp) => {
    const run = runCli(['generate', ...args]);
    expect(run.status, args.join(' ')).toBe(2);
    expect(run.stderr, args.join(' ')).toContain(code);
    expect(run.stderr, args.join(' ')).toMatch(pattern);
  };

  it('rejects a bad number of clients or seed with a clear message', () => {
    const out = path.join(root, 'never');
    for (const clients of ['0', '-5', '1.5', 'abc', '6000000']) {
      expectUsage(['--clients', clients, '--out', out], 'CS_ERR_USAGE', /--clients/);
    }
    for (const seed of ['-1', '2.5', 'x', '4294967296']) {
      expectUsage(['--clients', '10', '--seed', seed, '--out', out], 'CS_ERR_USAGE', /--seed/);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an --out that is a file or cannot be created, leaving nothing behind', () => {
    const file = path.join(root, 'a-file.txt');
    writeFileSync(file, 'keep me');
    expectUsage(['--clients', '10', '--out', file], 'CS_ERR_OUTPUT', /is a file/);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    expectUsage(['--clients', '10', '--out', path.join(file, 'below')], 'CS_ERR_OUTPUT', /Cannot write into/);
  });

  it('says where --check found nothing', () => {
    expectUsage(['--check', path.join(root, 'nowhere')], 'CS_ERR_INPUT_NOT_FOUND', /application_train\.csv/);
  });

  it('leaves no file behind when interrupted', async () => {
    const out = path.join(root, 'interrupted');
    const child = spawn(
      process.execPath,
      [path.join(REPO_ROOT, 'dist/src/cli/main.js'), 'generate', '--clients', '200000', '--out', out],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Interrupt once the run has started writing (its staging folder exists).
    for (let i = 0; i < 200 && !(existsSync(out) && readdirSync(out).length > 0); i++) await sleep(50);
    await sleep(300);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/Interrupted/);
    expect(readdirSync(out)).toEqual([]);
  });
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
