import { describe, expect, it } from 'vitest';

import { Rng } from '../../core/rng.js';
import { bestThreshold, businessCost, confusion, costCurve, costOfConfusion, DEFAULT_COSTS } from './cost.js';
import { nextUp } from './ranking.js';
import { bruteCounts, distinctDescending, randomScores } from './test-data.js';

/** Cost at every candidate threshold by a full pass each: O(n x thresholds). */
function bruteBest(labels: ArrayLike<number>, p: ArrayLike<number>, fnCost: number, fpCost: number) {
  const candidates = [nextUp(Math.max(...Array.from(p))), ...distinctDescending(p)];
  let best = { threshold: NaN, cost: Infinity };
  for (const t of candidates) {
    const c = bruteCounts(labels, p, t);
    const cost = fnCost * (c.positives - c.tp) + fpCost * c.fp;
    if (cost < best.cost) best = { threshold: t, cost }; // first = highest threshold on ties
  }
  return best;
}

describe('confusion and businessCost', () => {
  it('refuses at p >= threshold; positive = default; FN = defaulter accepted, FP = good client refused', () => {
    const labels = [1, 1, 0, 0, 1, 0];
    const p = [0.9, 0.2, 0.5, 0.1, 0.5, 0.49];
    expect(confusion(labels, p, 0.5)).toEqual({ tp: 2, fp: 1, tn: 2, fn: 1 });
    const cost = businessCost(labels, p, 0.5, { fnCost: 10, fpCost: 1 });
    expect(cost.cost).toBe(11);
    expect(cost.costPerApplication).toBeCloseTo(11 / 6, 15);
    expect(cost.refusalRate).toBe(0.5);
    expect(costOfConfusion({ tp: 0, fp: 3, tn: 0, fn: 2 }, { fnCost: 5, fpCost: 2 })).toEqual({
      cost: 16,
      costPerApplication: 16 / 5,
    });
  });

  it('refuses bad thresholds and costs', () => {
    expect(() => confusion([0, 1], [0.1, 0.2], Number.NaN)).toThrow(/threshold is NaN/);
    expect(() => costCurve([0, 1], [0.1, 0.2], { fnCost: -1, fpCost: 1 })).toThrow(/fnCost is -1/);
    expect(() => bestThreshold([0, 1], [0.1], DEFAULT_COSTS)).toThrow(/2 labels but 1 probabilities/);
  });
});

describe('costCurve and bestThreshold', () => {
  it('finds the same minimum as a brute force over every threshold', () => {
    for (const [seed, fnCost, fpCost] of [
      [1, 10, 1],
      [2, 3, 2],
      [3, 1, 5],
      [4, 10.5, 0.7],
    ] as const) {
      const { labels, scores } = randomScores(600, seed, 0.12, 2);
      const best = bestThreshold(labels, scores, { fnCost, fpCost });
      const brute = bruteBest(labels, scores, fnCost, fpCost);
      expect(best.threshold).toBe(brute.threshold);
      expect(best.cost).toBeCloseTo(brute.cost, 9);
      expect(best.cost).toBeCloseTo(businessCost(labels, scores, best.threshold, { fnCost, fpCost }).cost, 9);
    }
  });

  it('breaks ties toward the threshold that accepts more clients', () => {
    // Refusing nobody costs 10 (the defaulter accepted), refusing p >= 0.6 costs 20 (ten good clients
    // refused, the defaulter accepted), refusing everyone costs 10 (ten good clients refused).
    // The tie between nobody and everyone goes to the higher threshold: nobody refused.
    const labels = [1, ...Array<number>(10).fill(0)];
    const p = [0.5, ...Array<number>(10).fill(0.6)];
    const best = bestThreshold(labels, p, { fnCost: 10, fpCost: 1 });
    expect(best.cost).toBe(10);
    expect(best.threshold).toBe(nextUp(0.6));
    expect(best.refusalRate).toBe(0);
  });

  it('can refuse nobody or everybody', () => {
    expect(bestThreshold([0, 0, 1], [0.1, 0.2, 0.3], { fnCost: 0, fpCost: 1 }).confusion.tp).toBe(0);
    const all = bestThreshold([1, 1, 0], [0.1, 0.2, 0.3], { fnCost: 10, fpCost: 1 });
    expect(all.threshold).toBe(0.1);
    expect(all.confusion).toEqual({ tp: 2, fp: 1, tn: 0, fn: 0 });
  });

  it('thins the stored curve, keeping the best point', () => {
    const { labels, scores } = randomScores(20_000, 8, 0.08, 4);
    const curve = costCurve(labels, scores, DEFAULT_COSTS, { maxPoints: 100 });
    expect(curve.points.length).toBeLessThanOrEqual(100);
    expect(curve.totalPoints).toBeGreaterThan(1000);
    expect(curve.points.some((pt) => pt.threshold === curve.best.threshold)).toBe(true);
    for (const pt of curve.points) expect(pt.cost).toBeGreaterThanOrEqual(curve.best.cost);
    const at = curve.points[Math.floor(curve.points.length / 2)]!;
    expect(at.cost).toBe(businessCost(labels, scores, at.threshold).cost);
  });

  it('puts the optimum near fpCost / (fpCost + fnCost) = 1/11 for calibrated probabilities', () => {
    // Labels drawn from the probabilities themselves, so they are calibrated by construction.
    const rng = new Rng(2024);
    const n = 200_000;
    const p = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      p[i] = 1 / (1 + Math.exp(-rng.normal(-2.5, 1.2)));
      y[i] = rng.chance(p[i]!) ? 1 : 0;
    }
    const best = bestThreshold(y, p, { fnCost: 10, fpCost: 1 });
    expect(Math.abs(best.threshold - 1 / 11)).toBeLessThan(0.015);
  });
});
