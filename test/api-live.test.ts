import { execFileSync } from 'node:child_process';
import { request as httpsRequest } from 'node:https';
import { Writable } from 'node:stream';
import { copyFileSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer, type RunningServer } from '../src/api/index.js';
import type { Workspace } from '../src/core/index.js';
import { promote } from '../src/registry/index.js';
import { buildServiceWorkspace, clientIds, removeWorkspace, trainSmallModel } from './api-fixtures.js';

let workspace: Workspace;
let server: RunningServer;
let ids: number[];
let logs = '';
const PASSWORD = 'live-advisor-123';

beforeAll(async () => {
  workspace = await buildServiceWorkspace();
  await trainSmallModel(workspace, 7); // version 2, registered but not champion
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs += chunk.toString();
      done();
    },
  });
  server = await startServer({ workspace, port: 0, host: '127.0.0.1', pollMs: 50, logger: { stream } });
  await server.app.context.accounts.add({ username: 'advisor', password: PASSWORD, role: 'advisor' });
  ids = await clientIds(workspace, 40);
});
afterAll(async () => {
  await server.close();
  removeWorkspace(workspace);
});

async function login(base: string): Promise<string> {
  const response = await fetch(`${base}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'advisor', password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

describe('the service over real HTTP', () => {
  it('switches to a newly promoted champion under load without failing a request', async () => {
    const token = await login(server.url);
    const headers = { authorization: `Bearer ${token}` };
    // each answer with the number of answers already in when its request was sent
    const seen: { status: number; version: number; sentAfter: number }[] = [];
    let stop = false;
    const worker = async (offset: number): Promise<void> => {
      for (let i = offset; !stop; i += 4) {
        const sentAfter = seen.length;
        const response = await fetch(`${server.url}/api/clients/${ids[i % ids.length]}/score`, { headers });
        const body = (await response.json()) as { modelVersion?: number };
        seen.push({ status: response.status, version: body.modelVersion ?? -1, sentAfter });
      }
    };
    const workers = [0, 1, 2, 3].map(worker);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    promote(workspace, { version: 2 });
    const switched = Date.now();
    while (server.app.context.state.models.current?.version !== 2 && Date.now() - switched < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    stop = true;
    await Promise.all(workers);

    expect(seen.length).toBeGreaterThan(20);
    expect(seen.filter((s) => s.status !== 200)).toEqual([]);
    expect(seen.some((s) => s.version === 1)).toBe(true);
    expect(seen.at(-1)?.version).toBe(2);
    // once an answer came from version 2, no request sent after it was answered by version 1
    // (a request sent before it may still finish later on the old model: that is the switch)
    const firstNew = seen.findIndex((s) => s.version === 2);
    expect(seen.filter((s) => s.sentAfter > firstNew && s.version !== 2)).toEqual([]);
    const ready = (await (await fetch(`${server.url}/api/health/ready`)).json()) as { modelVersion: number };
    expect(ready.modelVersion).toBe(2);
  });

  it('reopens the database when ingestion swaps a new file in, while serving', async () => {
    const token = await login(server.url);
    const before = server.app.context.state.databases.current!.identity;
    const aside = `${workspace.database}.new`;
    copyFileSync(workspace.database, aside);
    renameSync(aside, workspace.database); // what ingestion does: build aside, rename over
    const started = Date.now();
    while (server.app.context.state.databases.current?.identity === before && Date.now() - started < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(server.app.context.state.databases.current?.identity).not.toBe(before);
    const search = await fetch(`${server.url}/api/clients?limit=3`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(search.status).toBe(200);
    expect(((await search.json()) as { total: number }).total).toBe(2000);
  });

  it('logs structured lines without passwords, tokens or client ids', () => {
    const lines = logs.trim().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect(logs).toContain('"path":"/api/clients/:id/score"');
    expect(logs).toContain('champion model loaded');
    expect(logs).not.toContain(PASSWORD);
    expect(logs).not.toMatch(/eyJ[\w-]+\.eyJ/);
    expect(logs).not.toContain(`/api/clients/${ids[0]}`);
  });

  it('finishes a request in flight when it shuts down, then refuses connections', async () => {
    const extra = await startServer({ workspace, port: 0, host: '127.0.0.1', pollMs: 0 });
    const token = await login(extra.url);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    // a refused client: its counterfactual search scores dozens of variants (hundreds of ms)
    let refused: number | undefined;
    for (const id of ids) {
      const score = (await (await fetch(`${extra.url}/api/clients/${id}/score`, { headers })).json()) as {
        decision: string;
      };
      if (score.decision === 'refused') refused = id;
      if (refused !== undefined) break;
    }
    const application = await (
      await fetch(`${extra.url}/api/clients/${refused}/application`, { headers })
    ).json();
    const started = Date.now();
    const inFlight = fetch(`${extra.url}/api/counterfactual`, {
      method: 'POST',
      headers,
      body: JSON.stringify(application),
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = Date.now();
    await extra.close();
    expect(Date.now() - closed).toBeLessThan(10_000); // not held by kept-alive sockets
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect((await response.json()) as object).toHaveProperty('suggestions');
    expect(Date.now() - started).toBeGreaterThan(100);
    await expect(fetch(`${extra.url}/api/health`)).rejects.toThrow();
  });

  it('refuses a port already in use with a usage error', async () => {
    const port = Number(new URL(server.url).port);
    await expect(startServer({ workspace, port, host: '127.0.0.1', pollMs: 0 })).rejects.toMatchObject({
      code: 'CS_ERR_USAGE',
      message: expect.stringMatching(/EADDRINUSE.*--port/),
    });
  });

  it('serves HTTPS when given a certificate and key', async () => {
    const dir = workspace.root;
    const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
      ],
      {
        stdio: 'ignore',
      },
    );
    const secure = await startServer({
      workspace,
      port: 0,
      host: '127.0.0.1',
      pollMs: 0,
      tls: { key: readFileSync(key), cert: readFileSync(cert) },
      secureCookies: true,
    });
    try {
      expect(secure.url).toMatch(/^https:\/\//);
      const body = await new Promise<string>((resolve, reject) => {
        const req = httpsRequest(
          `${secure.url}/api/health`,
          { ca: readFileSync(cert), servername: 'localhost', checkServerIdentity: () => undefined },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => resolve(text));
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(JSON.parse(body)).toMatchObject({ status: 'ok' });
    } finally {
      await secure.close();
    }
  });
});
