import { describe, expect, it } from 'vitest';

import { ClairscoreError } from '../core/errors.js';
import { MedianPruner } from './median-pruner.js';
import { RandomSampler } from './random-sampler.js';
import { categoricalParam, floatParam } from './search-space.js';
import { defineSearchSpace } from './space-validation.js';
import { Study } from './study.js';
import { TpeSampler } from './tpe-sampler.js';
import { TrialPruned } from './trial.js';
import type { FrozenTrial } from './trial-record.js';
import { trialsFromJson } from './trial-json.js';

const space = defineSearchSpace([floatParam('x', 0, 1), categoricalParam('c', ['a', 'b'])], { names: 'any' });

/** A clock advancing 1 s per reading. */
function fakeClock(): () => number {
  let t = 1_700_000_000_000;
  return () => (t += 1000);
}

describe('Study', () => {
  it('records COMPLETE, PRUNED and FAIL trials and goes on after failures', async () => {
    const study = new Study({
      space,
      sampler: new RandomSampler({ seed: 1 }),
      pruner: new MedianPruner({ nStartupTrials: 0 }),
    });
    await study.optimize(
      async (trial) => {
        if (trial.number === 1) throw new Error('LightGBM ran out of memory');
        if (trial.number === 2) return NaN;
        if (trial.number === 3) {
          trial.report(0, 0.9);
          trial.report(1, 0.8);
          throw new TrialPruned();
        }
        trial.report(0, trial.suggestFloat('x'));
        return trial.suggestFloat('x');
      },
      { nTrials: 5 },
    );
    expect(study.trials.map((t) => t.state)).toEqual(['COMPLETE', 'FAIL', 'FAIL', 'PRUNED', 'COMPLETE']);
    expect(study.trials[1]!.error).toBe('LightGBM ran out of memory');
    expect(study.trials[2]!.error).toMatch(/returned NaN/);
    expect(study.trials[3]!.value).toBe(0.8); // the last intermediate value
    expect(study.trials[3]!.intermediate).toEqual([
      { step: 0, value: 0.9 },
      { step: 1, value: 0.8 },
    ]);
    expect(study.bestTrial?.number).toBe(study.trials[0]!.value! < study.trials[4]!.value! ? 0 : 4);
  });

  it('prunes through trial.shouldPrune() with the median pruner', async () => {
    const study = new Study({ space, sampler: new RandomSampler({ seed: 2 }), direction: 'maximize' });
    await study.optimize(
      (trial) => {
        // Trials after the 5th report a poor first fold and should be pruned.
        const auc = trial.number < 5 ? 0.7 + trial.number / 100 : 0.5;
        for (let fold = 0; fold < 3; fold++) {
          trial.report(fold, auc);
          if (trial.shouldPrune()) throw new TrialPruned();
        }
        return auc;
      },
      { nTrials: 8 },
    );
    expect(study.trials.map((t) => t.state)).toEqual([
      ...new Array(5).fill('COMPLETE'),
      'PRUNED',
      'PRUNED',
      'PRUNED',
    ]);
    expect(study.trials[5]!.intermediate).toHaveLength(1);
    expect(study.bestTrial?.number).toBe(4);
  });

  it('stops at the timeout, never interrupting a trial, and records durations', async () => {
    const study = new Study({ space, sampler: new RandomSampler(), now: fakeClock() });
    // Readings: optimize start, then per trial: loop check, start, end -> 3 s per trial.
    await study.optimize(() => 1, { timeoutSeconds: 10 });
    expect(study.trials).toHaveLength(3);
    expect(study.trials.every((t) => t.durationMs === 1000 && t.completedAt - t.startedAt === 1000)).toBe(
      true,
    );
  });

  it('refuses to run without a budget', async () => {
    const study = new Study({ space, sampler: new RandomSampler() });
    await expect(study.optimize(() => 1, {})).rejects.toThrow(ClairscoreError);
  });

  it('fails a trial that reads an undeclared or mistyped parameter', async () => {
    const study = new Study({ space, sampler: new RandomSampler() });
    await study.optimize((t) => t.suggestFloat('learning_rate'), { nTrials: 1 });
    await study.optimize((t) => t.suggestInt('x'), { nTrials: 1 });
    expect(study.trials.map((t) => t.error)).toEqual([
      "The objective asked for parameter 'learning_rate', which the search space does not declare",
      "The objective asked for 'x' as int, but the search space declares it float",
    ]);
  });

  it('resumes from a serialised record, numbering on and sampling as the uninterrupted study', async () => {
    const objective = (t: { suggestFloat(n: string): number }): number => (t.suggestFloat('x') - 0.5) ** 2;
    const whole = new Study({ space, sampler: new TpeSampler({ seed: 4 }) });
    await whole.optimize(objective, { nTrials: 20 });
    const part = new Study({ space, sampler: new TpeSampler({ seed: 4 }) });
    await part.optimize(objective, { nTrials: 12 });
    const record = JSON.parse(JSON.stringify(part.toRecord())) as {
      trials: FrozenTrial[];
      sampler: string;
      direction: string;
    };
    expect(record.sampler).toBe('tpe');
    expect(record.direction).toBe('minimize');
    const resumed = new Study({ space, sampler: new TpeSampler({ seed: 4 }), trials: record.trials });
    const ended: number[] = [];
    await resumed.optimize(objective, { nTrials: 8, onTrialEnd: (t) => void ended.push(t.number) });
    expect(ended).toEqual([12, 13, 14, 15, 16, 17, 18, 19]);
    expect(resumed.trials.map((t) => t.params)).toEqual(whole.trials.map((t) => t.params));
  });

  it('stop() ends the study after the running trial', async () => {
    const study = new Study({ space, sampler: new RandomSampler() });
    await study.optimize(
      (t) => {
        if (t.number === 2) study.stop();
        return 1;
      },
      { nTrials: 10 },
    );
    expect(study.trials).toHaveLength(3);
  });
});

describe('trialsFromJson', () => {
  it('round-trips records, bringing NaN intermediate values back', () => {
    const trial = {
      number: 3,
      state: 'PRUNED',
      params: { x: 0.5, c: 'a' },
      value: null,
      intermediate: [{ step: 0, value: NaN }],
      startedAt: 1,
      completedAt: 2,
      durationMs: 1,
    };
    const [back] = trialsFromJson(JSON.parse(JSON.stringify([trial])));
    expect(back).toEqual(trial);
    expect(() => trialsFromJson([{ ...trial, state: 'RUNNING' }])).toThrow(/"state" must be one of/);
    expect(() => trialsFromJson([{ ...trial, state: 'COMPLETE' }])).toThrow(/COMPLETE trial needs a value/);
    expect(() => trialsFromJson({})).toThrow(ClairscoreError);
  });
});
