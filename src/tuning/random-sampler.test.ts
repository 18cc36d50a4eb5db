import { describe, expect, it } from 'vitest';

import { Rng } from '../core/rng.js';
import { RandomSampler, sampleUniform } from './random-sampler.js';
import { roundHalfEven } from './rounding.js';
import { categoricalParam, floatParam, intParam } from './search-space.js';
import { defineSearchSpace } from './space-validation.js';

const view = { direction: 'minimize' as const, trials: [] };

describe('RandomSampler', () => {
  it('rounds half to even as numpy does (Optuna 4.x)', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, 2.4, 2.6].map(roundHalfEven)).toEqual([0, 2, 2, -0, -2, 2, 3]);
  });

  it('draws ints uniformly over low..high including both ends', () => {
    const rng = new Rng(1);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[(sampleUniform(intParam('n', 0, 5), rng) as number) - 0]!++;
    for (const c of counts) expect(c / 60_000).toBeCloseTo(1 / 6, 2);
  });

  it('draws log floats and log ints uniformly in ln-space', () => {
    const rng = new Rng(2);
    const xs = Array.from(
      { length: 40_000 },
      () => sampleUniform(floatParam('lr', 1e-4, 1, { log: true }), rng) as number,
    );
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(1e-4);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.filter((x) => x < 1e-2).length / xs.length).toBeCloseTo(0.5, 1);
    const ns = Array.from(
      { length: 40_000 },
      () => sampleUniform(intParam('n', 1, 1024, { log: true }), rng) as number,
    );
    expect(ns.every((n) => Number.isInteger(n) && n >= 1 && n <= 1024)).toBe(true);
    // ln-uniform on [ln 0.5, ln 1024.5]: P(n <= 32) = P(x < 32.5).
    const expected = (Math.log(32.5) - Math.log(0.5)) / (Math.log(1024.5) - Math.log(0.5));
    expect(ns.filter((n) => n <= 32).length / ns.length).toBeCloseTo(expected, 1);
  });

  it('keeps stepped floats on their grid and draws categorical choices uniformly', () => {
    const rng = new Rng(3);
    const values = new Set(
      Array.from({ length: 5000 }, () => sampleUniform(floatParam('f', 0, 1, { step: 0.25 }), rng)),
    );
    expect([...values].sort()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const counts = new Map<unknown, number>();
    for (let i = 0; i < 30_000; i++) {
      const c = sampleUniform(categoricalParam('c', ['a', 1, true]), rng);
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    for (const c of ['a', 1, true]) expect(counts.get(c)! / 30_000).toBeCloseTo(1 / 3, 1);
  });

  it('is deterministic for a seed and differs across seeds and trials', () => {
    const space = defineSearchSpace([floatParam('x', 0, 1), intParam('n', 1, 100)], { names: 'any' });
    const a = new RandomSampler({ seed: 7 });
    const b = new RandomSampler({ seed: 7 });
    expect(a.sample(space, view, 3)).toEqual(b.sample(space, view, 3));
    expect(a.sample(space, view, 3)).not.toEqual(a.sample(space, view, 4));
    expect(a.sample(space, view, 3)).not.toEqual(new RandomSampler({ seed: 8 }).sample(space, view, 3));
  });
});
