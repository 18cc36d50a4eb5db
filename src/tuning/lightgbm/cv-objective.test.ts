import { describe, expect, it } from 'vitest';

import { MedianPruner } from '../median-pruner.js';
import { NopPruner } from '../pruner.js';
import type { Sampler } from '../sampler.js';
import { categoricalParam, floatParam, intParam, type Params } from '../search-space.js';
import { defineSearchSpace } from '../space-validation.js';
import { Study } from '../study.js';
import { CvObjective } from './cv-objective.js';
import { xorMatrix } from './test-matrix.js';

const BASE = {
  num_threads: 1,
  min_data_in_leaf: 10,
  feature_fraction: 1,
  bagging_fraction: 1,
  bagging_freq: 0,
};
const options = { folds: 3, seed: 5, numBoostRound: 20, earlyStoppingRounds: 5, baseParams: BASE };
const space = defineSearchSpace([
  intParam('num_leaves', 2, 16),
  floatParam('bagging_fraction', 0.5, 1.5),
  categoricalParam('class_weighting', ['none', 'is_unbalance']),
]);

/** A sampler that plays a fixed script of parameters, one entry per trial. */
function scripted(script: (number: number) => Params): Sampler {
  return { name: 'scripted', sample: (_space, _study, number) => script(number) };
}

const good: Params = { num_leaves: 8, bagging_fraction: 1, class_weighting: 'none' };
const stumps: Params = { num_leaves: 2, bagging_fraction: 1, class_weighting: 'none' };

describe('CvObjective', () => {
  it('scores a trial by the mean fold AUC, reports each fold, and is deterministic', async () => {
    using cv = new CvObjective(xorMatrix(), options);
    const study = new Study({
      space,
      sampler: scripted(() => good),
      pruner: new NopPruner(),
      direction: 'maximize',
    });
    await study.optimize(cv.objective, { nTrials: 2 });
    const [first, second] = study.trials;
    expect(first!.state).toBe('COMPLETE');
    expect(first!.intermediate.map((iv) => iv.step)).toEqual([0, 1, 2]);
    const mean = first!.intermediate.reduce((s, iv) => s + iv.value, 0) / 3;
    expect(first!.value).toBeCloseTo(mean, 12);
    expect(first!.value!).toBeGreaterThan(0.75);
    // Same parameters, same folds, same LightGBM seed: the same value to the last bit.
    expect(second!.value).toBe(first!.value);
    const record = cv.trialCv(0)!;
    expect(record.params).toMatchObject({ num_leaves: 8, is_unbalance: false, num_threads: 1, seed: 5 });
    expect(record.params).not.toHaveProperty('class_weighting');
    expect(record.folds.map((f) => f.validAuc)).toEqual(first!.intermediate.map((iv) => iv.value));
    expect(record.curves).toHaveLength(3);
    expect(record.curves[0]!.length).toBeGreaterThanOrEqual(record.folds[0]!.bestIteration);
  });

  it('splits the rows into stratified folds that cover every row once', () => {
    const matrix = xorMatrix();
    using cv = new CvObjective(matrix, options);
    const valid = cv.splits.flatMap((s) => [...s.valid]).sort((a, b) => a - b);
    expect(valid).toEqual(Array.from({ length: matrix.nrow }, (_, i) => i));
    const rates = cv.splits.map(
      (s) => s.valid.reduce((n, row) => n + matrix.labels[row]!, 0) / s.valid.length,
    );
    expect(Math.max(...rates) - Math.min(...rates)).toBeLessThan(0.02);
  });

  it('lets the median pruner stop trials worse than the median after their first fold', async () => {
    using cv = new CvObjective(xorMatrix(), options);
    // Five good trials complete first (MedianPruner's n_startup_trials), then stumps, which must lose.
    const study = new Study({
      space,
      sampler: scripted((n) => (n < 5 ? good : stumps)),
      pruner: new MedianPruner(),
      direction: 'maximize',
    });
    await study.optimize(cv.objective, { nTrials: 8 });
    expect(study.trials.map((t) => t.state)).toEqual([
      ...Array<string>(5).fill('COMPLETE'),
      ...Array<string>(3).fill('PRUNED'),
    ]);
    const medianFold0 = study.trials
      .slice(0, 5)
      .map((t) => t.intermediate[0]!.value)
      .sort()[2]!;
    for (const pruned of study.trials.slice(5)) {
      expect(pruned.intermediate).toHaveLength(1); // stopped after fold 1 of 3
      expect(pruned.value!).toBeLessThan(medianFold0);
      expect(cv.trialCv(pruned.number)!.folds).toHaveLength(1);
    }
  });

  it('records a trial LightGBM refuses as FAIL and goes on with the study', async () => {
    using cv = new CvObjective(xorMatrix(), options);
    const study = new Study({
      space,
      sampler: scripted((n) => (n === 1 ? { ...good, bagging_fraction: 1.4 } : good)),
      pruner: new NopPruner(),
      direction: 'maximize',
    });
    await study.optimize(cv.objective, { nTrials: 3 });
    expect(study.trials.map((t) => t.state)).toEqual(['COMPLETE', 'FAIL', 'COMPLETE']);
    expect(study.trials[1]!.error).toMatch(/bagging_fraction/);
    expect(study.trials[1]!.value).toBeNull();
  });

  it('gives a trial that changes the binning its own dataset', async () => {
    const binned = defineSearchSpace([categoricalParam('max_bin', [3, 255])]);
    using cv = new CvObjective(xorMatrix(), options);
    const study = new Study({
      space: binned,
      sampler: scripted((n) => ({ max_bin: n === 0 ? 3 : 255 })),
      pruner: new NopPruner(),
      direction: 'maximize',
    });
    await study.optimize(cv.objective, { nTrials: 2 });
    // With the shared 255-bin dataset LightGBM would refuse max_bin 3; it runs, and bins differ.
    expect(study.trials.map((t) => t.state)).toEqual(['COMPLETE', 'COMPLETE']);
    expect(study.trials[0]!.value).not.toBe(study.trials[1]!.value);
  });
});
