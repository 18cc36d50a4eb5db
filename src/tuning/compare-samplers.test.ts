import { describe, expect, it } from 'vitest';

import { compareSamplers, convergenceCurve } from './compare-samplers.js';
import { GridSampler } from './grid-sampler.js';
import { RandomSampler } from './random-sampler.js';
import { floatParam } from './search-space.js';
import { defineSearchSpace } from './space-validation.js';
import { frozen } from './trial-fixtures.js';

describe('sampler comparison', () => {
  it('tracks the incumbent after each trial, skipping failed and pruned trials', () => {
    const trials = [
      frozen(0, 'FAIL', {}),
      frozen(1, 'COMPLETE', {}, 0.7),
      frozen(2, 'PRUNED', {}, 0.9),
      frozen(3, 'COMPLETE', {}, 0.75),
      frozen(4, 'COMPLETE', {}, 0.6),
    ];
    expect(convergenceCurve(trials, 'maximize').map((p) => p.best)).toEqual([null, 0.7, 0.7, 0.75, 0.75]);
    expect(convergenceCurve(trials, 'minimize').map((p) => p.best)).toEqual([null, 0.7, 0.7, 0.7, 0.6]);
    // frozen() starts trial n at n and ends it at n + 1.
    expect(convergenceCurve(trials, 'minimize').map((p) => p.elapsedMs)).toEqual([1, 2, 3, 4, 5]);
    // The incumbent is chosen on its value; evaluate may report another score of it.
    expect(convergenceCurve(trials, 'minimize', (t) => t.number).map((p) => p.best)).toEqual([
      null,
      1,
      1,
      1,
      4,
    ]);
  });

  it('summarises several samplers on one budget by trial count and by time', async () => {
    const space = defineSearchSpace([floatParam('x', 0, 1, { step: 0.1 })], { names: 'any' });
    const comparison = await compareSamplers({
      space,
      direction: 'minimize',
      samplers: [
        { name: 'random', create: (seed) => new RandomSampler({ seed }) },
        { name: 'grid', create: (seed) => new GridSampler({ seed }) },
      ],
      seeds: [1, 2, 3],
      nTrials: 15,
      objective: () => (t) => Math.abs(t.suggestFloat('x') - 0.3),
      timePoints: 4,
    });
    expect(comparison.runs).toHaveLength(6);
    const grid = comparison.summaries.find((s) => s.sampler === 'grid')!;
    // The grid has 11 points and stops there; all of them include the optimum 0.3.
    expect(grid.byTrial).toHaveLength(11);
    expect(grid.final.median).toBeCloseTo(0, 12);
    const random = comparison.summaries.find((s) => s.sampler === 'random')!;
    expect(random.byTrial).toHaveLength(15);
    expect(random.byTime).toHaveLength(4);
    for (let i = 1; i < random.byTrial.length; i++) {
      expect(random.byTrial[i]!.median).toBeLessThanOrEqual(random.byTrial[i - 1]!.median);
    }
    expect(JSON.parse(JSON.stringify(comparison.summaries))).toEqual(comparison.summaries);
  });
});
