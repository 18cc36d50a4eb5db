import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { REPO_ROOT } from './cli.js';
import { copySample, ingest, sha256, tableCounts, tempDir } from './ingest-fixtures.js';

describe('clairscore ingest interrupted (Ctrl-C) while loading', () => {
  it('deletes the building file and leaves the previous database as it was', async () => {
    const root = tempDir('interrupt');
    const good = copySample('random1000', path.join(root, 'good'), 30);
    const workspace = path.join(root, 'workspace');
    const database = path.join(workspace, 'clairscore.duckdb');
    expect(ingest(good, workspace).status).toBe(0);
    const hash = sha256(database);
    const counts = await tableCounts(database);

    // A bureau_balance big enough (~60 MB) to be still loading when the signal comes.
    const big = copySample('random1000', path.join(root, 'big'), 30);
    const rows = Array.from({ length: 4_000_000 }, (_, i) => `${5_000_000 + (i >> 5)},${-(i & 31)},C`);
    writeFileSync(
      path.join(big, 'bureau_balance.csv'),
      `SK_ID_BUREAU,MONTHS_BALANCE,STATUS\n${rows.join('\n')}\n`,
    );

    const child = spawn(process.execPath, [
      path.join(REPO_ROOT, 'dist/src/cli/main.js'),
      'ingest',
      '--data',
      big,
      '--workspace',
      workspace,
    ]);
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    const building = `${database}.building-${child.pid}`;
    for (let waited = 0; !existsSync(building); waited += 10) {
      if (waited > 60_000) throw new Error('the ingestion never started building');
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGINT');
    expect(await exited).toBe('SIGINT');

    expect(readdirSync(workspace)).toEqual(['clairscore.duckdb']);
    expect(sha256(database)).toBe(hash);
    expect(await tableCounts(database)).toEqual(counts);
  });
});
