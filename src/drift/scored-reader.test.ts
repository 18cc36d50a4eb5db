import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { isClairscoreError } from '../core/index.js';
import { parseSince, readScoredApplications, scoredSource } from './scored-reader.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cs-scored-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const line = (scoredAt: string, application: Record<string, unknown>, probability = 0.1): string =>
  JSON.stringify({ scoredAt, modelVersion: '3', probability, application });

function write(name: string, lines: readonly string[], newlineAtEnd = true): string {
  const file = path.join(dir, name);
  writeFileSync(file, lines.join('\n') + (newlineAtEnd ? '\n' : ''));
  return file;
}

function errorOf(work: () => unknown): { code: string; message: string } {
  try {
    work();
  } catch (error) {
    if (isClairscoreError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an error');
}

describe('scored applications', () => {
  it('reads every day file in order and filters on scoredAt with --since', () => {
    write('2026-11-27.jsonl', [line('2026-11-27T23:59:59.000Z', { SK_ID_CURR: 1 })]);
    write('2026-11-28.jsonl', [
      line('2026-11-28T08:00:00.000Z', { SK_ID_CURR: 2 }),
      line('2026-11-28T12:00:00.000Z', { SK_ID_CURR: 3 }),
    ]);
    write('notes.txt', ['not a day file']);
    const all = readScoredApplications(dir);
    expect(all.applications.map((a) => a.application.SK_ID_CURR)).toEqual([1, 2, 3]);
    const since = readScoredApplications(dir, parseSince('2026-11-28T10:00:00Z'));
    expect(since.applications.map((a) => a.application.SK_ID_CURR)).toEqual([3]);
    expect(since.files.map((f) => path.basename(f))).toEqual(['2026-11-28.jsonl']);
  });

  it('skips and reports a truncated last line (a write in progress)', () => {
    const file = write(
      '2026-11-29.jsonl',
      [line('2026-11-29T10:00:00.000Z', { SK_ID_CURR: 1 }), '{"scoredAt":"2026-11-29T10:00:01.0'],
      false,
    );
    const set = readScoredApplications(dir);
    expect(set.applications).toHaveLength(1);
    expect(set.skipped).toEqual([{ file, line: 2, reason: expect.stringContaining('truncated last line') }]);
  });

  it('a broken line elsewhere is an error naming the file and the line', () => {
    write('2026-11-29.jsonl', [
      line('2026-11-29T10:00:00.000Z', {}),
      '{"scoredAt": oops',
      line('2026-11-29T11:00:00.000Z', {}),
    ]);
    const error = errorOf(() => readScoredApplications(dir));
    expect(error.code).toBe('CS_ERR_MALFORMED_SCORED');
    expect(error.message).toMatch(/2026-11-29\.jsonl, line 2: not valid JSON/);
  });

  it.each([
    [{ scoredAt: 'yesterday', modelVersion: '3', probability: 0.1, application: {} }, 'scoredAt'],
    [
      { scoredAt: '2026-11-29T10:00:00Z', modelVersion: 3, probability: 0.1, application: {} },
      'modelVersion',
    ],
    [
      { scoredAt: '2026-11-29T10:00:00Z', modelVersion: '3', probability: 1.5, application: {} },
      'probability',
    ],
    [
      { scoredAt: '2026-11-29T10:00:00Z', modelVersion: '3', probability: 0.1, application: [] },
      'application',
    ],
    [
      { scoredAt: '2026-11-29T10:00:00Z', modelVersion: '3', probability: 0.1, application: { A: {} } },
      'application.A',
    ],
  ])('rejects a line whose fields are wrong (%j)', (record, field) => {
    write('2026-11-29.jsonl', [JSON.stringify(record)]);
    const error = errorOf(() => readScoredApplications(dir));
    expect(error.code).toBe('CS_ERR_MALFORMED_SCORED');
    expect(error.message).toContain(`line 1: ${field}`);
  });

  it('an absent folder holds no applications', () => {
    expect(readScoredApplications(path.join(dir, 'none')).applications).toEqual([]);
  });

  it('--since must be an ISO date', () => {
    expect(parseSince('2026-11-01').toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(errorOf(() => parseSince('last week')).code).toBe('CS_ERR_USAGE');
  });
});

describe('scored applications as a data set', () => {
  it('types fields by the schema, keeps unknown fields apart, missing fields as missing', async () => {
    write('2026-11-29.jsonl', [
      line('2026-11-29T10:00:00Z', { AMT_CREDIT: 100000, NAME_CONTRACT_TYPE: 'Cash loans', CHANNEL: 'web' }),
      line('2026-11-29T10:01:00Z', { AMT_CREDIT: null }),
    ]);
    const source = scoredSource(readScoredApplications(dir));
    expect(source.rows).toBe(2);
    expect(source.columns).toEqual([
      { name: 'NAME_CONTRACT_TYPE', storage: 'string' },
      { name: 'AMT_CREDIT', storage: 'float' },
      { name: 'CHANNEL', storage: 'string' },
    ]);
    const [contract, credit] = await source.read(['NAME_CONTRACT_TYPE', 'AMT_CREDIT']);
    expect(contract).toEqual(['Cash loans', null]);
    expect([...(credit as Float64Array)]).toEqual([100000, Number.NaN]);
  });

  it('text in a numerical field is an error naming the line and the field', () => {
    write('2026-11-29.jsonl', [
      line('2026-11-29T10:00:00Z', {}),
      line('2026-11-29T10:00:00Z', { AMT_CREDIT: 'lots' }),
    ]);
    const error = errorOf(() => scoredSource(readScoredApplications(dir)));
    expect(error.message).toContain('line 2: application.AMT_CREDIT must be a number (got "lots")');
  });
});
