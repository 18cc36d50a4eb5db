import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../src/api/index.js';
import type { Workspace } from '../src/core/index.js';
import { withDatabase } from '../src/data/index.js';
import { applicationFromDatabase } from '../src/features/index.js';
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

type Case = {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly status: number;
  readonly code: string;
  readonly body?: unknown;
  readonly raw?: string;
  readonly headers?: Record<string, string>;
  readonly as?: 'advisor' | 'admin' | 'client';
};

const INJECTION = encodeURIComponent(`1' OR '1'='1`);
const DROP = encodeURIComponent(`'; DROP TABLE features; --`);
const BAD = 'CS_ERR_BAD_REQUEST';
const INVALID_APP = 'CS_ERR_INVALID_APPLICATION';

function cases(): Case[] {
  const id = clients[0]!;
  const withField = (extra: Record<string, unknown>): Record<string, unknown> => ({
    ...application,
    ...extra,
  });
  return [
    // path parameters
    { name: 'id not a number', method: 'GET', url: '/api/clients/abc/score', status: 400, code: BAD },
    { name: 'negative id', method: 'GET', url: '/api/clients/-5/score', status: 400, code: BAD },
    { name: 'id zero', method: 'GET', url: '/api/clients/0', status: 400, code: BAD },
    { name: 'fractional id', method: 'GET', url: '/api/clients/100002.5/score', status: 400, code: BAD },
    {
      name: 'huge id',
      method: 'GET',
      url: '/api/clients/99999999999999999999999/score',
      status: 400,
      code: BAD,
    },
    {
      name: 'injection in id',
      method: 'GET',
      url: `/api/clients/${INJECTION}/score`,
      status: 400,
      code: BAD,
    },
    {
      name: 'unknown client score',
      method: 'GET',
      url: '/api/clients/100/score',
      status: 404,
      code: 'CS_ERR_UNKNOWN_CLIENT',
    },
    {
      name: 'unknown client info',
      method: 'GET',
      url: '/api/clients/999999999',
      status: 404,
      code: 'CS_ERR_UNKNOWN_CLIENT',
    },
    {
      name: 'unknown client review',
      method: 'POST',
      url: '/api/clients/100/review',
      body: { decision: 'accept', reason: 'fine' },
      status: 404,
      code: 'CS_ERR_UNKNOWN_CLIENT',
    },
    {
      name: 'unknown client neighbours',
      method: 'GET',
      url: '/api/clients/100/compare/neighbours',
      status: 404,
      code: 'CS_ERR_UNKNOWN_CLIENT',
    },
    // search
    {
      name: 'injection in prefix',
      method: 'GET',
      url: `/api/clients?prefix=${INJECTION}`,
      status: 400,
      code: BAD,
    },
    {
      name: 'drop table in prefix',
      method: 'GET',
      url: `/api/clients?prefix=${DROP}`,
      status: 400,
      code: BAD,
    },
    {
      name: 'prefix too long',
      method: 'GET',
      url: '/api/clients?prefix=12345678901',
      status: 400,
      code: BAD,
    },
    { name: 'limit zero', method: 'GET', url: '/api/clients?limit=0', status: 400, code: BAD },
    { name: 'limit too large', method: 'GET', url: '/api/clients?limit=100000', status: 400, code: BAD },
    { name: 'limit not a number', method: 'GET', url: '/api/clients?limit=ten', status: 400, code: BAD },
    { name: 'negative offset', method: 'GET', url: '/api/clients?offset=-1', status: 400, code: BAD },
    { name: 'huge offset', method: 'GET', url: '/api/clients?offset=1e300', status: 400, code: BAD },
    { name: 'unknown age band', method: 'GET', url: '/api/clients?ageBand=99-100', status: 400, code: BAD },
    {
      name: 'unknown income band',
      method: 'GET',
      url: '/api/clients?incomeBand=lots',
      status: 400,
      code: BAD,
    },
    { name: 'unknown set', method: 'GET', url: '/api/clients?set=validation', status: 400, code: BAD },
    { name: 'unknown query field', method: 'GET', url: '/api/clients?sort=income', status: 400, code: BAD },
    {
      name: 'oversized filter',
      method: 'GET',
      url: `/api/clients?gender=${'x'.repeat(500)}`,
      status: 400,
      code: BAD,
    },
    // client information
    { name: 'unknown language', method: 'GET', url: `/api/clients/${id}?lang=de`, status: 400, code: BAD },
    {
      name: 'unknown origin',
      method: 'GET',
      url: `/api/clients/${id}?origin=${DROP}`,
      status: 400,
      code: BAD,
    },
    // bodies
    {
      name: 'malformed JSON score',
      method: 'POST',
      url: '/api/score',
      raw: '{"SK_ID_CURR": 1,',
      status: 400,
      code: BAD,
    },
    {
      name: 'malformed JSON login',
      method: 'POST',
      url: '/api/login',
      raw: "{username:'a'}",
      status: 400,
      code: BAD,
    },
    { name: 'empty JSON body', method: 'POST', url: '/api/score', raw: '', status: 400, code: BAD },
    {
      name: 'array instead of object',
      method: 'POST',
      url: '/api/score',
      body: [1, 2],
      status: 400,
      code: BAD,
    },
    { name: 'text body as JSON', method: 'POST', url: '/api/score', raw: '"hello"', status: 400, code: BAD },
    {
      name: 'wrong content type',
      method: 'POST',
      url: '/api/score',
      raw: 'SK_ID_CURR=1',
      headers: { 'content-type': 'text/plain' },
      status: 415,
      code: 'CS_ERR_UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'body too large',
      method: 'POST',
      url: '/api/score',
      raw: JSON.stringify({ pad: 'x'.repeat(3 * 1024 * 1024) }),
      status: 413,
      code: 'CS_ERR_PAYLOAD_TOO_LARGE',
    },
    {
      name: 'id of the wrong type',
      method: 'POST',
      url: '/api/score',
      body: withField({ SK_ID_CURR: 'abc' }),
      status: 400,
      code: INVALID_APP,
    },
    {
      name: 'amount of the wrong type',
      method: 'POST',
      url: '/api/score',
      body: withField({ AMT_CREDIT: 'lots' }),
      status: 400,
      code: INVALID_APP,
    },
    {
      name: 'unknown application field',
      method: 'POST',
      url: '/api/score',
      body: withField({ SALARY: 1 }),
      status: 400,
      code: INVALID_APP,
    },
    {
      name: 'unknown category level',
      method: 'POST',
      url: '/api/score',
      body: withField({ NAME_CONTRACT_TYPE: 'Mortgage' }),
      status: 400,
      code: INVALID_APP,
    },
    {
      name: 'injection as category',
      method: 'POST',
      url: '/api/score',
      body: withField({ NAME_CONTRACT_TYPE: "x'); DROP TABLE features; --" }),
      status: 400,
      code: INVALID_APP,
    },
    {
      name: 'huge id in application',
      method: 'POST',
      url: '/api/score',
      body: withField({ SK_ID_CURR: 1e300 }),
      status: 400,
      code: INVALID_APP,
    },
    {
      name: 'missing required fields',
      method: 'POST',
      url: '/api/score',
      body: { SK_ID_CURR: 1 },
      status: 400,
      code: INVALID_APP,
    },
    {
      name: 'login extra field',
      method: 'POST',
      url: '/api/login',
      body: { username: 'a', password: 'b', admin: true },
      status: 400,
      code: BAD,
    },
    {
      name: 'login missing password',
      method: 'POST',
      url: '/api/login',
      body: { username: 'a' },
      status: 400,
      code: BAD,
    },
    {
      name: 'login huge username',
      method: 'POST',
      url: '/api/login',
      body: { username: 'a'.repeat(10_000), password: 'b' },
      status: 400,
      code: BAD,
    },
    {
      name: 'login number as password',
      method: 'POST',
      url: '/api/login',
      body: { username: 'advisor', password: 12345678 },
      status: 400,
      code: BAD,
    },
    {
      name: 'review unknown decision',
      method: 'POST',
      url: `/api/clients/${id}/review`,
      body: { decision: 'maybe', reason: 'unsure' },
      status: 400,
      code: BAD,
    },
    {
      name: 'review reason too short',
      method: 'POST',
      url: `/api/clients/${id}/review`,
      body: { decision: 'accept', reason: '' },
      status: 400,
      code: BAD,
    },
    {
      name: 'review reason too long',
      method: 'POST',
      url: `/api/clients/${id}/review`,
      body: { decision: 'accept', reason: 'x'.repeat(5000) },
      status: 400,
      code: BAD,
    },
    // admin inputs
    {
      name: 'username with spaces',
      method: 'POST',
      url: '/api/accounts',
      as: 'admin',
      body: { username: "bob' OR 1=1", password: 'long-enough', role: 'advisor' },
      status: 400,
      code: BAD,
    },
    {
      name: 'password too short',
      method: 'POST',
      url: '/api/accounts',
      as: 'admin',
      body: { username: 'bob', password: 'short', role: 'advisor' },
      status: 400,
      code: BAD,
    },
    {
      name: 'unknown role',
      method: 'POST',
      url: '/api/accounts',
      as: 'admin',
      body: { username: 'bob', password: 'long-enough', role: 'root' },
      status: 400,
      code: BAD,
    },
    {
      name: 'promote negative version',
      method: 'POST',
      url: '/api/model/promote',
      as: 'admin',
      body: { version: -1 },
      status: 400,
      code: BAD,
    },
    {
      name: 'promote unknown version',
      method: 'POST',
      url: '/api/model/promote',
      as: 'admin',
      body: { version: 999 },
      status: 404,
      code: 'CS_ERR_MODEL_VERSION',
    },
    {
      name: 'audit since not a date',
      method: 'GET',
      url: '/api/audit?since=yesterday',
      as: 'admin',
      status: 400,
      code: BAD,
    },
    {
      name: 'audit client not a number',
      method: 'GET',
      url: `/api/audit?clientId=${INJECTION}`,
      as: 'admin',
      status: 400,
      code: BAD,
    },
    {
      name: 'audit unknown action',
      method: 'GET',
      url: '/api/audit?action=delete',
      as: 'admin',
      status: 400,
      code: BAD,
    },
    {
      name: 'experiment path traversal',
      method: 'GET',
      url: '/api/experiments/..%2F..%2Fetc/runs',
      status: 400,
      code: BAD,
    },
    // comparisons
    {
      name: 'feature with SQL',
      method: 'GET',
      url: `/api/clients/${id}/compare/distribution?feature=${DROP}`,
      status: 400,
      code: BAD,
    },
    {
      name: 'too many bins',
      method: 'GET',
      url: `/api/clients/${id}/compare/distribution?feature=AMT_CREDIT&bins=100000`,
      status: 400,
      code: BAD,
    },
    {
      name: 'too many neighbours',
      method: 'GET',
      url: `/api/clients/${id}/compare/neighbours?k=100000`,
      status: 400,
      code: BAD,
    },
    // routes
    { name: 'unknown route', method: 'GET', url: '/api/nothing-here', status: 404, code: 'CS_ERR_NOT_FOUND' },
    {
      name: 'wrong method',
      method: 'POST',
      url: '/api/health',
      body: {},
      status: 404,
      code: 'CS_ERR_NOT_FOUND',
    },
  ];
}

describe('the bad-input catalogue', () => {
  it('answers every bad input with its 4xx, one error shape, and no internals', async () => {
    const all = cases();
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
