import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { REPO_ROOT, runCli } from './cli.js';

describe('clairscore demo (npm start)', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'clairscore-demo-'));
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  it('generates, ingests, computes features, trains and promotes on a first run, then reuses all of it', () => {
    const first = runCli(['demo', '--clients', '1500', '--no-serve', '--json'], {
      CLAIRSCORE_WORKSPACE: workspace,
    });
    expect(first.status, first.stderr).toBe(0);
    const firstResult = JSON.parse(first.stdout) as {
      generated: { clients: number } | string;
      ingested: { clients: { train: number; test: number } } | string;
      features: { rows: { train: number } } | string;
      trained: number | string;
      champion: number;
    };
    expect(firstResult.generated).not.toBe('reused');
    expect(firstResult.ingested).not.toBe('reused');
    expect(firstResult.features).toMatchObject({ rows: { train: ingestedTrain(firstResult) } });
    const ingested = firstResult.ingested as { clients: { train: number; test: number } };
    expect(ingested.clients.train + ingested.clients.test).toBe(1500);
    expect(firstResult).toMatchObject({ trained: 1, champion: 1 });
    const databaseTime = statSync(path.join(workspace, 'clairscore.duckdb')).mtimeMs;

    const second = runCli(['demo', '--no-serve', '--json'], { CLAIRSCORE_WORKSPACE: workspace });
    expect(second.status, second.stderr).toBe(0);
    const secondResult = JSON.parse(second.stdout) as { generated: unknown; ingested: unknown };
    expect(secondResult).toMatchObject({
      generated: 'reused',
      ingested: 'reused',
      features: 'reused',
      trained: 'reused',
      champion: 1,
    });
    expect(statSync(path.join(workspace, 'clairscore.duckdb')).mtimeMs).toBe(databaseTime);
  });

  it('then serves the reused workspace within seconds, prints the URL and demo log-ins, and stops on SIGTERM', async () => {
    const started = Date.now();
    const child = spawn(
      process.execPath,
      [path.join(REPO_ROOT, 'dist/src/cli/main.js'), 'demo', '--port', '0'],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, CLAIRSCORE_WORKSPACE: workspace },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /serving model version 1 at (http:\/\/\S+)/.exec(stdout);
        if (match && stdout.includes('Stop with Ctrl-C')) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`demo exited with ${code}: ${stdout}`)));
    });
    const secondsToReady = (Date.now() - started) / 1000;
    try {
      expect(secondsToReady).toBeLessThan(60);
      expect(stdout).toMatch(/advisor\s+advisor \/ advisor-demo-2026/);
      expect(stdout).toMatch(/client\s+client \/ client-demo-2026 \(client \d+\)/);
      const health = await fetch(`${url}/api/health/ready`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ready: true, modelVersion: 1 });
      const login = await fetch(`${url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'advisor', password: 'advisor-demo-2026' }),
      });
      expect(login.status).toBe(200);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});

function ingestedTrain(result: { ingested: { clients: { train: number } } | string }): number {
  if (typeof result.ingested === 'string') throw new Error('expected an ingest summary');
  return result.ingested.clients.train;
}
