import { describe, expect, it } from 'vitest';

import { ClairscoreError } from '../core/errors.js';
import { GridSampler } from './grid-sampler.js';
import { NopPruner } from './pruner.js';
import { categoricalParam, floatParam, intParam } from './search-space.js';
import { defineSearchSpace } from './space-validation.js';
import { Study } from './study.js';

const space = defineSearchSpace(
  [intParam('b', 1, 3), categoricalParam('a', ['x', 'y']), floatParam('c', 0, 1, { grid: [0, 0.5] })],
  { names: 'any' },
);

describe('GridSampler', () => {
  it('enumerates combinations in ParameterGrid order (names sorted, last varies fastest) when not shuffled', () => {
    const sampler = new GridSampler({ shuffle: false });
    const view = { direction: 'minimize' as const, trials: [] };
    const first = [0, 1, 2, 3].map((n) => sampler.sample(space, view, n));
    expect(first).toEqual([
      { a: 'x', b: 1, c: 0 },
      { a: 'x', b: 1, c: 0.5 },
      { a: 'x', b: 2, c: 0 },
      { a: 'x', b: 2, c: 0.5 },
    ]);
    expect(sampler.size(space)).toBe(12);
  });

  it('visits every combination exactly once, then stops the study', async () => {
    const study = new Study({ space, sampler: new GridSampler({ seed: 4 }), pruner: new NopPruner() });
    await study.optimize((t) => (t.params['b'] as number) + (t.params['c'] as number), { nTrials: 100 });
    expect(study.trials).toHaveLength(12);
    const keys = new Set(study.trials.map((t) => JSON.stringify(t.params)));
    expect(keys.size).toBe(12);
    expect(study.bestTrial?.value).toBe(1);
  });

  it('shuffles by seed (Optuna) and is deterministic for a seed', () => {
    const view = { direction: 'minimize' as const, trials: [] };
    const order = (seed: number): string[] =>
      Array.from({ length: 12 }, (_, n) => JSON.stringify(new GridSampler({ seed }).sample(space, view, n)));
    expect(order(1)).toEqual(order(1));
    expect(order(1)).not.toEqual(order(2));
  });

  it('takes an unvisited combination for trial numbers past the grid (resumed studies)', async () => {
    const sampler = new GridSampler({ seed: 0 });
    const first = new Study({ space, sampler, pruner: new NopPruner() });
    await first.optimize(() => 1, { nTrials: 5 });
    // Drop trial 2 as if it had been lost; renumber the rest so new numbers run past 12.
    const kept = first.trials.filter((t) => t.number !== 2).map((t, i) => ({ ...t, number: 20 + i }));
    const resumed = new Study({ space, sampler, pruner: new NopPruner(), trials: kept });
    await resumed.optimize(() => 1, { nTrials: 100 });
    expect(new Set(resumed.trials.map((t) => JSON.stringify(t.params))).size).toBe(12);
    expect(resumed.trials).toHaveLength(12);
  });

  it('refuses floats without grid values or step, and oversized grids, before any trial', () => {
    const noGrid = defineSearchSpace([floatParam('x', 0, 1)], { names: 'any' });
    expect(() => new Study({ space: noGrid, sampler: new GridSampler() })).toThrow(ClairscoreError);
    expect(() => new Study({ space: noGrid, sampler: new GridSampler() })).toThrow(
      /a float needs "grid" values or a "step"/,
    );
    const huge = defineSearchSpace([intParam('a', 1, 1000), intParam('b', 1, 1000), intParam('c', 1, 10)], {
      names: 'any',
    });
    expect(() => new Study({ space: huge, sampler: new GridSampler() })).toThrow(/10000000 combinations/);
  });
});
