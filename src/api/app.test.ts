import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { resolveWorkspace } from '../core/index.js';
import { buildApp, type App } from './app.js';
import { ensureAccounts } from './auth/demo-accounts.js';

const root = mkdtempSync(path.join(tmpdir(), 'cs-api-empty-'));
let app: App;

beforeAll(async () => {
  app = await buildApp({ workspace: resolveWorkspace(root), logger: false, pollMs: 0 });
});
afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

describe('a service on a workspace with nothing in it yet', () => {
  it('is alive but not ready, and says what is missing', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const ready = await app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ ready: false, modelVersion: null, database: false });
  });

  it('creates one admin with a random password on first start, and none after', async () => {
    const created = await ensureAccounts(app.context.accounts, undefined);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ username: 'admin', role: 'admin' });
    expect(created[0]!.password.length).toBeGreaterThanOrEqual(16);
    expect(await ensureAccounts(app.context.accounts, undefined)).toEqual([]);
    const login = await app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { username: 'admin', password: created[0]!.password },
    });
    expect(login.statusCode).toBe(200);
    const token = (login.json() as { token: string }).token;
    const score = await app.inject({
      method: 'GET',
      url: '/api/model',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(score.statusCode).toBe(503);
    expect(score.json()).toMatchObject({ error: { code: 'CS_ERR_NOT_READY' } });
  });

  it('reports model version 0 in its metrics', async () => {
    const metrics = await app.inject({ method: 'GET', url: '/api/metrics' });
    expect(metrics.body).toMatch(/^clairscore_model_version 0$/m);
  });
});
