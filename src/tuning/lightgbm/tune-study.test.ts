import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { resolveWorkspace } from '../../core/index.js';
import { FileTracker, MlrunsReader } from '../../tracking/index.js';
import { categoricalParam, intParam } from '../search-space.js';
import { defineSearchSpace } from '../space-validation.js';
import { readStudy } from './study-files.js';
import { xorMatrix } from './test-matrix.js';
import { runTuning, type TuneOptions } from './tune-study.js';

const root = mkdtempSync(path.join(tmpdir(), 'cs-tune-study-'));
const workspace = resolveWorkspace(root);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const matrix = xorMatrix();
const tracker = new FileTracker(workspace.mlruns, { watchSignals: false });
const space = defineSearchSpace([
  intParam('num_leaves', 2, 16),
  categoricalParam('min_data_in_leaf', [10, 20]),
]);
const base = { folds: 3, numBoostRound: 10, earlyStoppingRounds: 3, threads: 1, seed: 1, space };

function tuning(options: Partial<TuneOptions>): Promise<Awaited<ReturnType<typeof runTuning>>> {
  return runTuning(workspace, { matrix, tracker, config: base, ...options });
}

async function runCount(): Promise<number> {
  const reader = new MlrunsReader(workspace.mlruns);
  const experiments = await reader.listExperiments();
  const runs = await Promise.all(experiments.map((e) => reader.listRuns(e.experimentId)));
  return runs.flat().length;
}

describe('runTuning', () => {
  it('stops at the timeout and says so; the next session goes on to the number of trials', async () => {
    const first = await tuning({ study: 'timed', trials: 6, timeoutSeconds: 0.05 });
    expect(first.stoppedEarly).toBe('timeout');
    expect(first.trials.length).toBeGreaterThanOrEqual(1);
    expect(first.trials.length).toBeLessThan(6);
    const second = await tuning({ study: 'timed', config: {} });
    expect(second).toMatchObject({ resumed: true, stoppedEarly: null, ran: 6 - first.trials.length });
    expect(second.trials.map((t) => t.number)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(readStudy(workspace, 'timed')!.study.sessions.map((s) => s.parentRunId)).toEqual([
      first.parentRunId,
      second.parentRunId,
    ]);
  });

  it('ends a grid study when every combination was tried', async () => {
    const grid = defineSearchSpace([
      categoricalParam('num_leaves', [4, 8]),
      categoricalParam('max_depth', [3, -1]),
    ]);
    const report = await tuning({
      study: 'grid',
      trials: 10,
      config: { ...base, sampler: 'grid', space: grid },
    });
    expect(report.stoppedEarly).toBe('grid');
    expect(report.trials.map((t) => `${t.params['num_leaves']}/${t.params['max_depth']}`).sort()).toEqual([
      '4/-1',
      '4/3',
      '8/-1',
      '8/3',
    ]);
  });

  it('starts no session and no run when a resumed study has nothing left to run', async () => {
    const done = await tuning({ study: 'done', trials: 2 });
    const runs = await runCount();
    const again = await tuning({ study: 'done', config: {} });
    expect(again).toMatchObject({ resumed: true, ran: 0, parentRunId: done.parentRunId });
    expect(again.trials).toEqual(done.trials);
    expect(await runCount()).toBe(runs);
  });

  it('needs a number of trials for a new study', async () => {
    await expect(tuning({ study: 'no-budget' })).rejects.toThrow(/A new study needs --trials N/);
  });
});
