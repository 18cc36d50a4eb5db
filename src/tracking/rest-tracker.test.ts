import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ClairscoreError } from '../core/errors.js';
import { BATCH_LIMITS, chunkBatch } from './log-batch.js';
import { logLightgbmModel } from './mlmodel.js';
import { RestTracker } from './rest-tracker.js';
import { TEST_CONTEXT } from './test-helpers.js';
import { MlflowTestServer } from './testing/mlflow-test-server.js';

let server: MlflowTestServer;
beforeEach(async () => {
  server = await new MlflowTestServer().start();
});
afterEach(async () => {
  await server.stop();
});

const tracker = (url = server.url): RestTracker =>
  new RestTracker(`${url}/`, { context: TEST_CONTEXT, retries: 0, env: {} });

describe('RestTracker against a server checking mlflow.md request shapes', () => {
  it('creates the experiment once, then the run, logs in batches within the limits, uploads artifacts, ends', async () => {
    const t = tracker();
    expect(t.location).toBe(server.url);
    const run = await t.startRun({
      experimentName: 'credit-scoring',
      runName: 'lightgbm',
      tags: { team: 'risk' },
    });
    const child = await t.startRun({
      experimentName: 'credit-scoring',
      runName: 'fold 0',
      parentRunId: run.runId,
    });
    const params = Object.fromEntries(
      Array.from({ length: 150 }, (_, i) => [`p${i}`, i % 2 === 0 ? i : `v${i}`]),
    );
    await run.logParams(params);
    const points = Array.from({ length: 2500 }, (_, step) => ({
      key: 'valid/auc',
      value: step / 2500,
      step,
      timestamp: 1000 + step,
    }));
    await run.logMetrics([...points, { key: 'brier', value: Number.NaN, timestamp: 5 }]);
    await run.setTags({ 'clairscore.feature_version': 'v3' });
    await run.logArtifact('model/model.txt', 'tree\n');
    await logLightgbmModel(run, { modelText: 'tree\n' });
    await run.end('FINISHED');
    await child.end('KILLED');

    expect(server.violations).toEqual([]);
    expect(server.calls.filter((c) => c.startsWith('GET experiments/get-by-name'))).toHaveLength(1);
    expect(server.calls.filter((c) => c === 'POST experiments/create')).toHaveLength(1);
    // 150 params: 2 requests; 2501 metrics: 3 requests; 1 tag request
    expect(server.calls.filter((c) => c === 'POST runs/log-batch')).toHaveLength(6);
    const stored = server.runs.get(run.runId);
    expect(stored?.params.p0).toBe('0');
    expect(Object.keys(stored?.params ?? {})).toHaveLength(150);
    expect(stored?.metrics.filter((m) => m.key === 'valid/auc').map((m) => m.step)).toEqual(
      points.map((p) => p.step),
    );
    expect(stored?.metrics.find((m) => m.key === 'brier')).toEqual({
      key: 'brier',
      value: 'NaN',
      timestamp: 5,
      step: 0,
    });
    expect(stored?.tags).toMatchObject({
      'mlflow.runName': 'lightgbm',
      'mlflow.user': 'alice',
      'mlflow.source.type': 'LOCAL',
      'mlflow.source.git.commit': TEST_CONTEXT.gitCommit,
      team: 'risk',
      'clairscore.feature_version': 'v3',
    });
    expect(server.runs.get(child.runId)?.tags['mlflow.parentRunId']).toBe(run.runId);
    expect(stored?.status).toBe('FINISHED');
    expect(server.runs.get(child.runId)?.status).toBe('KILLED');
    const prefix = `${run.experimentId}/${run.runId}/artifacts/model`;
    expect(server.artifacts.get(`${prefix}/model.txt`)?.toString()).toBe('tree\n');
    expect(server.artifacts.get(`${prefix}/MLmodel`)?.toString()).toContain('loader_module: mlflow.lightgbm');
    expect(stored?.models.map((m) => m.artifact_path)).toEqual(['model']);
  });

  it('reuses an experiment the server already has', async () => {
    server.experiments.set('existing', '7');
    const run = await tracker().startRun({ experimentName: 'existing', runName: 'r' });
    expect(run.experimentId).toBe('7');
    expect(server.calls).not.toContain('POST experiments/create');
  });

  it('the checking server does refuse a wrong shape', async () => {
    const response = await fetch(`${server.url}/api/2.0/mlflow/runs/update`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ run_id: 'x', status: 3, end_time: '12' }),
    });
    expect(response.status).toBe(400);
    expect(server.violations).toEqual([
      'runs/update: status must be a RunStatus name',
      'runs/update: end_time must be int64 ms',
    ]);
  });

  it('turns HTTP errors into a clear CS_ERR_TRACKING_SERVER', async () => {
    server.failures.set('runs/create', {
      status: 500,
      body: { error_code: 'INTERNAL_ERROR', message: 'database is locked' },
      times: 1,
    });
    const error = await tracker()
      .startRun({ experimentName: 'e', runName: 'r' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClairscoreError);
    expect(error).toMatchObject({ code: 'CS_ERR_TRACKING_SERVER', status: 502 });
    expect((error as ClairscoreError).message).toContain('HTTP 500 INTERNAL_ERROR (database is locked)');
    expect((error as ClairscoreError).details).toMatchObject({
      httpStatus: 500,
      errorCode: 'INTERNAL_ERROR',
    });

    const run = await tracker().startRun({ experimentName: 'e', runName: 'r' });
    server.failures.set('runs/log-batch', {
      status: 400,
      body: { error_code: 'INVALID_PARAMETER_VALUE', message: 'no' },
      times: 1,
    });
    await expect(run.logMetrics([{ key: 'auc', value: 1 }])).rejects.toThrow(/INVALID_PARAMETER_VALUE/);
  });

  it('retries a busy server, and says when it cannot be reached', async () => {
    server.failures.set('runs/create', { status: 503, body: {}, times: 1 });
    const patient = new RestTracker(server.url, { context: TEST_CONTEXT, retries: 1, env: {} });
    await expect(patient.startRun({ experimentName: 'e', runName: 'r' })).resolves.toHaveProperty('runId');
    const url = server.url;
    await server.stop();
    await expect(tracker(url).startRun({ experimentName: 'other', runName: 'r' })).rejects.toThrow(
      /Cannot reach the MLflow server/,
    );
    server = await new MlflowTestServer().start(); // for afterEach
  });

  it('sends the token MLflow clients send', async () => {
    let seen: string | null = null;
    const spy: typeof fetch = (input, init) => {
      seen = new Headers(init?.headers).get('authorization');
      return fetch(input, init);
    };
    const t = new RestTracker(server.url, {
      context: TEST_CONTEXT,
      env: { MLFLOW_TRACKING_TOKEN: 's3cret' },
      fetch: spy,
    });
    await t.startRun({ experimentName: 'e', runName: 'r' });
    expect(seen).toBe('Bearer s3cret');
  });
});

describe('chunkBatch', () => {
  it('splits on the byte limit as well as the counts, keeping order', () => {
    const params = Array.from({ length: 100 }, (_, i) => ({ key: `p${i}`, value: 'x'.repeat(6000) }));
    const tags = Array.from({ length: 100 }, (_, i) => ({ key: `t${i}`, value: 'y'.repeat(5000) }));
    const batches = chunkBatch({ params, tags });
    expect(batches.length).toBe(2);
    for (const batch of batches)
      expect(Buffer.byteLength(JSON.stringify(batch))).toBeLessThan(BATCH_LIMITS.bytes);
    expect(batches.flatMap((b) => b.params)).toEqual(params);
    expect(batches.flatMap((b) => b.tags)).toEqual(tags);
    const metrics = Array.from({ length: 900 }, (_, i) => ({ key: 'm', value: i, timestamp: 0, step: i }));
    const mixed = chunkBatch({
      params: params.slice(0, 1).map((p) => ({ ...p, value: '1' })),
      metrics: [...metrics, ...metrics],
    });
    expect(mixed.map((b) => b.metrics.length + b.params.length)).toEqual([1000, 801]);
  });
});
