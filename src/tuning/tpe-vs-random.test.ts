/**
 * Proof that TPE is real: on standard test functions, over 20 seeds with the same budget,
 * TPE's median best value beats random search's. (bench/tpe-vs-random.ts prints the full
 * table with 60 trials, grid search and Optuna beside.)
 */
import { describe, expect, it } from 'vitest';

import { Rng } from '../core/rng.js';
import { compareSamplers } from './compare-samplers.js';
import { RandomSampler } from './random-sampler.js';
import { TEST_FUNCTIONS } from './test-functions.js';
import { TpeSampler } from './tpe-sampler.js';

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

describe('TPE beats random search on standard test functions (20 seeds x 60 trials)', () => {
  for (const fn of TEST_FUNCTIONS) {
    it(`${fn.name}: TPE's median best is lower than random's`, async () => {
      const comparison = await compareSamplers({
        space: fn.space,
        direction: 'minimize',
        samplers: [
          { name: 'tpe', create: (seed) => new TpeSampler({ seed }) },
          { name: 'random', create: (seed) => new RandomSampler({ seed }) },
        ],
        seeds: SEEDS,
        nTrials: 60,
        objective: (seed) => (trial) => fn.observe(trial.params, new Rng(seed, 10_000 + trial.number)),
        evaluate: (trial) => fn.value(trial.params),
        timePoints: 5,
      });
      const [tpe, random] = comparison.summaries;
      expect(tpe!.final.median).toBeLessThan(random!.final.median);
      expect(tpe!.final.median).toBeGreaterThanOrEqual(fn.minimum - 1e-9);
    });
  }
});
