import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildApp, type App } from '../src/api/index.js';
import type { Workspace } from '../src/core/index.js';
import { withDatabase } from '../src/data/index.js';
import { readScoredApplications } from '../src/drift/index.js';
import { applicationFromDatabase } from '../src/features/index.js';
import {
  buildServiceWorkspace,
  call,
  clientIds,
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

type Score = {
  clientId: number;
  probability: number;
  decision: string;
  modelVersion: number;
  threshold: number;
};

async function storedApplication(id: number): Promise<Record<string, unknown>> {
  const application = await withDatabase(workspace, { readOnly: true }, (db) =>
    applicationFromDatabase(db.connection, id),
  );
  if (!application) throw new Error(`no client ${id}`);
  return application;
}

describe('scores', () => {
  it("gives a stored client's calibrated probability and the decision its threshold implies", async () => {
    const response = await call(app, 'GET', `/api/clients/${clients[0]}/score`, { token: tokens.advisor });
    expect(response.status).toBe(200);
    const score = response.body as unknown as Score & { review: { low: number; high: number } | null };
    expect(score).toMatchObject({ clientId: clients[0], modelVersion: 1 });
    expect(score.probability).toBeGreaterThan(0);
    expect(score.probability).toBeLessThan(1);
    const { low, high } = score.review!;
    const expected =
      score.probability > low && score.probability < high
        ? 'review'
        : score.probability >= score.threshold
          ? 'refused'
          : 'accepted';
    expect(score.decision).toBe(expected);
  });

  it('scores the same application sent as JSON exactly as the stored client, and stores it in the drift shape', async () => {
    const id = clients[1]!;
    const stored = (await call(app, 'GET', `/api/clients/${id}/score`, { token: tokens.advisor }))
      .body as unknown as Score;
    const application = await storedApplication(id);
    const sent = await call(app, 'POST', '/api/score', { token: tokens.advisor, body: application });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ clientId: id, modelVersion: 1, decision: stored.decision });
    expect((sent.body as unknown as Score).probability).toBeCloseTo(stored.probability, 12);

    // the external scores are the strongest signals: at their worst, the risk must rise
    const modified = {
      ...application,
      AMT_CREDIT: Number(application.AMT_CREDIT) * 3,
      EXT_SOURCE_2: 0.01,
      EXT_SOURCE_3: 0.01,
    };
    const whatIf = await call(app, 'POST', '/api/score', { token: tokens.advisor, body: modified });
    expect(whatIf.status).toBe(200);
    expect((whatIf.body as unknown as Score).probability).toBeGreaterThan(stored.probability);

    const set = readScoredApplications(workspace.scored);
    expect(set.skipped).toEqual([]);
    const lines = set.applications.filter((a) => a.application.SK_ID_CURR === id);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      modelVersion: '1',
      probability: (sent.body as unknown as Score).probability,
    });
    expect(lines[1]!.application.AMT_CREDIT).toBe(modified.AMT_CREDIT);
    const raw = readFileSync(path.join(workspace.scored, readdirSync(workspace.scored)[0]!), 'utf8').split(
      '\n',
    )[0]!;
    expect(Object.keys(JSON.parse(raw) as object)).toEqual([
      'scoredAt',
      'modelVersion',
      'probability',
      'application',
    ]);
  });

  it('lets a client simulate their own application only', async () => {
    const application = await storedApplication(clients[0]!);
    const own = await call(app, 'POST', '/api/score', {
      token: tokens.client,
      body: { ...application, AMT_ANNUITY: 20000 },
    });
    expect(own.status).toBe(200);
  });

  it("records the advisor's decision on a review-band file only, and shows it with the score", async () => {
    const ids = await clientIds(workspace, 400);
    let reviewId: number | undefined;
    let otherId: number | undefined;
    for (const id of ids) {
      const score = (await call(app, 'GET', `/api/clients/${id}/score`, { token: tokens.advisor }))
        .body as unknown as Score;
      if (score.decision === 'review') reviewId ??= id;
      else otherId ??= id;
      if (reviewId !== undefined && otherId !== undefined) break;
    }
    expect(reviewId).toBeDefined();
    const refused = await call(app, 'POST', `/api/clients/${otherId}/review`, {
      token: tokens.advisor,
      body: { decision: 'accept', reason: 'stable income' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('CS_ERR_NOT_IN_REVIEW');
    const recorded = await call(app, 'POST', `/api/clients/${reviewId}/review`, {
      token: tokens.advisor,
      body: { decision: 'refuse', reason: 'Revenus insuffisants pour la mensualité' },
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ decision: 'refuse', by: 'advisor', modelVersion: 1 });
    const score = await call(app, 'GET', `/api/clients/${reviewId}/score`, { token: tokens.advisor });
    expect(score.body.finalDecision).toMatchObject({
      decision: 'refuse',
      reason: 'Revenus insuffisants pour la mensualité',
    });
  });

  it('appends who looked at or scored which client with which model version to the audit log', async () => {
    await call(app, 'GET', `/api/clients/${clients[0]}`, { token: tokens.client });
    const files = readdirSync(workspace.audit).filter((f) => f.endsWith('.jsonl'));
    expect(files.length).toBeGreaterThan(0);
    const entries = files.flatMap((f) =>
      readFileSync(path.join(workspace.audit, f), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({
        user: 'client',
        role: 'client',
        action: 'view-client',
        clientId: clients[0],
        modelVersion: 1,
      }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({
        user: 'advisor',
        action: 'score-application',
        clientId: clients[1],
        modelVersion: 1,
      }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'review-decision',
        decision: 'refuse',
        reason: 'Revenus insuffisants pour la mensualité',
      }),
    );
    const byClient = await call(app, 'GET', `/api/audit?clientId=${clients[1]}&action=score-client`, {
      token: tokens.admin,
    });
    expect((byClient.body.entries as unknown[]).length).toBeGreaterThan(0);
  });
});

describe('clients', () => {
  it('searches by id prefix with filters and paging', async () => {
    const all = await call(app, 'GET', '/api/clients?limit=5', { token: tokens.advisor });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2000);
    const page = await call(app, 'GET', '/api/clients?prefix=1001&limit=7&offset=7', {
      token: tokens.advisor,
    });
    const items = page.body.items as { clientId: number }[];
    expect(items).toHaveLength(7);
    expect(items.every((c) => String(c.clientId).startsWith('1001'))).toBe(true);
    expect(page.body.total).toBe(100);
    const women = await call(
      app,
      'GET',
      '/api/clients?gender=F&ageBand=25-34&contractType=Cash%20loans&limit=100',
      {
        token: tokens.advisor,
      },
    );
    const found = women.body.items as { gender: string; age: number; contractType: string }[];
    expect(found.length).toBeGreaterThan(0);
    expect(
      found.every((c) => c.gender === 'F' && c.age >= 25 && c.age < 35 && c.contractType === 'Cash loans'),
    ).toBe(true);
    const test = await call(app, 'GET', '/api/clients?set=test&limit=1', { token: tokens.advisor });
    expect((test.body.items as { set: string }[])[0]?.set).toBe('test');
  });

  it("describes a client's fields with readable labels and values in French or English", async () => {
    const fr = await call(app, 'GET', `/api/clients/${clients[0]}?lang=fr&origin=application`, {
      token: tokens.advisor,
    });
    expect(fr.status).toBe(200);
    const fields = fr.body.fields as { name: string; label: string; formatted: string; origin: string }[];
    expect(fields.every((f) => f.origin === 'application')).toBe(true);
    const birth = fields.find((f) => f.name === 'DAYS_BIRTH')!;
    expect(birth.formatted).toMatch(/\d+ ans$/);
    const en = await call(app, 'GET', `/api/clients/${clients[0]}`, { token: tokens.advisor });
    const enFields = en.body.fields as { name: string; formatted: string }[];
    expect(enFields.find((f) => f.name === 'DAYS_BIRTH')!.formatted).toMatch(/\d+ years$/);
    expect(enFields.length).toBeGreaterThan(fields.length);
    expect(en.body).toMatchObject({ clientId: clients[0], set: 'train' });
  });
});

describe('model, drift, documentation and metrics', () => {
  it("shows the champion's card", async () => {
    const card = await call(app, 'GET', '/api/model', { token: tokens.client });
    expect(card.status).toBe(200);
    expect(card.body).toMatchObject({ version: 1, kind: 'lightgbm', decision: { reviewBand: 0.05 } });
    expect((card.body.metrics as { rocAuc: number }).rocAuc).toBeGreaterThan(0.5);
  });

  it('serves the latest drift report, 404 while there is none', async () => {
    const none = await call(app, 'GET', '/api/drift/latest', { token: tokens.advisor });
    expect(none.status).toBe(404);
    expect(none.body.error?.code).toBe('CS_ERR_NO_DRIFT_REPORT');
    const report = { datasetDrift: false, columns: [] };
    mkdirSync(workspace.drift, { recursive: true });
    writeFileSync(path.join(workspace.drift, 'latest.json'), JSON.stringify(report));
    const latest = await call(app, 'GET', '/api/drift/latest', { token: tokens.advisor });
    expect(latest.body).toEqual(report);
  });

  it('describes every API route in the OpenAPI document, and serves the docs page', async () => {
    const doc = await call(app, 'GET', '/api/openapi.json');
    expect(doc.body.openapi).toBe('3.0.3');
    const paths = Object.keys(doc.body.paths as object);
    for (const route of [
      '/api/health',
      '/api/login',
      '/api/clients',
      '/api/clients/{id}',
      '/api/clients/{id}/score',
      '/api/score',
      '/api/clients/{id}/review',
      '/api/drift/latest',
      '/api/audit',
      '/api/accounts',
      '/api/model',
      '/api/metrics',
    ]) {
      expect(paths, route).toContain(route);
    }
    const score = (doc.body.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)[
      '/api/clients/{id}/score'
    ]!;
    expect(Object.keys(score.get!.responses)).toEqual(expect.arrayContaining(['200', '403', '404']));
    expect(JSON.stringify(score.get!.responses['404'])).toContain('#/components/schemas/Error');
    const docs = await call(app, 'GET', '/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('Swagger UI');
  });

  it('exposes Prometheus metrics with route patterns, never client ids', async () => {
    const metrics = await call(app, 'GET', '/api/metrics');
    expect(metrics.status).toBe(200);
    expect(String(metrics.headers['content-type'])).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(metrics.text).toMatch(/^# TYPE clairscore_http_requests_total counter$/m);
    expect(metrics.text).toMatch(
      /^clairscore_http_requests_total\{method="GET",route="\/api\/clients\/:id\/score",status="200"\} \d+$/m,
    );
    expect(metrics.text).toMatch(
      /^clairscore_http_request_duration_seconds_bucket\{method="GET",route="\/api\/clients\/:id\/score",le="\+Inf"\} \d+$/m,
    );
    expect(metrics.text).toMatch(
      /^clairscore_scores_total\{decision="(accepted|refused|review)",source="stored"\} \d+$/m,
    );
    expect(metrics.text).toMatch(/^clairscore_model_version 1$/m);
    expect(metrics.text).not.toContain(String(clients[0]));
    for (const line of metrics.text.trim().split('\n'))
      expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{[^}]*\})? [\d.e+-]+)$/);
  });

  it('serves the built dashboard, its index.html for unknown pages, and JSON 404s under /api', async () => {
    const webDist = path.join(workspace.root, 'web-dist');
    mkdirSync(path.join(webDist, 'assets'), { recursive: true });
    writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Clairscore</title>');
    writeFileSync(path.join(webDist, 'assets', 'app.js'), 'console.log(1);');
    const withWeb = await buildApp({ workspace, logger: false, pollMs: 0, webDist });
    try {
      expect((await call(withWeb, 'GET', '/')).text).toContain('<title>Clairscore</title>');
      expect((await call(withWeb, 'GET', '/assets/app.js')).text).toBe('console.log(1);');
      const page = await call(withWeb, 'GET', '/clients/100002/letter');
      expect(page.status).toBe(200);
      expect(page.text).toContain('<title>Clairscore</title>');
      const api = await call(withWeb, 'GET', '/api/nothing');
      expect(api.status).toBe(404);
      expect(api.body.error?.code).toBe('CS_ERR_NOT_FOUND');
    } finally {
      await withWeb.close();
    }
  });

  it('sets security headers and keeps CORS closed', async () => {
    const response = await call(app, 'GET', '/api/health', { headers: { origin: 'https://evil.example' } });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBeDefined();
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(existsSync(path.join(workspace.root, 'session.key'))).toBe(true);
  });
});

