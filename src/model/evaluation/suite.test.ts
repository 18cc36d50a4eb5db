import { describe, expect, it } from 'vitest';

import { bestThreshold, businessCost } from './cost.js';
import { brierScore, ksStatistic, logLoss, prAuc, rocAuc } from './metrics.js';
import { reliabilityTable } from './reliability.js';
import { metricSuite, suiteScalars } from './suite.js';
import { randomScores } from './test-data.js';

describe('metricSuite', () => {
  const { labels, scores } = randomScores(4000, 21, 0.1, 3);
  const costs = { fnCost: 10, fpCost: 1 };

  it('gives the same values as the single metrics, from one sort', () => {
    const suite = metricSuite(labels, scores, costs);
    expect(suite.rows).toBe(4000);
    expect(suite.prevalence).toBe(suite.positives / 4000);
    expect(suite.rocAuc).toBe(rocAuc(labels, scores));
    expect(suite.prAuc).toBe(prAuc(labels, scores));
    expect(suite.brier).toBe(brierScore(labels, scores));
    expect(suite.logLoss).toBe(logLoss(labels, scores));
    expect(suite.ks).toEqual(ksStatistic(labels, scores));
    expect(suite.reliability).toEqual(reliabilityTable(labels, scores));
    expect(suite.business).toEqual({ ...bestThreshold(labels, scores, costs), thresholdSource: 'optimal' });
    expect(suite.curves.roc.points.length).toBeLessThanOrEqual(200);
    expect(suite.curves.cost.best.threshold).toBe(suite.business.threshold);
  });

  it('costs a given threshold when one is passed', () => {
    const suite = metricSuite(
      labels,
      scores,
      { ...costs, threshold: 0.3 },
      { maxPoints: 20, reliabilityBins: 5 },
    );
    expect(suite.business).toEqual({ ...businessCost(labels, scores, 0.3, costs), thresholdSource: 'given' });
    expect(suite.curves.pr.points.length).toBeLessThanOrEqual(20);
    expect(suite.reliability).toHaveLength(5);
  });

  it('flattens to snake_case scalars for tracking', () => {
    const suite = metricSuite(labels, scores, costs);
    const flat = suiteScalars(suite);
    expect(flat).toMatchObject({
      roc_auc: suite.rocAuc,
      ks: suite.ks.statistic,
      threshold: suite.business.threshold,
    });
    expect(Object.values(flat).every((v) => typeof v === 'number')).toBe(true);
  });

  it('gives NaN ranking metrics and empty curves for one class, and throws on bad input', () => {
    const suite = metricSuite([0, 0, 0], [0.1, 0.2, 0.3], costs);
    expect(suite.rocAuc).toBeNaN();
    expect(suite.prAuc).toBeNaN();
    expect(suite.curves.roc.points).toEqual([]);
    expect(suite.business.cost).toBe(0);
    expect(suite.brier).toBeCloseTo((0.01 + 0.04 + 0.09) / 3, 15);
    expect(() => metricSuite([0, 1], [0.1, Number.NaN], costs)).toThrow(/row 1 is NaN/);
    expect(() => metricSuite([], [], costs)).toThrow(/no rows/);
  });

  it('handles the full Kaggle size', () => {
    const big = randomScores(307_511, 22, 0.0807, 6);
    const suite = metricSuite(big.labels, big.scores, costs);
    expect(suite.curves.roc.totalPoints).toBeGreaterThan(10_000);
    expect(suite.rocAuc).toBeGreaterThan(0.6);
    expect(suite.curves.cost.points.length).toBeLessThanOrEqual(200);
  });
});
