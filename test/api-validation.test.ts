import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../src/api/index.js';
import type { Workspace } from '../src/core/index.js';
import { withDatabase } from '../src/data/index.js';
import { applicationFromDatabase } from '../src/features/index.js';
import { badInputs, DROP, INJECTION } from './api-bad-inputs.js';
import { buildServiceWorkspace, call, removeWorkspace, serviceWithAccounts } from './api-fixtures.js';

let workspace: Workspace;
let app: App;
let clients: number[];
let tokens: { admin: string; advisor: string; client: string };
let application: Record<string, unknown>;

beforeAll(async () => {
  workspace = await buildServiceWorkspace();
  ({ app, clients, tokens } = await serviceWithAccounts(workspace));
  application = (await withDatabase(workspace, { readOnly: true }, (db) =>
    applicationFromDatabase(db.connection, clients[0]!),
  ))!;
});
afterAll(async () => {
  await app.close();
  removeWorkspace(workspace);
});

describe('the bad-input catalogue', () => {
  it('answers every bad input with its 4xx, one error shape, and no internals', async () => {
    const all = badInputs(clients[0]!, application);
    expect(all.length).toBeGreaterThanOrEqual(40);
    for (const c of all) {
      const response = await call(app, c.method, c.url, {
        token: tokens[c.as ?? 'advisor'],
        ...(c.body !== undefined ? { body: c.body } : {}),
        ...(c.raw !== undefined ? { raw: c.raw } : {}),
        ...(c.headers ? { headers: c.headers } : {}),
      });
      expect(response.status, `${c.name}: ${response.text.slice(0, 300)}`).toBe(c.status);
      expect(response.body.error?.code, c.name).toBe(c.code);
      expect(typeof response.body.error?.message, c.name).toBe('string');
      expect(typeof response.body.error?.details, c.name).toBe('object');
      expect(response.text, c.name).not.toMatch(/\/work\/|node_modules|\n\s+at /);
    }
  });

  it('binds filter values: injection strings find nobody and the tables are intact', async () => {
    for (const filter of [
      `gender=${INJECTION}`,
      `contractType=${DROP}`,
      `education=${encodeURIComponent('%')}`,
    ]) {
      const response = await call(app, 'GET', `/api/clients?${filter}`, { token: tokens.advisor });
      expect(response.status, filter).toBe(200);
      expect(response.body.total, filter).toBe(0);
    }
    const all = await call(app, 'GET', '/api/clients?limit=1', { token: tokens.advisor });
    expect(all.body.total).toBe(2000);
  });

  it('lists every problem of an invalid application with its path', async () => {
    const response = await call(app, 'POST', '/api/score', {
      token: tokens.advisor,
      body: { ...application, AMT_CREDIT: 'lots', NAME_CONTRACT_TYPE: 'Mortgage', SALARY: 1 },
    });
    const problems = response.body.error?.details.problems as { path: string }[];
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['/AMT_CREDIT', '/NAME_CONTRACT_TYPE', '/SALARY']),
    );
  });
});
