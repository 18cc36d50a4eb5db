import { describe, expect, it } from 'vitest';

import { NopPruner } from './pruner.js';
import { RandomSampler } from './random-sampler.js';
import { categoricalParam, floatParam, intParam } from './search-space.js';
import { defineSearchSpace } from './space-validation.js';
import { Study } from './study.js';
import type { Objective } from './study.js';
import { TpeSampler } from './tpe-sampler.js';
import { frozen } from './trial-fixtures.js';
import type { FrozenTrial } from './trial-record.js';

const space = defineSearchSpace(
  [floatParam('x', 0, 1), intParam('n', 1, 64, { log: true }), categoricalParam('c', ['a', 'b', 'c'])],
  { names: 'any' },
);
const objective: Objective = (t) =>
  (t.suggestFloat('x') - 0.3) ** 2 +
  (Math.log2(t.suggestInt('n')) - 4) ** 2 / 36 +
  (t.suggestCategorical('c') === 'b' ? 0 : 0.5);

async function run(
  sampler: TpeSampler | RandomSampler,
  nTrials: number,
  trials: FrozenTrial[] = [],
): Promise<Study> {
  const study = new Study({ space, sampler, pruner: new NopPruner(), trials });
  await study.optimize(objective, { nTrials });
  return study;
}

describe('TpeSampler', () => {
  it('samples the first n_startup_trials like RandomSampler with the same seed', async () => {
    const tpe = await run(new TpeSampler({ seed: 5 }), 12);
    const random = await run(new RandomSampler({ seed: 5 }), 12);
    expect(tpe.trials.slice(0, 10).map((t) => t.params)).toEqual(
      random.trials.slice(0, 10).map((t) => t.params),
    );
    expect(tpe.trials[10]!.params).not.toEqual(random.trials[10]!.params);
  });

  it('does not count FAIL trials towards the startup', () => {
    const sampler = new TpeSampler({ seed: 1 });
    const failed = Array.from({ length: 12 }, (_, i) => frozen(i, 'FAIL', { x: 0.5, n: 2, c: 'a' }));
    const random = new RandomSampler({ seed: 1 });
    const view = { direction: 'minimize' as const, trials: failed };
    expect(sampler.sample(space, view, 12)).toEqual(random.sample(space, view, 12));
  });

  it('fits l(x) to the gamma best trials and g(x) to the rest', () => {
    const trials = Array.from({ length: 20 }, (_, i) =>
      frozen(i, 'COMPLETE', { x: i / 20, n: 1 + i, c: 'a' }, i),
    );
    const { below, above } = new TpeSampler().estimators(space.params[0]!, { direction: 'minimize', trials });
    // gamma(20) = 2: trials 0 and 1 (lowest values) below, with the prior.
    expect(below.weights).toHaveLength(3);
    expect(above.weights).toHaveLength(19);
    expect(below.kernels.kind === 'numeric' && below.kernels.mus.slice(0, 2)).toEqual([0, 0.05]);
    const maximise = new TpeSampler().estimators(space.params[0]!, { direction: 'maximize', trials });
    expect(maximise.below.kernels.kind === 'numeric' && maximise.below.kernels.mus.slice(0, 2)).toEqual([
      0.9, 0.95,
    ]);
  });

  it('concentrates on the optimum of every parameter kind', async () => {
    const study = await run(new TpeSampler({ seed: 3 }), 80);
    const late = study.trials.slice(50);
    const near = late.filter((t) => Math.abs((t.params['x'] as number) - 0.3) < 0.1).length;
    expect(near / late.length).toBeGreaterThan(0.6);
    expect(late.filter((t) => t.params['c'] === 'b').length / late.length).toBeGreaterThan(0.7);
    const ns = late.map((t) => t.params['n'] as number).sort((a, b) => a - b);
    expect(ns[Math.floor(ns.length / 2)]).toBeGreaterThanOrEqual(8);
    expect(ns[Math.floor(ns.length / 2)]).toBeLessThanOrEqual(32);
    expect(late.every((t) => Number.isInteger(t.params['n']))).toBe(true);
  });

  it('is deterministic for a seed, and a resumed study continues exactly', async () => {
    const whole = await run(new TpeSampler({ seed: 9 }), 30);
    const again = await run(new TpeSampler({ seed: 9 }), 30);
    expect(again.trials.map((t) => t.params)).toEqual(whole.trials.map((t) => t.params));
    const half = await run(new TpeSampler({ seed: 9 }), 15);
    const saved = JSON.parse(JSON.stringify(half.toRecord().trials)) as FrozenTrial[];
    const resumed = await run(new TpeSampler({ seed: 9 }), 15, saved);
    expect(resumed.trials.map((t) => t.params)).toEqual(whole.trials.map((t) => t.params));
    const other = await run(new TpeSampler({ seed: 10 }), 30);
    expect(other.trials.map((t) => t.params)).not.toEqual(whole.trials.map((t) => t.params));
  });

  it('learns from PRUNED trials when too few completed', () => {
    const pruned = Array.from({ length: 10 }, (_, i) =>
      frozen(i, 'PRUNED', { x: i / 10, n: 1, c: 'a' }, null, [{ step: 0, value: i }]),
    );
    const { below } = new TpeSampler().estimators(space.params[0]!, {
      direction: 'minimize',
      trials: pruned,
    });
    // gamma(10) = 1 and no COMPLETE trial: the pruned trial with the best step-0 value (x = 0) is below.
    expect(below.kernels.kind === 'numeric' && below.kernels.mus[0]).toBe(0);
  });
});
