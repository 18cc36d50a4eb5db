import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildApp, type App } from '../src/api/index.js';
import type { Workspace } from '../src/core/index.js';
import {
  buildServiceWorkspace,
  call,
  login,
  PASSWORDS,
  removeWorkspace,
  serviceWithAccounts,
} from './api-fixtures.js';

let workspace: Workspace;
let app: App;
let clients: number[];
let tokens: { admin: string; advisor: string; client: string };

beforeAll(async () => {
  workspace = await buildServiceWorkspace();
  ({ app, clients, tokens } = await serviceWithAccounts(workspace));
});
afterAll(async () => {
  await app.close();
  removeWorkspace(workspace);
});

describe('log-in and sessions', () => {
  it('sets an httpOnly SameSite=Strict cookie that works like the Bearer token', async () => {
    const response = await call(app, 'POST', '/api/login', {
      body: { username: 'advisor', password: PASSWORDS.advisor },
    });
    expect(response.status).toBe(200);
    expect(response.body.user).toEqual({ username: 'advisor', role: 'advisor', clientId: null });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^clairscore_session=[\w-]+\.[\w-]+\.[\w-]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const session = cookie.split(';')[0]!;
    const me = await call(app, 'GET', '/api/me', { headers: { cookie: session } });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ username: 'advisor', role: 'advisor', clientId: null });
  });

  it('refuses a wrong password, an unknown user and a forged token with 401 in the error shape', async () => {
    for (const body of [
      { username: 'advisor', password: 'wrong-password' },
      { username: 'nobody', password: 'whatever-pass' },
    ]) {
      const response = await call(app, 'POST', '/api/login', { body });
      expect(response.status).toBe(401);
      expect(response.body.error?.code).toBe('CS_ERR_UNAUTHENTICATED');
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    const forged = `${tokens.admin.slice(0, -4)}abcd`;
    expect((await call(app, 'GET', '/api/me', { token: forged })).status).toBe(401);
    expect((await call(app, 'GET', '/api/me')).body.error?.code).toBe('CS_ERR_UNAUTHENTICATED');
  });

  it('logout revokes the token even when it is used as a Bearer', async () => {
    const token = await login(app, 'advisor', PASSWORDS.advisor);
    expect((await call(app, 'GET', '/api/me', { token })).status).toBe(200);
    const out = await call(app, 'POST', '/api/logout', { token });
    expect(out.status).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/clairscore_session=;/);
    expect((await call(app, 'GET', '/api/me', { token })).status).toBe(401);
  });

  it('rate-limits log-in attempts per address with 429', async () => {
    const limited = await buildApp({ workspace, logger: false, pollMs: 0, loginAttemptsPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push(
          (await call(limited, 'POST', '/api/login', { body: { username: 'x', password: 'bad-pass-1' } }))
            .status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const refused = await call(limited, 'POST', '/api/login', {
        body: { username: 'advisor', password: PASSWORDS.advisor },
      });
      expect(refused.body.error?.code).toBe('CS_ERR_RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});

describe('roles', () => {
  it('lets a client read their own record and score, and nothing of anyone else (403 whether the id exists or not)', async () => {
    const [own, other] = clients;
    expect((await call(app, 'GET', `/api/clients/${own}`, { token: tokens.client })).status).toBe(200);
    expect((await call(app, 'GET', `/api/clients/${own}/score`, { token: tokens.client })).status).toBe(200);
    for (const id of [other, 999_999_998]) {
      for (const url of [
        `/api/clients/${id}`,
        `/api/clients/${id}/score`,
        `/api/clients/${id}/compare/distribution?feature=AMT_CREDIT`,
      ]) {
        const response = await call(app, 'GET', url, { token: tokens.client });
        expect(response.status, url).toBe(403);
        expect(response.body.error?.code).toBe('CS_ERR_FORBIDDEN');
      }
    }
    const whatIf = await call(app, 'POST', '/api/score', {
      token: tokens.client,
      body: { SK_ID_CURR: other },
    });
    expect(whatIf.status).toBe(403);
  });

  it('keeps individual points from clients: no search, no neighbours, no bivariate sample', async () => {
    const own = clients[0]!;
    for (const url of [
      '/api/clients?prefix=1',
      `/api/clients/${own}/compare/neighbours`,
      `/api/clients/${own}/compare/bivariate?x=AMT_CREDIT&y=AMT_ANNUITY`,
      '/api/audit',
      '/api/accounts',
      '/api/drift/latest',
      '/api/experiments',
      '/api/model/page',
    ]) {
      const response = await call(app, 'GET', url, { token: tokens.client });
      expect(response.status, url).toBe(403);
    }
  });

  it('applies the role matrix to every route: 401 without a session, 403 for a role it does not admit', async () => {
    const [own] = clients;
    type Row = [method: 'GET' | 'POST', url: string, client: number, advisor: number, admin: number];
    // statuses for valid requests (POST bodies are deliberately empty: a 400 proves the role was admitted)
    const matrix: Row[] = [
      ['GET', '/api/me', 200, 200, 200],
      ['GET', '/api/model', 200, 200, 200],
      ['GET', '/api/model/importance', 200, 200, 200],
      ['GET', '/api/model/page', 403, 200, 200],
      ['POST', '/api/model/promote', 403, 403, 200], // the newest version, already champion
      ['GET', '/api/clients?prefix=1', 403, 200, 200],
      ['GET', `/api/clients/${own}`, 200, 200, 200],
      ['GET', `/api/clients/${own}/application`, 200, 200, 200],
      ['GET', `/api/clients/${own}/score`, 200, 200, 200],
      ['POST', `/api/clients/${own}/review`, 403, 400, 400],
      ['POST', '/api/score', 403, 400, 400],
      ['POST', '/api/counterfactual', 403, 400, 400],
      ['GET', '/api/compare/filters', 200, 200, 200],
      ['GET', `/api/clients/${own}/compare/distribution?feature=AMT_CREDIT`, 200, 200, 200],
      ['GET', `/api/clients/${own}/compare/profile`, 200, 200, 200],
      ['GET', `/api/clients/${own}/compare/bivariate?x=AMT_CREDIT&y=AMT_ANNUITY`, 403, 200, 200],
      ['GET', `/api/clients/${own}/compare/neighbours`, 403, 200, 200],
      ['GET', '/api/drift/latest', 403, 404, 404],
      ['GET', '/api/experiments', 403, 200, 200],
      ['GET', '/api/audit', 403, 403, 200],
      ['GET', '/api/accounts', 403, 403, 200],
      ['POST', '/api/accounts', 403, 403, 400],
      ['POST', '/api/accounts/advisor/password', 403, 403, 400],
      ['POST', '/api/accounts/advisor/disabled', 403, 403, 400],
    ];
    for (const [method, url, client, advisor, admin] of matrix) {
      const body = method === 'POST' ? {} : undefined;
      const anonymous = await call(app, method, url, { body });
      expect(anonymous.status, `${method} ${url} anonymous`).toBe(401);
      for (const [role, expected] of [
        ['client', client],
        ['advisor', advisor],
        ['admin', admin],
      ] as const) {
        const response = await call(app, method, url, { token: tokens[role], body });
        expect(response.status, `${method} ${url} as ${role}: ${response.text.slice(0, 200)}`).toBe(expected);
      }
    }
    for (const url of ['/api/health', '/api/health/ready', '/api/openapi.json', '/api/metrics']) {
      expect((await call(app, 'GET', url)).status, url).toBe(200);
    }
  });
});

describe('accounts (admin)', () => {
  it('creates an advisor and a client linked to a real client, refuses an unknown client and duplicates', async () => {
    const advisor = await call(app, 'POST', '/api/accounts', {
      token: tokens.admin,
      body: { username: 'marie.dupont', password: 'long-enough-1', role: 'advisor' },
    });
    expect(advisor.status).toBe(201);
    expect(advisor.body).toMatchObject({
      username: 'marie.dupont',
      role: 'advisor',
      clientId: null,
      disabled: false,
    });
    expect(advisor.body).not.toHaveProperty('passwordHash');
    const client = await call(app, 'POST', '/api/accounts', {
      token: tokens.admin,
      body: { username: 'client-3', password: 'long-enough-1', role: 'client', clientId: clients[1] },
    });
    expect(client.status).toBe(201);
    const unknown = await call(app, 'POST', '/api/accounts', {
      token: tokens.admin,
      body: { username: 'client-4', password: 'long-enough-1', role: 'client', clientId: 999_999_997 },
    });
    expect(unknown.status).toBe(404);
    const noId = await call(app, 'POST', '/api/accounts', {
      token: tokens.admin,
      body: { username: 'client-5', password: 'long-enough-1', role: 'client' },
    });
    expect(noId.status).toBe(400);
    const duplicate = await call(app, 'POST', '/api/accounts', {
      token: tokens.admin,
      body: { username: 'marie.dupont', password: 'long-enough-1', role: 'advisor' },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error?.code).toBe('CS_ERR_ACCOUNT_EXISTS');
  });

  it('stores scrypt hashes in accounts.json, readable by its owner only', () => {
    const file = path.join(workspace.root, 'accounts.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(PASSWORDS.advisor);
    const stored = JSON.parse(text) as { accounts: { username: string; passwordHash: string }[] };
    expect(stored.accounts.find((a) => a.username === 'advisor')?.passwordHash).toMatch(
      /^scrypt\$32768\$8\$1\$/,
    );
  });

  it('ends the sessions of an account whose password is reset or which is disabled', async () => {
    await call(app, 'POST', '/api/accounts', {
      token: tokens.admin,
      body: { username: 'temp', password: 'first-pass-1', role: 'advisor' },
    });
    const token = await login(app, 'temp', 'first-pass-1');
    const reset = await call(app, 'POST', '/api/accounts/temp/password', {
      token: tokens.admin,
      body: { password: 'second-pass-2' },
    });
    expect(reset.status).toBe(200);
    expect((await call(app, 'GET', '/api/me', { token })).status).toBe(401);
    const second = await login(app, 'temp', 'second-pass-2');
    const disabled = await call(app, 'POST', '/api/accounts/temp/disabled', {
      token: tokens.admin,
      body: { disabled: true },
    });
    expect(disabled.body).toMatchObject({ disabled: true });
    expect((await call(app, 'GET', '/api/me', { token: second })).status).toBe(401);
    expect(
      (await call(app, 'POST', '/api/login', { body: { username: 'temp', password: 'second-pass-2' } }))
        .status,
    ).toBe(401);
    expect(
      (
        await call(app, 'POST', '/api/accounts/nobody/disabled', {
          token: tokens.admin,
          body: { disabled: true },
        })
      ).status,
    ).toBe(404);
  });

  it('audits log-ins, failures and account changes, queryable by admins', async () => {
    const audit = await call(app, 'GET', '/api/audit?user=admin&limit=500', { token: tokens.admin });
    expect(audit.status).toBe(200);
    const actions = (audit.body.entries as { action: string }[]).map((e) => e.action);
    expect(actions).toContain('login');
    expect(actions).toContain('account-created');
    expect(actions).toContain('account-disabled');
    const failed = await call(app, 'GET', '/api/audit?action=login-failed', { token: tokens.admin });
    expect((failed.body.entries as { user: string }[]).map((e) => e.user)).toContain('nobody');
  });
});
