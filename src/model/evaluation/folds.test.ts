import { describe, expect, it } from 'vitest';

import { foldSpread, splitFold, stratifiedKFold } from './folds.js';
import { randomScores } from './test-data.js';

describe('stratifiedKFold', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const { labels } = randomScores(1000, 1, 0.08);
    expect(stratifiedKFold(labels, 5, 42)).toEqual(stratifiedKFold(labels, 5, 42));
    expect(stratifiedKFold(labels, 5, 42)).not.toEqual(stratifiedKFold(labels, 5, 43));
  });

  it('keeps each fold within one row of the overall positive rate, sizes within one row', () => {
    for (const [n, k, prevalence, seed] of [
      [1000, 5, 0.08, 1],
      [997, 7, 0.3, 2],
      [61, 3, 0.5, 3],
      [12_345, 10, 0.0807, 4],
      [50, 4, 0.3, 5],
    ] as const) {
      const { labels } = randomScores(n, seed, prevalence);
      const folds = stratifiedKFold(labels, k, seed);
      const positives = labels.reduce((s, y) => s + y, 0);
      const rate = positives / n;
      const size = new Array<number>(k).fill(0);
      const pos = new Array<number>(k).fill(0);
      folds.forEach((f, i) => {
        size[f]!++;
        pos[f]! += labels[i]!;
      });
      expect(Math.max(...size) - Math.min(...size)).toBeLessThanOrEqual(1);
      for (let f = 0; f < k; f++) expect(Math.abs(pos[f]! - size[f]! * rate)).toBeLessThan(1);
    }
  });

  it('needs k >= 2 and k rows of each class', () => {
    expect(() => stratifiedKFold([0, 1, 0, 1], 1, 0)).toThrow(/k is 1/);
    expect(() => stratifiedKFold([0, 0, 0, 1, 1], 3, 0)).toThrow(/each class needs at least 3 rows/);
    expect(() => stratifiedKFold([0, 0.5], 2, 0)).toThrow(/labels must be 0 or 1/);
  });
});

describe('splitFold', () => {
  it('partitions the rows into held-out and training indices', () => {
    const { train, test } = splitFold([0, 1, 2, 1, 0], 1);
    expect(Array.from(test)).toEqual([1, 3]);
    expect(Array.from(train)).toEqual([0, 2, 4]);
    expect(() => splitFold([0, 1], 2)).toThrow(/no row is in fold 2/);
  });
});

describe('foldSpread', () => {
  it('gives mean, sample standard deviation, min and max', () => {
    const s = foldSpread([0.7, 0.8, 0.9]);
    expect(s.mean).toBeCloseTo(0.8, 15);
    expect(s.std).toBeCloseTo(0.1, 15);
    expect([s.min, s.max, s.count]).toEqual([0.7, 0.9, 3]);
    expect(foldSpread([0.5]).std).toBe(0);
  });

  it('is NaN throughout when a fold value is NaN, and refuses no values', () => {
    expect(foldSpread([0.5, Number.NaN]).mean).toBeNaN();
    expect(() => foldSpread([])).toThrow(/no values/);
  });
});
