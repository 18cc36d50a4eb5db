import { describe, expect, it } from 'vitest';

import { ClairscoreError } from '../../core/errors.js';
import { brierScore, ksStatistic, logLoss, prAuc, rocAuc } from './metrics.js';
import {
  bruteAuc,
  bruteAveragePrecision,
  bruteCounts,
  distinctDescending,
  randomScores,
  sklearnFixture,
} from './test-data.js';

describe('rocAuc', () => {
  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])).toBe(1);
    expect(rocAuc([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9])).toBe(0);
  });

  it('counts ties as half, so constant scores give 0.5', () => {
    expect(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
    // Pairs (pos, neg): (0.8 > 0.1), (0.8 > 0.4), (0.4 = 0.4) -> half, (0.4 > 0.1) -> 3.5 / 4.
    expect(rocAuc([1, 1, 0, 0], [0.8, 0.4, 0.4, 0.1])).toBe(0.875);
  });

  it('equals the O(n^2) pair count on random data with many ties, and accepts raw scores', () => {
    for (const seed of [1, 2, 3]) {
      const { labels, scores } = randomScores(400, seed, 0.2, 1 + seed);
      expect(rocAuc(labels, scores)).toBeCloseTo(bruteAuc(labels, scores), 12);
      const margins = scores.map((p) => 10 * p - 5);
      expect(rocAuc(labels, margins)).toBeCloseTo(bruteAuc(labels, scores), 12);
    }
  });

  it('is NaN with a single class', () => {
    expect(rocAuc([1, 1], [0.2, 0.3])).toBeNaN();
  });
});

describe('prAuc (average precision)', () => {
  it("matches sklearn's average_precision_score", () => {
    // sklearn's documented example, and the 60-row fixture (sklearn 1.2.1).
    expect(prAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.8333333333333333, 14);
    const f = sklearnFixture();
    expect(prAuc(f.labels, f.scores)).toBeCloseTo(0.8845839318517623, 14);
    expect(
      prAuc([1, 0, 1, 0, 1, 1, 0, 0, 1, 0], [0.9, 0.9, 0.5, 0.3, 0.3, 0.1, 0.7, 0.2, 0.6, 0.05]),
    ).toBeCloseTo(0.5453968253968253, 14);
  });

  it('equals the definition computed threshold by threshold on random data', () => {
    for (const seed of [4, 5]) {
      const { labels, scores } = randomScores(300, seed, 0.15, 2);
      expect(prAuc(labels, scores)).toBeCloseTo(bruteAveragePrecision(labels, scores), 12);
    }
  });

  it('is NaN without positives and 1 when every label is positive', () => {
    expect(prAuc([0, 0], [0.1, 0.2])).toBeNaN();
    expect(prAuc([1, 1], [0.1, 0.2])).toBe(1);
  });
});

describe('ksStatistic', () => {
  it('is the largest |TPR - FPR| over thresholds, with the threshold', () => {
    const f = sklearnFixture();
    const ks = ksStatistic(f.labels, f.scores);
    expect(ks.statistic).toBeCloseTo(0.5717463848720801, 14); // sklearn roc_curve, max |tpr - fpr|
    expect(ks.threshold).toBe(0.6);
    const { labels, scores } = randomScores(500, 6);
    let best = 0;
    for (const t of distinctDescending(scores)) {
      const c = bruteCounts(labels, scores, t);
      best = Math.max(best, Math.abs(c.tp / c.positives - c.fp / c.negatives));
    }
    const fast = ksStatistic(labels, scores);
    expect(fast.statistic).toBeCloseTo(best, 12);
    const at = bruteCounts(labels, scores, fast.threshold);
    expect(Math.abs(at.tp / at.positives - at.fp / at.negatives)).toBeCloseTo(best, 12);
  });

  it('is 1 for separated classes and NaN for one class', () => {
    expect(ksStatistic([0, 0, 1, 1], [0.1, 0.2, 0.7, 0.8])).toEqual({ statistic: 1, threshold: 0.7 });
    expect(ksStatistic([0, 0], [0.1, 0.2]).statistic).toBeNaN();
  });
});

describe('brierScore and logLoss', () => {
  it('match sklearn, clipping confident mistakes at machine epsilon', () => {
    const p = [0.0, 1.0, 0.2, 0.7, 0.999];
    const y = [1, 1, 0, 0, 1];
    expect(brierScore(y, p)).toBeCloseTo(0.3060002, 14);
    expect(logLoss(y, p)).toBeCloseTo(7.494354049018176, 12);
    const f = sklearnFixture();
    expect(logLoss(f.labels, f.scores)).toBeCloseTo(0.4535808812419214, 13);
    expect(brierScore(f.labels, f.scores)).toBeCloseTo(0.15041666666666667, 14);
  });

  it('are defined with one class', () => {
    expect(brierScore([0, 0], [0.1, 0.3])).toBeCloseTo(0.05, 15);
    expect(logLoss([0, 0], [0.5, 0.5])).toBeCloseTo(Math.LN2, 15);
  });
});

describe('bad input', () => {
  const expectCode = (fn: () => unknown, pattern: RegExp): void => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(ClairscoreError);
      expect((error as ClairscoreError).code).toBe('CS_ERR_EVALUATION_INPUT');
      expect((error as Error).message).toMatch(pattern);
      return;
    }
    throw new Error('expected an error');
  };

  it('refuses length mismatch, empty input, NaN, out-of-range probabilities and non-0/1 labels', () => {
    expectCode(() => rocAuc([0, 1], [0.5]), /2 labels but 1 scores/);
    expectCode(() => prAuc([], []), /no rows/);
    expectCode(() => rocAuc([0, 1], [0.5, Number.NaN]), /row 1 is NaN/);
    expectCode(() => ksStatistic([0, 1], [Infinity, 0.5]), /row 0 is Infinity/);
    expectCode(() => logLoss([0, 1], [0.5, Number.NaN]), /row 1 is NaN/);
    expectCode(() => brierScore([0, 1], [0.5, 1.5]), /must be in \[0, 1\]/);
    expectCode(() => brierScore([0, 2], [0.5, 0.5]), /label at row 1 is 2/);
  });
});
