import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { runCli } from './cli.js';

describe('clairscore demo (npm start)', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'clairscore-demo-'));
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  it('generates, ingests and computes features on a first run, then reuses all three', () => {
    const first = runCli(['demo', '--clients', '1500', '--json'], { CLAIRSCORE_WORKSPACE: workspace });
    expect(first.status, first.stderr).toBe(0);
    const firstResult = JSON.parse(first.stdout) as {
      generated: { clients: number } | string;
      ingested: { clients: { train: number; test: number } } | string;
      features: { rows: { train: number } } | string;
    };
    expect(firstResult.generated).not.toBe('reused');
    expect(firstResult.ingested).not.toBe('reused');
    expect(firstResult.features).toMatchObject({ rows: { train: ingestedTrain(firstResult) } });
    const ingested = firstResult.ingested as { clients: { train: number; test: number } };
    expect(ingested.clients.train + ingested.clients.test).toBe(1500);
    const databaseTime = statSync(path.join(workspace, 'clairscore.duckdb')).mtimeMs;

    const second = runCli(['demo', '--json'], { CLAIRSCORE_WORKSPACE: workspace });
    expect(second.status, second.stderr).toBe(0);
    const secondResult = JSON.parse(second.stdout) as { generated: unknown; ingested: unknown };
    expect(secondResult).toMatchObject({ generated: 'reused', ingested: 'reused', features: 'reused' });
    expect(statSync(path.join(workspace, 'clairscore.duckdb')).mtimeMs).toBe(databaseTime);
  });
});

function ingestedTrain(result: { ingested: { clients: { train: number } } | string }): number {
  if (typeof result.ingested === 'string') throw new Error('expected an ingest summary');
  return result.ingested.clients.train;
}
