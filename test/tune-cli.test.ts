import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { resolveWorkspace } from '../src/core/index.js';
import { generateDataset } from '../src/data/generate/index.js';
import { ingestFolder } from '../src/data/index.js';
import { buildFeatureTable } from '../src/features/index.js';
import { listVersions, readCard } from '../src/registry/index.js';
import { MlrunsReader, type RunRecord } from '../src/tracking/index.js';
import { REPO_ROOT, runCli } from './cli.js';

const root = mkdtempSync(path.join(tmpdir(), 'cs-tune-cli-'));
const workspace = resolveWorkspace(path.join(root, 'workspace'));
const env = { CLAIRSCORE_WORKSPACE: workspace.root };

// Small and fast: four parameters, 3 folds, at most 10 rounds, one LightGBM thread.
const SMALL_SPACE = {
  parameters: [
    { name: 'num_leaves', type: 'int', low: 4, high: 32, log: true, grid: [4, 16] },
    { name: 'learning_rate', type: 'float', low: 0.01, high: 0.5, log: true, grid: [0.05, 0.2] },
    { name: 'min_data_in_leaf', type: 'int', low: 5, high: 100, log: true, grid: [10, 50] },
    { name: 'class_weighting', type: 'categorical', choices: ['none', 'is_unbalance'] },
  ],
};
// LightGBM refuses bagging_fraction > 1: about half of these trials fail.
const FAILING_SPACE = {
  parameters: [
    { name: 'num_leaves', type: 'int', low: 4, high: 16 },
    { name: 'bagging_fraction', type: 'categorical', choices: [0.8, 1.5] },
  ],
};
const spaceFile = (name: string, space: unknown): string => {
  const file = path.join(root, `${name}.json`);
  writeFileSync(file, JSON.stringify(space));
  return file;
};
const FAST = ['--folds', '3', '--rounds', '10', '--early-stopping', '3', '--threads', '1', '--seed', '11'];

interface TrialJson {
  number: number;
  state: 'COMPLETE' | 'PRUNED' | 'FAIL';
  params: Record<string, string | number | boolean>;
  value: number | null;
  intermediate: { step: number; value: number | null }[];
  runId: string | null;
  error?: string;
}

const studyPath = (name: string, file: string): string => path.join(workspace.root, 'tuning', name, file);
const readTrials = (name: string): TrialJson[] =>
  (JSON.parse(readFileSync(studyPath(name, 'trials.json'), 'utf8')) as { trials: TrialJson[] }).trials;

function tune(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  return runCli(['tune', ...args], env);
}

/** The same as tune(), without blocking: for invocations that can run side by side. */
function tuneAsync(
  args: readonly string[],
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(REPO_ROOT, 'dist/src/cli/main.js'), 'tune', ...args],
      { cwd: REPO_ROOT, env: { ...process.env, ...env } },
      (error, stdout, stderr) =>
        resolve({ status: error === null ? 0 : (error.code as number), stdout, stderr }),
    );
  });
}

async function tuningRuns(): Promise<RunRecord[]> {
  const reader = new MlrunsReader(workspace.mlruns);
  const experiment = (await reader.listExperiments()).find((e) => e.name === 'clairscore-tuning');
  return experiment === undefined ? [] : reader.listRuns(experiment.experimentId);
}

