import { describe, expect, it } from 'vitest';

import { frozen, steps } from './trial-fixtures.js';
import { splitTrials } from './trial-split.js';

const numbers = (ts: readonly { number: number }[]): number[] => ts.map((t) => t.number);

describe('splitTrials (tpe.md §2.2 step 4)', () => {
  const complete = [
    frozen(0, 'COMPLETE', {}, 5),
    frozen(1, 'COMPLETE', {}, 1),
    frozen(2, 'COMPLETE', {}, 3),
    frozen(3, 'COMPLETE', {}, 2),
  ];

  it('puts the best COMPLETE trials below, both groups in trial-number order', () => {
    const min = splitTrials(complete, 2, 'minimize');
    expect(numbers(min.below)).toEqual([1, 3]);
    expect(numbers(min.above)).toEqual([0, 2]);
    const max = splitTrials(complete, 2, 'maximize');
    expect(numbers(max.below)).toEqual([0, 2]);
  });

  it('fills from PRUNED trials by furthest step, then value at that step; NaN worst, none last', () => {
    const trials = [
      frozen(0, 'COMPLETE', {}, 1),
      frozen(1, 'PRUNED', {}, null, steps(0.9, 0.8)), // last step 1, value 0.8
      frozen(2, 'PRUNED', {}, null, steps(0.5)), // last step 0
      frozen(3, 'PRUNED', {}, null, steps(0.9, 0.7)), // last step 1, value 0.7: best pruned
      frozen(4, 'PRUNED', {}, null, []), // no intermediates: rank (1, 0)
      frozen(5, 'PRUNED', {}, null, steps(0.1, NaN)), // step 1 but NaN: worst among step 1
    ];
    expect(numbers(splitTrials(trials, 3, 'minimize').below)).toEqual([0, 1, 3]);
    expect(numbers(splitTrials(trials, 4, 'minimize').below)).toEqual([0, 1, 3, 5]);
    expect(numbers(splitTrials(trials, 5, 'minimize').below)).toEqual([0, 1, 2, 3, 5]);
    // Maximising, 0.8 beats 0.7 at step 1.
    expect(numbers(splitTrials(trials, 2, 'maximize').below)).toEqual([0, 1]);
  });
});
