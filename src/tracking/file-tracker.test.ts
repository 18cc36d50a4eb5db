import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { ClairscoreError } from '../core/errors.js';
import { FileTracker } from './file-tracker.js';
import { logLightgbmModel } from './mlmodel.js';
import { gitCommit } from './run-context.js';
import { TEST_CONTEXT, tickingClock, useTempDirs } from './test-helpers.js';
import { parseYaml } from './yaml.js';
import type { YamlMap } from './yaml.js';

const tempDir = useTempDirs();

function tracker(root: string): FileTracker {
  return new FileTracker(root, { context: TEST_CONTEXT, now: tickingClock(), watchSignals: false });
}

const read = (...parts: string[]): string => readFileSync(path.join(...parts), 'utf8');

describe('FileTracker writes the MLflow FileStore layout', () => {
  it('creates experiment 0 "Default" and the named experiment with an 18-digit id', async () => {
    const root = path.join(tempDir('layout'), 'mlruns');
    const run = await tracker(root).startRun({ experimentName: 'credit-scoring', runName: 'lightgbm' });
    expect(read(root, '0', 'meta.yaml')).toBe(
      `artifact_location: file://${root}/0\ncreation_time: 1717000000000\nexperiment_id: '0'\n` +
        `last_update_time: 1717000000000\nlifecycle_stage: active\nname: Default\n`,
    );
    expect(run.experimentId).toMatch(/^[1-9]\d{17}$/);
    expect(read(root, run.experimentId, 'meta.yaml')).toBe(
      `artifact_location: file://${root}/${run.experimentId}\ncreation_time: 1717000000001\n` +
        `experiment_id: '${run.experimentId}'\nlast_update_time: 1717000000001\nlifecycle_stage: active\n` +
        `name: credit-scoring\n`,
    );
    const again = await tracker(root).startRun({ experimentName: 'credit-scoring', runName: 'logreg' });
    expect(again.experimentId).toBe(run.experimentId);
    const other = await tracker(root).startRun({ experimentName: 'tuning', runName: 'study' });
    expect(other.experimentId).not.toBe(run.experimentId);
    expect(readdirSync(root).sort()).toEqual(['0', run.experimentId, other.experimentId].sort());
  });

  it('writes run meta.yaml, system tags, params, metric lines and artifacts as FileStore does', async () => {
    const root = tempDir('run');
    const run = await tracker(root).startRun({
      experimentName: 'credit-scoring',
      runName: 'fold 1: lightgbm',
      tags: { 'clairscore.feature_version': 'v3' },
    });
    const runDir = path.join(root, run.experimentId, run.runId);
    expect(run.runId).toMatch(/^[0-9a-f]{32}$/);
    await run.logParams({ learning_rate: 0.05, num_leaves: 31, is_unbalance: true, objective: 'binary' });
    await run.logMetrics([
      { key: 'valid/auc', value: 0.71, step: 0, timestamp: 1_717_000_001_000 },
      { key: 'valid/auc', value: 0.74, step: 1, timestamp: 1_717_000_001_001 },
      { key: 'brier', value: Number.NaN, timestamp: 1_717_000_001_002 },
    ]);
    await run.logArtifact('metrics.json', '{"auc":0.74}');
    await run.logArtifact('plots/cost.svg', new TextEncoder().encode('<svg/>'));
    await run.end('FINISHED'); // clock: 0, 1 experiments, 2 start, 3 logMetrics' "now", 4 end

    const uri = `file://${runDir}/artifacts`;
    expect(read(runDir, 'meta.yaml')).toBe(
      `artifact_uri: ${uri}\ndeleted_time: null\nend_time: 1717000000004\nentry_point_name: ''\n` +
        `experiment_id: '${run.experimentId}'\nlifecycle_stage: active\nrun_id: ${run.runId}\n` +
        `run_name: 'fold 1: lightgbm'\nrun_uuid: ${run.runId}\nsource_name: ''\nsource_type: 4\n` +
        `source_version: ''\nstart_time: 1717000000002\nstatus: 3\ntags: []\nuser_id: alice\n`,
    );
    expect(read(runDir, 'metrics', 'valid', 'auc')).toBe('1717000001000 0.71 0\n1717000001001 0.74 1\n');
    expect(read(runDir, 'metrics', 'brier')).toBe('1717000001002 NaN 0\n');
    expect(read(runDir, 'params', 'learning_rate')).toBe('0.05');
    expect(read(runDir, 'params', 'is_unbalance')).toBe('true');
    expect(read(runDir, 'tags', 'mlflow.runName')).toBe('fold 1: lightgbm');
    expect(read(runDir, 'tags', 'mlflow.user')).toBe('alice');
    expect(read(runDir, 'tags', 'mlflow.source.name')).toBe('/opt/clairscore/train.js');
    expect(read(runDir, 'tags', 'mlflow.source.type')).toBe('LOCAL');
    expect(read(runDir, 'tags', 'mlflow.source.git.commit')).toBe(TEST_CONTEXT.gitCommit);
    expect(read(runDir, 'tags', 'clairscore.feature_version')).toBe('v3');
    expect(existsSync(path.join(runDir, 'tags', 'mlflow.parentRunId'))).toBe(false);
    expect(read(runDir, 'artifacts', 'plots', 'cost.svg')).toBe('<svg/>');
    // no temporary file left anywhere in the run
    const all = readdirSync(runDir, { recursive: true }).map(String);
    expect(all.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('links child runs to their parent and keeps run_name in sync with the mlflow.runName tag', async () => {
    const root = tempDir('child');
    const t = tracker(root);
    const parent = await t.startRun({ experimentName: 'tuning', runName: 'study' });
    const child = await t.startRun({
      experimentName: 'tuning',
      runName: 'trial 0',
      parentRunId: parent.runId,
    });
    const childDir = path.join(root, child.experimentId, child.runId);
    expect(read(childDir, 'tags', 'mlflow.parentRunId')).toBe(parent.runId);
    await child.setTags({ 'mlflow.runName': 'trial 0 (pruned)' });
    expect((parseYaml(read(childDir, 'meta.yaml')) as YamlMap).run_name).toBe('trial 0 (pruned)');
    await child.end('KILLED');
    expect((parseYaml(read(childDir, 'meta.yaml')) as YamlMap).status).toBe(5);
  });

  it('keeps params immutable and refuses keys that would leave their folder', async () => {
    const run = await tracker(tempDir('params')).startRun({ experimentName: 'e', runName: 'r' });
    await run.logParams({ seed: 7 });
    await run.logParams({ seed: '7' }); // same text: allowed, as in MLflow
    await expect(run.logParams({ seed: 8 })).rejects.toMatchObject({ code: 'CS_ERR_TRACKING_CONFLICT' });
    await expect(run.logMetrics([{ key: '../escape', value: 1 }])).rejects.toMatchObject({
      code: 'CS_ERR_TRACKING_INPUT',
    });
    await expect(run.setTags({ '/abs': 'x' })).rejects.toBeInstanceOf(ClairscoreError);
    await expect(run.logParams({ long: 'x'.repeat(6001) })).rejects.toMatchObject({
      code: 'CS_ERR_TRACKING_INPUT',
    });
    await expect(run.logMetrics([{ key: 'auc', value: 0.7, step: 1.5 }])).rejects.toMatchObject({
      code: 'CS_ERR_TRACKING_INPUT',
    });
    await expect(run.logArtifact('../meta.yaml', 'x')).rejects.toMatchObject({
      code: 'CS_ERR_ARTIFACT_PATH',
    });
  });

  it('logs a LightGBM model with an MLmodel file and the log-model history tag', async () => {
    const root = tempDir('model');
    const run = await tracker(root).startRun({ experimentName: 'e', runName: 'r' });
    const options = { modelText: 'tree\nversion=v4\n', now: () => new Date('2024-06-01T12:00:00.123Z') };
    await logLightgbmModel(run, options);
    await logLightgbmModel(run, { ...options, artifactPath: 'calibrated' });
    const runDir = path.join(root, run.experimentId, run.runId);
    const mlmodel = parseYaml(read(runDir, 'artifacts', 'model', 'MLmodel')) as YamlMap;
    expect(mlmodel).toMatchObject({
      artifact_path: 'model',
      run_id: run.runId,
      utc_time_created: '2024-06-01 12:00:00.123000',
      flavors: {
        lightgbm: { data: 'model.txt', model_class: 'lightgbm.basic.Booster', lgb_version: '4.1.0' },
        python_function: { loader_module: 'mlflow.lightgbm', data: 'model.txt' },
      },
    });
    expect(read(runDir, 'artifacts', 'model', 'model.txt')).toBe(options.modelText);
    expect(read(runDir, 'artifacts', 'model', 'requirements.txt')).toContain('lightgbm==4.1.0');
    const history = JSON.parse(read(runDir, 'tags', 'mlflow.log-model.history')) as YamlMap[];
    expect(history.map((m) => m.artifact_path)).toEqual(['model', 'calibrated']);
  });

  it('reads the git commit of a work tree, and nothing (without failing) elsewhere', async () => {
    expect(await gitCommit(path.resolve(import.meta.dirname, '..', '..'))).toMatch(/^[0-9a-f]{40}$/);
    expect(await gitCommit(tempDir('nogit'))).toBeUndefined();
  });
});

// The check that matters most: MLflow's own reading rules, in Python, over what we wrote.
const pyyaml = spawnSync('python3', ['-c', 'import yaml']).status === 0;
const FILESTORE_RULES = `
import os, sys, yaml
root = sys.argv[1]
exp = yaml.safe_load(open(os.path.join(root, sys.argv[2], "meta.yaml")))
assert isinstance(exp["experiment_id"], str) and exp["experiment_id"] == sys.argv[2], exp
assert isinstance(exp["creation_time"], int) and exp["lifecycle_stage"] == "active"
run_dir = os.path.join(root, sys.argv[2], sys.argv[3])
info = yaml.safe_load(open(os.path.join(run_dir, "meta.yaml")))
assert info["experiment_id"] == sys.argv[2] and info["run_id"] == info["run_uuid"] == sys.argv[3], info
assert info["status"] == 3 and isinstance(info["start_time"], int) and isinstance(info["end_time"], int)
assert info["tags"] == [] and info["source_type"] == 4 and info["artifact_uri"].startswith("file://")
for line in open(os.path.join(run_dir, "metrics", "auc")):
    ts, value, step = line.strip().split(" ")
    int(ts); float(value); int(step)
print(open(os.path.join(run_dir, "tags", "mlflow.runName")).read())
`;

describe.runIf(pyyaml)('MLflow FileStore reading rules (PyYAML)', () => {
  it('reads the experiment, the run and its metrics with the types MLflow expects', async () => {
    const root = tempDir('python');
    const run = await tracker(root).startRun({ experimentName: "it's 2024-06-01", runName: 'true' });
    await run.logMetrics([
      { key: 'auc', value: Infinity },
      { key: 'auc', value: 1e-7, step: 3 },
    ]);
    await run.end('FINISHED');
    const result = spawnSync('python3', ['-c', FILESTORE_RULES, root, run.experimentId, run.runId], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('true');
  });
});
