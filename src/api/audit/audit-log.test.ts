import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { AuditLog, type AuditEntry } from './audit-log.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const made = mkdtempSync(path.join(tmpdir(), 'cs-audit-'));
  folders.push(made);
  return path.join(made, 'audit');
}

const entry = (
  at: string,
  action: AuditEntry['action'],
  clientId: number,
  extra: Partial<AuditEntry> = {},
): AuditEntry => ({
  at,
  user: 'advisor',
  role: 'advisor',
  action,
  clientId,
  modelVersion: 1,
  decision: 'refused',
  probability: 0.3,
  reason: null,
  ...extra,
});

describe('the audit log', () => {
  it('keeps review decisions in reviews.jsonl and finds them again after a restart', () => {
    const dir = folder();
    const log = new AuditLog(dir);
    log.append(entry('2026-11-28T10:00:00.000Z', 'score-client', 7));
    log.append(
      entry('2026-11-28T10:01:00.000Z', 'review-decision', 7, { decision: 'accepted', reason: 'guarantor' }),
    );
    const reviews = readFileSync(path.join(dir, 'reviews.jsonl'), 'utf8').trim().split('\n');
    expect(reviews).toHaveLength(1);
    const reopened = new AuditLog(dir);
    expect(reopened.review(7)).toMatchObject({ decision: 'accepted', reason: 'guarantor' });
    expect(reopened.review(8)).toBeUndefined();
  });

  it('rebuilds the reviews file once from a log written before it existed, skipping a torn line', () => {
    const dir = folder();
    new AuditLog(dir); // makes the folder
    rmSync(path.join(dir, 'reviews.jsonl'));
    const lines = [
      entry('2026-11-27T09:00:00.000Z', 'review-decision', 3, { decision: 'refused', reason: 'déjà vu' }),
      entry('2026-11-27T09:05:00.000Z', 'score-client', 4),
    ].map((e) => JSON.stringify(e));
    appendFileSync(path.join(dir, '2026-11-27.jsonl'), `${lines.join('\n')}\n{"at":"2026-11-27T09:06`);
    const log = new AuditLog(dir);
    expect(log.review(3)).toMatchObject({ decision: 'refused', reason: 'déjà vu' });
    expect(log.review(4)).toBeUndefined();
    expect(existsSync(path.join(dir, 'reviews.jsonl'))).toBe(true);
  });

  it('answers queries newest first across days, with filters, a time bound and a limit', async () => {
    const dir = folder();
    const log = new AuditLog(dir);
    for (let i = 0; i < 30; i++) {
      const day = i < 15 ? '2026-11-27' : '2026-11-28';
      log.append(
        entry(
          `${day}T10:${String(i).padStart(2, '0')}:00.000Z`,
          i % 3 === 0 ? 'view-client' : 'score-client',
          100 + (i % 5),
        ),
      );
    }
    const newest = await log.query({ limit: 4 });
    expect(newest.map((e) => e.at.slice(11, 16))).toEqual(['10:29', '10:28', '10:27', '10:26']);
    const client = await log.query({ clientId: 101, limit: 100 });
    expect(client.map((e) => e.at.slice(11, 16))).toEqual([
      '10:26',
      '10:21',
      '10:16',
      '10:11',
      '10:06',
      '10:01',
    ]);
    const views = await log.query({ action: 'view-client', since: '2026-11-28T10:20:00.000Z', limit: 100 });
    expect(views.map((e) => e.at.slice(11, 16))).toEqual(['10:27', '10:24', '10:21']);
    expect(await log.query({ user: 'nobody', limit: 10 })).toEqual([]);
  });

  it('counts lines written by appendSoon before it answers a query', async () => {
    const log = new AuditLog(folder());
    const written = log.appendSoon(entry('2026-11-29T08:00:00.000Z', 'score-client', 9));
    const found = await log.query({ clientId: 9, limit: 5 });
    await written;
    expect(found).toHaveLength(1);
  });
});
