import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { FileTracker } from './file-tracker.js';
import { MlrunsReader } from './store-reader.js';
import { TEST_CONTEXT, tickingClock, useTempDirs } from './test-helpers.js';

const tempDir = useTempDirs();

/** An mlruns folder with a parent run, a child run, metrics, params and artifacts. */
async function fixture(): Promise<{ root: string; experimentId: string; parentId: string; childId: string }> {
  const root = tempDir('reader');
  const tracker = new FileTracker(root, { context: TEST_CONTEXT, now: tickingClock(), watchSignals: false });
  const parent = await tracker.startRun({ experimentName: 'credit-scoring', runName: 'cv' });
  await parent.logParams({ num_leaves: 31 });
  await parent.logMetrics([
    { key: 'auc', value: 0.7, step: 0, timestamp: 10 },
    { key: 'auc', value: 0.65, step: 2, timestamp: 11 }, // highest step wins, not the last line
    { key: 'auc', value: 0.9, step: 1, timestamp: 12 },
    { key: 'fold/auc', value: 0.71, step: 0, timestamp: 13 },
  ]);
  await parent.logArtifact('model/model.txt', 'tree');
  await parent.logArtifact('metrics.json', '{}');
  await parent.end('FINISHED');
  const child = await tracker.startRun({
    experimentName: 'credit-scoring',
    runName: 'fold 0',
    parentRunId: parent.runId,
  });
  return { root, experimentId: parent.experimentId, parentId: parent.runId, childId: child.runId };
}

describe('MlrunsReader', () => {
  it('lists experiments and runs with params, latest metrics, tags, status and parent', async () => {
    const { root, experimentId, parentId, childId } = await fixture();
    const reader = new MlrunsReader(root);
    const experiments = await reader.listExperiments();
    expect(experiments.map((e) => [e.experimentId, e.name])).toEqual([
      [experimentId, 'credit-scoring'],
      ['0', 'Default'],
    ]);
    const runs = await reader.listRuns(experimentId);
    expect(runs.map((r) => r.runId)).toEqual([childId, parentId]); // newest first
    const parent = runs[1];
    expect(parent).toMatchObject({
      runName: 'cv',
      status: 'FINISHED',
      userId: 'alice',
      parentRunId: null,
      params: { num_leaves: '31' },
      metrics: { auc: 0.65, 'fold/auc': 0.71 },
    });
    expect(parent?.endTime).toBeGreaterThan(parent?.startTime ?? Infinity);
    expect(parent?.tags['mlflow.source.git.commit']).toBe(TEST_CONTEXT.gitCommit);
    expect(runs[0]).toMatchObject({ status: 'RUNNING', endTime: null, parentRunId: parentId });
    expect((await reader.getRun(childId)).runName).toBe('fold 0');
    expect((await reader.metricHistory(parentId, 'auc')).map((m) => [m.step, m.value])).toEqual([
      [0, 0.7],
      [2, 0.65],
      [1, 0.9],
    ]);
    expect(await reader.metricHistory(parentId, 'absent')).toEqual([]);
    await expect(reader.getRun('0123456789abcdef0123456789abcdef')).rejects.toMatchObject({
      code: 'CS_ERR_RUN_NOT_FOUND',
    });
    await expect(reader.listRuns('999')).rejects.toMatchObject({ code: 'CS_ERR_EXPERIMENT_NOT_FOUND' });
  });

  it('lists and reads artifacts, refusing every way out of the run folder', async () => {
    const { root, experimentId, parentId } = await fixture();
    const reader = new MlrunsReader(root);
    expect(await reader.listArtifacts(parentId)).toEqual([
      { path: 'metrics.json', isDir: false, fileSize: 2 },
      { path: 'model', isDir: true },
    ]);
    expect(await reader.listArtifacts(parentId, 'model')).toEqual([
      { path: 'model/model.txt', isDir: false, fileSize: 4 },
    ]);
    expect(await reader.listArtifacts(parentId, 'absent')).toEqual([]);
    expect((await reader.readArtifact(parentId, 'model/model.txt')).toString()).toBe('tree');
    for (const bad of ['../meta.yaml', 'model/../../meta.yaml', '/etc/passwd', '..\\meta.yaml']) {
      await expect(reader.readArtifact(parentId, bad)).rejects.toMatchObject({
        code: 'CS_ERR_ARTIFACT_PATH',
      });
    }
    await expect(reader.listArtifacts(parentId, '..')).rejects.toMatchObject({
      code: 'CS_ERR_ARTIFACT_PATH',
    });
    await expect(reader.readArtifact(parentId, 'model')).rejects.toMatchObject({
      code: 'CS_ERR_ARTIFACT_NOT_FOUND',
    });
    await expect(reader.readArtifact(parentId, 'nope.txt')).rejects.toMatchObject({
      code: 'CS_ERR_ARTIFACT_NOT_FOUND',
    });
    await expect(reader.readArtifact('../0', 'x')).rejects.toMatchObject({ code: 'CS_ERR_RUN_NOT_FOUND' });
    const artifacts = path.join(root, experimentId, parentId, 'artifacts');
    symlinkSync(path.join(root, experimentId, parentId, 'meta.yaml'), path.join(artifacts, 'link.yaml'));
    await expect(reader.readArtifact(parentId, 'link.yaml')).rejects.toMatchObject({
      code: 'CS_ERR_ARTIFACT_PATH',
    });
  });

  it('tolerates half-written runs and experiments as MLflow does', async () => {
    const { root, experimentId, parentId, childId } = await fixture();
    const folder = path.join(root, experimentId);
    mkdirSync(path.join(folder, 'f'.repeat(32), 'metrics'), { recursive: true }); // killed before meta.yaml
    mkdirSync(path.join(folder, 'e'.repeat(32)));
    writeFileSync(path.join(folder, 'e'.repeat(32), 'meta.yaml'), 'run_id: eee\nstatus: [unclosed\n');
    mkdirSync(path.join(folder, 'd'.repeat(32)));
    writeFileSync(path.join(folder, 'd'.repeat(32), 'meta.yaml'), `experiment_id: '0'\nrun_id: ddd\n`); // wrong folder
    mkdirSync(path.join(folder, 'c'.repeat(32)));
    writeFileSync(
      path.join(folder, 'c'.repeat(32), 'meta.yaml'),
      `experiment_id: ${experimentId}\nrun_name: bare\n`,
    );
    mkdirSync(path.join(root, '12345')); // experiment folder without meta.yaml
    // a writer killed in the middle of a line
    writeFileSync(path.join(folder, childId, 'metrics', 'loss'), '1 0.5 0\n2 0.4 1\n3 0.');
    const reader = new MlrunsReader(root);
    expect((await reader.listExperiments()).map((e) => e.experimentId)).not.toContain('12345');
    const runs = await reader.listRuns(experimentId);
    expect(runs.map((r) => r.runId).sort()).toEqual([childId, parentId, 'c'.repeat(32)].sort());
    const bare = runs.find((r) => r.runId === 'c'.repeat(32));
    expect(bare).toMatchObject({ status: 'RUNNING', runName: 'bare', params: {}, metrics: {} });
    expect(runs.find((r) => r.runId === childId)?.metrics).toEqual({ loss: 0.4 });
    expect(await reader.metricHistory(childId, 'loss')).toHaveLength(2);
  });
});