describe('precomputed answers', () => {
  /** The service's count of precomputed stored answers, once it stops rising. */
  async function precomputedCount(target: App): Promise<number> {
    let last = -1;
    for (;;) {
      const metrics = await call(target, 'GET', '/api/metrics');
      const count = Number(/^clairscore_precomputed_scores (\d+)/m.exec(metrics.text)?.[1] ?? 0);
      if (count > 0 && count === last) return count;
      last = count;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  it('answers stored clients exactly as when scored on request: gzipped for callers taking gzip, with the final decision', async () => {
    expect(await precomputedCount(app)).toBeGreaterThanOrEqual(2000);
    const onRequest = await buildApp({ workspace, logger: false, pollMs: 0, precomputeBytes: 0 });
    try {
      const ids = await clientIds(workspace, 400);
      let reviewId: number | undefined;
      for (const id of ids.slice(0, 60)) {
        const url = `/api/clients/${id}/score`;
        const headers = { authorization: `Bearer ${tokens.advisor}` };
        const expected = await onRequest.inject({ method: 'GET', url, headers });
        expect(expected.headers['content-encoding']).toBeUndefined();
        const plain = await app.inject({ method: 'GET', url, headers });
        const zipped = await app.inject({
          method: 'GET',
          url,
          headers: { ...headers, 'accept-encoding': 'gzip' },
        });
        expect(plain.statusCode).toBe(200);
        const body = JSON.parse(plain.body) as Score & { finalDecision: unknown };
        expect(body).toEqual(JSON.parse(expected.body));
        if (body.finalDecision === null) {
          expect(zipped.headers['content-encoding']).toBe('gzip');
          expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(body);
        }
        if (body.decision === 'review' && body.finalDecision === null) reviewId ??= id;
      }
      expect(reviewId).toBeDefined();
      const recorded = await call(app, 'POST', `/api/clients/${reviewId}/review`, {
        token: tokens.advisor,
        body: { decision: 'accept', reason: 'garant solide' },
      });
      expect(recorded.status).toBe(201);
      const after = await app.inject({
        method: 'GET',
        url: `/api/clients/${reviewId}/score`,
        headers: { authorization: `Bearer ${tokens.advisor}`, 'accept-encoding': 'gzip' },
      });
      expect(after.headers['content-encoding']).toBeUndefined();
      expect((JSON.parse(after.body) as { finalDecision: unknown }).finalDecision).toMatchObject({
        decision: 'accept',
        reason: 'garant solide',
      });
    } finally {
      await onRequest.close();
    }
  });
});
