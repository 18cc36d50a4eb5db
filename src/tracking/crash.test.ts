import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { MlrunsReader } from './store-reader.js';
import { useTempDirs } from './test-helpers.js';
import { parseYaml } from './yaml.js';

const CHILD = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  'dist',
  'src',
  'tracking',
  'testing',
  'crash-child.js',
);
const tempDir = useTempDirs();

interface Child {
  readonly runId: string;
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the child and resolves once it has logged 50 steps (it keeps logging afterwards). */
async function startChild(root: string, mode: 'loop' | 'throw'): Promise<Child> {
  const child = spawn(process.execPath, [CHILD, root, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const runId = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    void exited.then(() => reject(new Error(`child exited before logging: ${stderr}`)));
  });
  return {
    runId,
    exited,
    kill: (signal) => {
      child.kill(signal);
      return exited;
    },
  };
}

/** Reads the killed run back, checking every metric line is whole and in order. */
async function readBack(root: string, runId: string) {
  const reader = new MlrunsReader(root);
  const run = await reader.getRun(runId);
  const history = await reader.metricHistory(runId, 'train/loss');
  expect(history.length).toBeGreaterThan(50);
  expect(history.map((m) => m.step)).toEqual(history.map((_m, i) => i));
  expect(history.every((m, i) => m.value === 1 / (i + 1))).toBe(true);
  const auc = await reader.metricHistory(runId, 'valid/auc');
  expect(Math.abs(auc.length - history.length)).toBeLessThanOrEqual(1);
  expect(Number(run.tags.progress)).toBeGreaterThanOrEqual(50);
  const progress = JSON.parse((await reader.readArtifact(runId, 'progress.json')).toString()) as {
    step: number;
  };
  expect(progress.step).toBeGreaterThanOrEqual(50);
  expect(run.params).toEqual({ learning_rate: '0.05', num_leaves: '31' });
  const meta = path.join(root, run.experimentId, runId, 'meta.yaml');
  expect(parseYaml(readFileSync(meta, 'utf8'))).toMatchObject({ run_id: runId, lifecycle_stage: 'active' });
  // MLflow reads every file under these folders as a key: no temporary file may be left there
  for (const folder of ['metrics', 'params', 'tags']) {
    const names = readdirSync(path.join(root, run.experimentId, runId, folder), { recursive: true }).map(
      String,
    );
    expect(names.filter((name) => path.basename(name).startsWith('.'))).toEqual([]);
  }
  return run;
}

describe('a run killed half way', () => {
  it('SIGKILL mid-run leaves a readable store: the run RUNNING, every line whole', async () => {
    const root = tempDir('sigkill');
    const child = await startChild(root, 'loop');
    await new Promise((resolve) => setTimeout(resolve, 150)); // kill it in the middle of its writes
    expect((await child.kill('SIGKILL')).signal).toBe('SIGKILL');
    const run = await readBack(root, child.runId);
    expect(run.status).toBe('RUNNING');
    expect(run.endTime).toBeNull();
    const experiments = await new MlrunsReader(root).listExperiments();
    expect(experiments.map((e) => e.name).sort()).toEqual(['Default', 'crash']);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s marks the run KILLED, then the process dies of it',
    async (signal) => {
      const root = tempDir(signal.toLowerCase());
      const child = await startChild(root, 'loop');
      expect((await child.kill(signal)).signal).toBe(signal);
      const run = await readBack(root, child.runId);
      expect(run.status).toBe('KILLED');
      expect(run.endTime).toBeGreaterThanOrEqual(run.startTime ?? Infinity);
    },
  );

  it('an uncaught error marks the run FAILED at exit', async () => {
    const root = tempDir('throw');
    const child = await startChild(root, 'throw');
    expect((await child.exited).code).toBe(1);
    const run = await readBack(root, child.runId);
    expect(run.status).toBe('FAILED');
  });
});
