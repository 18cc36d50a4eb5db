import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { buildApp, type App, type AppOptions } from '../src/api/index.js';
import { resolveWorkspace, type Workspace } from '../src/core/index.js';
import { ingestFolder, withDatabase } from '../src/data/index.js';
import { generateDataset } from '../src/data/generate/index.js';
import { buildFeatureTable } from '../src/features/index.js';
import { promote } from '../src/registry/index.js';
import { runTraining } from '../src/training/index.js';

/** A small trained model: a few rounds are enough for the service's contract. */
export async function trainSmallModel(workspace: Workspace, seed = 42, reviewBand = 0.05): Promise<number> {
  const report = await runTraining(workspace, {
    models: ['lightgbm'],
    folds: 2,
    seed,
    costs: { fnCost: 10, fpCost: 1 },
    reviewBand,
    numBoostRound: 20,
    earlyStoppingRounds: 10,
  });
  if (!report.card) throw new Error('training registered no version');
  return report.card.version;
}

/**
 * A workspace with generated clients ingested, the feature table, one trained LightGBM
 * promoted champion. Built once per test file (a few seconds for 2,000 clients).
 */
export async function buildServiceWorkspace(clients = 2000): Promise<Workspace> {
  const root = mkdtempSync(path.join(tmpdir(), 'cs-api-'));
  const workspace = resolveWorkspace(root);
  const dataDir = path.join(root, 'data');
  await generateDataset({ clients, seed: 7, out: dataDir });
  await ingestFolder({ dataDir, workspace });
  await buildFeatureTable(workspace);
  await trainSmallModel(workspace);
  promote(workspace);
  return workspace;
}

export function removeWorkspace(workspace: Workspace): void {
  rmSync(workspace.root, { recursive: true, force: true });
}

/** Sends one request through inject() and returns status and parsed JSON (or text). */
export async function call(
  app: InjectTarget,
  method: 'GET' | 'POST',
  url: string,
  options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: JsonBody; text: string; headers: Record<string, unknown> }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.raw !== undefined) headers['content-type'] ??= 'application/json';
  const response = await app.inject({
    method,
    url,
    headers,
    ...(options.raw !== undefined
      ? { payload: options.raw }
      : options.body !== undefined
        ? { payload: options.body as object }
        : {}),
  });
  let body: JsonBody = {};
  try {
    body = JSON.parse(response.body) as JsonBody;
  } catch {
    body = {};
  }
  return { status: response.statusCode, body, text: response.body, headers: response.headers };
}

/** Parsed JSON of a response, read by the tests field by field. */
export type JsonBody = Record<string, unknown> & {
  error?: { code: string; message: string; details: Record<string, unknown> };
};

export interface InjectTarget {
  inject(options: {
    method: 'GET' | 'POST';
    url: string;
    headers?: Record<string, string>;
    payload?: string | object;
  }): Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }>;
}

/** Logs in and returns the token. */
export async function login(app: InjectTarget, username: string, password: string): Promise<string> {
  const response = await call(app, 'POST', '/api/login', { body: { username, password } });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${response.text}`);
  return response.body.token as string;
}

/** The first training clients' ids of the workspace, in order. */
export async function clientIds(workspace: Workspace, count: number): Promise<number[]> {
  const rows = await withDatabase(workspace, { readOnly: true }, (db) =>
    db.query('SELECT "SK_ID_CURR" AS id FROM application_train ORDER BY 1 LIMIT $1', [count]),
  );
  return rows.map((r) => Number(r.id));
}

export const PASSWORDS = { admin: 'admin-pass-123', advisor: 'advisor-pass-123', client: 'client-pass-123' };

/** The service on a workspace with an admin, an advisor and two client accounts (clients[0], clients[1]). */
export async function serviceWithAccounts(
  workspace: Workspace,
  options: Partial<AppOptions> = {},
): Promise<{ app: App; clients: number[]; tokens: { admin: string; advisor: string; client: string } }> {
  const app = await buildApp({
    workspace,
    logger: false,
    pollMs: 0,
    loginAttemptsPerMinute: 1000,
    ...options,
  });
  const clients = await clientIds(workspace, 2);
  const store = app.context.accounts;
  if (!store.get('admin')) {
    await store.add({ username: 'admin', password: PASSWORDS.admin, role: 'admin' });
    await store.add({ username: 'advisor', password: PASSWORDS.advisor, role: 'advisor' });
    await store.add({
      username: 'client',
      password: PASSWORDS.client,
      role: 'client',
      clientId: clients[0]!,
    });
    await store.add({
      username: 'client2',
      password: PASSWORDS.client,
      role: 'client',
      clientId: clients[1]!,
    });
  }
  const tokens = {
    admin: await login(app, 'admin', PASSWORDS.admin),
    advisor: await login(app, 'advisor', PASSWORDS.advisor),
    client: await login(app, 'client', PASSWORDS.client),
  };
  return { app, clients, tokens };
}
