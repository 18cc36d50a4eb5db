import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Value } from '@sinclair/typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DriftReportSchema, type DriftReport } from '../src/drift/index.js';
import { runCli } from './cli.js';

const root = mkdtempSync(path.join(tmpdir(), 'cs-drift-cli-'));
const data = path.join(root, 'data');
const workspace = path.join(root, 'ws');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const drift = (...args: string[]) => runCli(['drift', '--workspace', workspace, ...args]);
const json = (stdout: string): DriftReport & { files: { json: string; html: string } } =>
  JSON.parse(stdout) as DriftReport & { files: { json: string; html: string } };

beforeAll(() => {
  expect(runCli(['generate', '--clients', '2500', '--seed', '5', '--out', data]).status).toBe(0);
  expect(runCli(['ingest', '--data', data, '--workspace', workspace]).status).toBe(0);
});

describe('clairscore drift', () => {
  it('compares train with test: JSON result, latest.json and a self-contained HTML report', () => {
    const html = path.join(root, 'report.html');
    const run = drift('--reference', 'train', '--current', 'test', '--out', html, '--json');
    expect(run.status).toBe(0);
    const result = json(run.stdout);
    expect(result.reference.name).toBe('application_train');
    expect(result.current.name).toBe('application_test');
    expect(result.columns.length).toBeGreaterThan(100);
    expect(result.excluded.map((e) => e.column)).toEqual(['SK_ID_CURR', 'TARGET']);
    expect(result.mismatched).toEqual({ onlyInReference: [], onlyInCurrent: [] });
    const latest: unknown = JSON.parse(readFileSync(path.join(workspace, 'drift', 'latest.json'), 'utf8'));
    expect(Value.Check(DriftReportSchema, latest)).toBe(true);
    expect((latest as DriftReport).dataset).toEqual(result.dataset);
    expect(readFileSync(html, 'utf8')).toContain('<table class="sortable">');
  });

  it('a CSV of new applications: missing and extra columns are listed, not fatal', () => {
    const lines = readFileSync(path.join(data, 'application_test.csv'), 'utf8').trimEnd().split('\n');
    const header = lines[0]!.split(',');
    const drop = header.indexOf('AMT_ANNUITY');
    const csv = lines
      .slice(0, 400)
      .map((l, i) => [...l.split(',').filter((_, j) => j !== drop), i === 0 ? 'CHANNEL' : 'web'].join(','));
    // quoted fields would break this naive split: the generator quotes none in these columns
    const file = path.join(root, 'new.csv');
    writeFileSync(file, `${csv.join('\n')}\n`);
    const run = drift('--current', file, '--json');
    expect(run.status).toBe(0);
    expect(json(run.stdout).mismatched).toEqual({
      onlyInReference: ['AMT_ANNUITY'],
      onlyInCurrent: ['CHANNEL'],
    });
    expect(run.stderr).toContain('missing from new.csv, not tested: AMT_ANNUITY');
  });

  it('scored applications since a date, a truncated last line reported', () => {
    const scored = path.join(workspace, 'scored');
    mkdirSync(scored, { recursive: true });
    const entry = (at: string, i: number): string =>
      JSON.stringify({
        scoredAt: at,
        modelVersion: '3',
        probability: 0.1,
        application: { SK_ID_CURR: i, AMT_CREDIT: 100000 + 1000 * i, NAME_CONTRACT_TYPE: 'Cash loans' },
      });
    writeFileSync(path.join(scored, '2026-11-27.jsonl'), `${entry('2026-11-27T10:00:00.000Z', 0)}\n`);
    const today = Array.from({ length: 30 }, (_, i) => entry('2026-11-29T10:00:00.000Z', i + 1));
    writeFileSync(path.join(scored, '2026-11-29.jsonl'), `${today.join('\n')}\n{"scoredAt":"2026-11-29T1`);
    const run = drift('--current', 'scored', '--since', '2026-11-28', '--json');
    expect(run.status).toBe(0);
    const result = json(run.stdout);
    expect(result.current).toEqual({
      name: 'scored applications',
      rows: 30,
      since: '2026-11-28T00:00:00.000Z',
    });
    expect(run.stderr).toMatch(/skipped .*2026-11-29\.jsonl, line 31: truncated last line/);
    const credit = result.columns.find((c) => c.columnName === 'AMT_CREDIT')!;
    expect(credit).toMatchObject({ stattest: 'wasserstein', driftDetected: true });
    // fields the service did not send are missing from the current set, listed
    expect(result.mismatched.onlyInReference).toContain('EXT_SOURCE_2');
  });

  it('no scored application since the date: a clear error, exit status 2', () => {
    const run = drift('--current', 'scored', '--since', '2030-01-01');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('CS_ERR_EMPTY_DATASET');
    expect(run.stderr).toContain('No scored applications');
  });

  it('bad flags are usage errors before any work', () => {
    for (const args of [
      ['--method', 'anova'],
      ['--drift-share', '2'],
      ['--since', '2026-11-01'],
      ['--columns', 'features', '--current', 'scored'],
    ]) {
      const run = drift(...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toContain('CS_ERR_USAGE');
    }
  });

  it('overrides apply: PSI everywhere and a per-column threshold', () => {
    const run = drift('--method', 'psi', '--column-threshold', 'AMT_CREDIT=0.7', '--json');
    expect(run.status).toBe(0);
    const columns = json(run.stdout).columns.filter((c) => c.status === 'tested');
    expect(new Set(columns.map((c) => c.stattest))).toEqual(new Set(['psi']));
    expect(columns.find((c) => c.columnName === 'AMT_CREDIT')!.stattestThreshold).toBe(0.7);
    expect(existsSync(path.join(workspace, 'drift', 'latest.html'))).toBe(true);
  });
});