beforeAll(async () => {
  const dataDir = path.join(root, 'data');
  await generateDataset({ clients: 2000, seed: 5, out: dataDir });
  await ingestFolder({ dataDir, workspace });
  await buildFeatureTable(workspace);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('clairscore tune: bad input', () => {
  it('refuses an invalid search space before any trial, listing every problem', () => {
    const bad = spaceFile('bad', {
      parameters: [
        { name: 'num_leaves', type: 'int', low: 64, high: 8 },
        { name: 'learning_rate', type: 'float', low: 0, high: 0.3, log: true },
        { name: 'class_weighting', type: 'categorical', choices: [] },
        { name: 'n_estimators', type: 'int', low: 10, high: 100 },
      ],
    });
    const result = tune(['--trials', '5', '--space', bad, '--study', 'bad']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`error CS_ERR_SEARCH_SPACE: Invalid search space in ${bad}`);
    expect(result.stderr).toContain('num_leaves: low 64 is above high 8');
    expect(result.stderr).toContain('learning_rate: log scale needs low > 0 (got 0)');
    expect(result.stderr).toContain('class_weighting: "choices" must list at least one value');
    expect(result.stderr).toContain(
      "'n_estimators' is an alias: declare it under LightGBM's canonical name 'num_iterations'",
    );
    expect(existsSync(path.join(workspace.root, 'tuning'))).toBe(false);
    expect(existsSync(workspace.mlruns)).toBe(false);
  });

  it('refuses --trials 0, --timeout 0, an unknown sampler and a grid over a space without grid values', async () => {
    const noGrid = spaceFile('no-grid', {
      parameters: [{ name: 'lambda_l1', type: 'float', low: 0, high: 1 }],
    });
    // Independent invocations: run side by side.
    const [zero, timeout, sampler, grid] = await Promise.all([
      tuneAsync(['--trials', '0', '--json']),
      tuneAsync(['--trials', '3', '--timeout', '0']),
      tuneAsync(['--trials', '3', '--sampler', 'hyperopt']),
      tuneAsync(['--trials', '3', '--sampler', 'grid', '--space', noGrid]),
    ]);
    expect([zero, timeout, sampler, grid].map((r) => r.status)).toEqual([2, 2, 2, 2]);
    expect(JSON.parse(zero.stdout)).toMatchObject({
      error: { code: 'CS_ERR_USAGE', message: '--trials must be an integer >= 1, got "0".' },
    });
    expect(timeout.stderr).toContain('--timeout must be a number > 0');
    expect(sampler.stderr).toContain('--sampler must be one of tpe, random, grid, got "hyperopt"');
    expect(grid.stderr).toContain('lambda_l1: a float needs "grid" values or a "step" for grid search');
    expect(existsSync(workspace.mlruns)).toBe(false);
  });
});

describe('clairscore tune: studies', () => {
  const small = (): string => spaceFile('small', SMALL_SPACE);

  it('runs a TPE study: trials as child runs with their states, pruned ones stopped after a fold', async () => {
    const result = tune(['--study', 'ref', '--trials', '10', '--space', small(), ...FAST, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as {
      trials: number;
      states: { COMPLETE: number; PRUNED: number; FAIL: number };
      best: { number: number; cvAuc: number; runId: string };
      parentRunId: string;
    };
    expect(summary.trials).toBe(10);
    expect(summary.states.COMPLETE).toBeGreaterThanOrEqual(5);
    expect(summary.states.PRUNED).toBeGreaterThanOrEqual(1);

    const trials = readTrials('ref');
    expect(trials.map((t) => t.number)).toEqual([...Array(10).keys()]);
    const runs = await tuningRuns();
    const parent = runs.find((r) => r.runId === summary.parentRunId)!;
    expect(parent).toMatchObject({
      status: 'FINISHED',
      parentRunId: null,
      tags: { 'clairscore.study': 'ref' },
    });
    expect(parent.metrics['best_cv_auc']).toBe(summary.best.cvAuc);
    const children = runs.filter((r) => r.parentRunId === summary.parentRunId);
    expect(children).toHaveLength(10);
    const reader = new MlrunsReader(workspace.mlruns);
    for (const trial of trials) {
      const run = children.find((r) => r.runId === trial.runId)!;
      expect(run.tags['optuna.trial_state']).toBe(trial.state);
      expect(run.tags['optuna.trial_number']).toBe(String(trial.number));
      expect(run.status).toBe('FINISHED');
      expect(run.params['num_leaves']).toBe(String(trial.params['num_leaves']));
      expect(run.params['class_weighting']).toBe(trial.params['class_weighting']);
      const folds = await reader.metricHistory(run.runId, 'fold_auc');
      expect(folds.map((m) => m.step)).toEqual(trial.intermediate.map((iv) => iv.step));
      if (trial.state === 'COMPLETE') {
        expect(folds).toHaveLength(3);
        expect(run.metrics['cv_auc']).toBe(trial.value);
      } else {
        expect(folds.length).toBeLessThan(3);
        expect(run.metrics['cv_auc']).toBeUndefined();
      }
    }
    const best = JSON.parse(readFileSync(studyPath('ref', 'best-params.json'), 'utf8')) as object;
    const bestTrial = trials[summary.best.number]!;
    expect(best).toEqual({
      num_leaves: bestTrial.params['num_leaves'],
      learning_rate: bestTrial.params['learning_rate'],
      min_data_in_leaf: bestTrial.params['min_data_in_leaf'],
      is_unbalance: bestTrial.params['class_weighting'] === 'is_unbalance',
    });
  });

  it('resumes a study interrupted by Ctrl-C where it stopped, with the same trials as without interruption', async () => {
    const args = ['tune', '--study', 'resumed', '--trials', '10', '--space', small(), ...FAST];
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/src/cli/main.js'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    let ended = false;
    void exited.then(() => (ended = true));
    const trialsFile = studyPath('resumed', 'trials.json');
    while (!ended && (!existsSync(trialsFile) || readTrials('resumed').length < 3)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGINT');
    const exit = await exited;
    expect(exit.signal === 'SIGINT' || exit.code === 130, JSON.stringify(exit)).toBe(true);
    const interrupted = readTrials('resumed');
    expect(interrupted.length).toBeGreaterThanOrEqual(3);
    expect(interrupted.length).toBeLessThan(10);

    const resumed = tune(['--study', 'resumed', '--json']); // its 10 trials come from study.json
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({
      resumed: true,
      trials: 10,
      ran: 10 - interrupted.length,
    });
    const trials = readTrials('resumed');
    expect(trials.slice(0, interrupted.length)).toEqual(interrupted);
    // Same seed, same sequence: the interrupted-then-resumed study is the uninterrupted one.
    const reference = readTrials('ref');
    expect(trials.map((t) => [t.number, t.state, t.params, t.value])).toEqual(
      reference.map((t) => [t.number, t.state, t.params, t.value]),
    );

    const study = JSON.parse(readFileSync(studyPath('resumed', 'study.json'), 'utf8')) as {
      sessions: { parentRunId: string }[];
    };
    expect(study.sessions).toHaveLength(2);
    const runs = await tuningRuns();
    const [first, second] = study.sessions.map((s) => runs.find((r) => r.runId === s.parentRunId)!);
    expect(first!.status).toBe('KILLED');
    expect(second).toMatchObject({
      status: 'FINISHED',
      tags: { 'clairscore.study.resumed_from': first!.runId, 'clairscore.study.session': '2' },
    });
    const secondChildren = runs.filter((r) => r.parentRunId === second!.runId);
    expect(secondChildren.map((r) => Number(r.tags['optuna.trial_number'])).sort((a, b) => a - b)).toEqual(
      trials.slice(interrupted.length).map((t) => t.number),
    );
    // A trial cut short by the signal is left KILLED, still RUNNING by its tag; it ran again on resume.
    for (const run of runs.filter((r) => r.parentRunId === first!.runId && r.status === 'KILLED')) {
      expect(run.tags['optuna.trial_state']).toBe('RUNNING');
    }
  });

  it('records a trial LightGBM refuses as failed, and the study goes on', async () => {
    const failing = spaceFile('failing', FAILING_SPACE);
    const result = tune([
      '--study',
      'failing',
      '--sampler',
      'random',
      '--trials',
      '5',
      '--space',
      failing,
      ...FAST,
    ]);
    expect(result.status, result.stderr).toBe(0);
    const trials = readTrials('failing');
    expect(trials).toHaveLength(5);
    const failed = trials.filter((t) => t.state === 'FAIL');
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(failed.every((t) => t.params['bagging_fraction'] === 1.5)).toBe(true);
    expect(trials.filter((t) => t.state === 'COMPLETE').length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...trials.map((t) => t.number))).toBeGreaterThan(
      Math.min(...failed.map((t) => t.number)),
    );
    const runs = await tuningRuns();
    for (const trial of failed) {
      const run = runs.find((r) => r.runId === trial.runId)!;
      expect(run.status).toBe('FAILED');
      expect(run.tags['optuna.trial_state']).toBe('FAIL');
      expect(run.tags['clairscore.trial.error']).toMatch(/bagging_fraction/);
    }
    expect(result.stdout).toMatch(/trial +\d+ +FAIL/);
  });

  it('refuses to resume a study with a contradicting setting', () => {
    const result = tune(['--study', 'ref', '--seed', '12']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--seed: the study was created with --seed 11');
  });

  it('trains the best parameters and registers them as a new version (--train-best)', async () => {
    const result = tune(['--study', 'ref', '--train-best', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as { ran: number; trained: { version: number; runId: string } };
    expect(summary.ran).toBe(0);
    expect(summary.trained.version).toBe(1);
    expect(listVersions(workspace)).toEqual([1]);
    const card = readCard(workspace, 1);
    const best = JSON.parse(readFileSync(studyPath('ref', 'best-params.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(card.params).toMatchObject({
      num_leaves: best['num_leaves'],
      learning_rate: best['learning_rate'],
    });
    expect(card.runId).toBe(summary.trained.runId);
  });
});

describe('clairscore tune --compare', () => {
  it('runs grid, random and TPE on the same budget and stores the comparison', async () => {
    const space = spaceFile('small', SMALL_SPACE);
    const result = tune(['--compare', '--trials', '2', '--space', space, ...FAST]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/trials +grid +random +tpe/);
    const document = JSON.parse(
      readFileSync(path.join(workspace.root, 'tuning', 'comparison.json'), 'utf8'),
    ) as {
      parentRunId: string;
      budget: { trials: number };
      comparison: { summaries: { sampler: string; byTrial: unknown[] }[]; runs: { trials: unknown[] }[] };
    };
    expect(document.budget.trials).toBe(2);
    expect(document.comparison.summaries.map((s) => s.sampler)).toEqual(['grid', 'random', 'tpe']);
    expect(document.comparison.runs.map((r) => r.trials.length)).toEqual([2, 2, 2]);
    expect(readFileSync(path.join(workspace.root, 'tuning', 'comparison.svg'), 'utf8')).toContain('<svg');
    const runs = await tuningRuns();
    const children = runs.filter((r) => r.parentRunId === document.parentRunId);
    expect(children.map((r) => r.tags['clairscore.sampler']).sort()).toEqual([
      ...Array<string>(2).fill('grid'),
      ...Array<string>(2).fill('random'),
      ...Array<string>(2).fill('tpe'),
    ]);
    const reader = new MlrunsReader(workspace.mlruns);
    const artifacts = await reader.listArtifacts(document.parentRunId);
    expect(artifacts.map((a) => a.path)).toEqual(['comparison.json', 'comparison.svg']);
  });
});
