import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildApp, type App } from '../src/api/index.js';
import { resolveWorkspace, type Workspace } from '../src/core/index.js';
import { ingestFolder } from '../src/data/index.js';
import { generateDataset } from '../src/data/generate/index.js';
import { call, clientIds } from './api-fixtures.js';
import { runCli } from './cli.js';

let workspace: Workspace;
let app: App;
let clientId: number;

/** `clairscore users ...` on the test workspace. */
const users = (...args: string[]) => runCli(['users', ...args, '--workspace', workspace.root]);

interface ListedAccount {
  username: string;
  role: string;
  clientId: number | null;
  disabled: boolean;
}

function listed(): ListedAccount[] {
  const run = users('list', '--json');
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as ListedAccount[];
}

async function logInStatus(username: string, password: string): Promise<number> {
  return (await call(app, 'POST', '/api/login', { body: { username, password } })).status;
}

// generated clients ingested, no model: accounts and log-ins need no champion
beforeAll(async () => {
  workspace = resolveWorkspace(mkdtempSync(path.join(tmpdir(), 'cs-users-')));
  const dataDir = path.join(workspace.root, 'data');
  await generateDataset({ clients: 300, seed: 3, out: dataDir });
  await ingestFolder({ dataDir, workspace });
  clientId = (await clientIds(workspace, 1))[0]!;
});
afterAll(async () => {
  await app?.close();
  rmSync(workspace.root, { recursive: true, force: true });
});

describe('clairscore users', () => {
  it('adds, lists, disables, re-enables and resets accounts that the API honours', async () => {
    const advisor = users('add', 'marie', '--role', 'advisor', '--password', 'marie-pass-123');
    expect(advisor.status, advisor.stderr).toBe(0);
    expect(advisor.stdout).toContain('Created marie (advisor)');
    expect(advisor.stdout).not.toContain('password:');

    const client = users('add', 'paul', '--role', 'client', '--client', String(clientId), '--json');
    expect(client.status, client.stderr).toBe(0);
    const created = JSON.parse(client.stdout) as { account: ListedAccount; password: string };
    expect(created.account).toMatchObject({ username: 'paul', role: 'client', clientId, disabled: false });
    expect(created.password).toMatch(/^[\w-]{16}$/);

    expect(listed().map((a) => [a.username, a.role, a.clientId, a.disabled])).toEqual([
      ['marie', 'advisor', null, false],
      ['paul', 'client', clientId, false],
    ]);
    const text = users('list');
    expect(text.stdout).toMatch(/marie\s+advisor\s+-\s+active/);
    expect(text.stdout).not.toMatch(/scrypt|passwordHash|sessionVersion/);
    expect(readFileSync(path.join(workspace.root, 'accounts.json'), 'utf8')).toContain('scrypt$');

    // a service already running sees the command line's changes
    app = await buildApp({ workspace, logger: false, pollMs: 0, loginAttemptsPerMinute: 1000 });
    expect(await logInStatus('marie', 'marie-pass-123')).toBe(200);
    expect(await logInStatus('paul', created.password)).toBe(200);
    const session = (
      await call(app, 'POST', '/api/login', { body: { username: 'marie', password: 'marie-pass-123' } })
    ).body.token as string;
    expect((await call(app, 'GET', '/api/me', { token: session })).status).toBe(200);

    expect(users('disable', 'marie').stdout).toContain('Disabled marie (advisor) disabled');
    expect(listed().find((a) => a.username === 'marie')?.disabled).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the store checks the file once a second
    expect(await logInStatus('marie', 'marie-pass-123')).toBe(401);
    expect((await call(app, 'GET', '/api/me', { token: session })).status).toBe(401);

    expect(users('disable', 'marie', '--enable').status).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await logInStatus('marie', 'marie-pass-123')).toBe(200);

    const reset = users('reset', 'marie');
    expect(reset.status, reset.stderr).toBe(0);
    const fresh = /password: (\S+)/.exec(reset.stdout)?.[1];
    expect(fresh).toMatch(/^[\w-]{16}$/);
    expect(users('reset', 'paul', '--password', 'paul-new-pass-1').status).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await logInStatus('marie', 'marie-pass-123')).toBe(401);
    expect(await logInStatus('marie', fresh!)).toBe(200);
    expect(await logInStatus('paul', created.password)).toBe(401);
    expect(await logInStatus('paul', 'paul-new-pass-1')).toBe(200);
  });

  it('refuses bad inputs with a clear message and exit status 2, changing nothing', () => {
    const before = readFileSync(path.join(workspace.root, 'accounts.json'), 'utf8');
    const cases: [string[], RegExp][] = [
      [['disable', 'nobody'], /CS_ERR_ACCOUNT_NOT_FOUND: No account named nobody/],
      [['reset', 'nobody', '--password', 'whatever-123'], /CS_ERR_ACCOUNT_NOT_FOUND/],
      [['add', 'marie', '--role', 'advisor'], /CS_ERR_ACCOUNT_EXISTS: An account named marie already exists/],
      [['add', 'jeanne', '--role', 'boss'], /--role must be one of advisor, client, admin/],
      [['add', 'jeanne', '--role', 'client'], /needs --client SK_ID_CURR/],
      [
        ['add', 'jeanne', '--role', 'client', '--client', '999999999'],
        /CS_ERR_UNKNOWN_CLIENT: No client with SK_ID_CURR 999999999/,
      ],
      [['add', 'jeanne', '--role', 'client', '--client', 'abc'], /--client must be an integer/],
      [
        ['add', 'jeanne', '--role', 'advisor', '--client', String(clientId)],
        /--client is for client accounts only/,
      ],
      [['add', 'Jeanne Doe', '--role', 'advisor'], /user name "Jeanne Doe" is not valid: lower-case letters/],
      [['add', 'jeanne', '--role', 'advisor', '--password', 'short'], /password "short" is not valid/],
    ];
    for (const [args, message] of cases) {
      const run = users(...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(message);
    }
    expect(readFileSync(path.join(workspace.root, 'accounts.json'), 'utf8')).toBe(before);
  });
});
