import { describe, expect, it } from 'vitest';

import { prCurve, rocCurve } from './curves.js';
import { prAuc, rocAuc } from './metrics.js';
import { nextUp } from './ranking.js';
import { bruteCounts, distinctDescending, randomScores } from './test-data.js';
import { thinIndices } from './thin.js';

describe('rocCurve', () => {
  it('lists every distinct threshold when small, from "flag nobody" to "flag everyone"', () => {
    const curve = rocCurve([0, 1, 0, 1], [0.1, 0.4, 0.35, 0.8]);
    expect(curve.points).toEqual([
      { threshold: nextUp(0.8), fpr: 0, tpr: 0 },
      { threshold: 0.8, fpr: 0, tpr: 0.5 },
      { threshold: 0.4, fpr: 0, tpr: 1 },
      { threshold: 0.35, fpr: 0.5, tpr: 1 },
      { threshold: 0.1, fpr: 1, tpr: 1 },
    ]);
    expect(curve.area).toBe(1);
    expect(curve.totalPoints).toBe(5);
  });

  it('thins a long curve to at most maxPoints, each point exact, the area from every threshold', () => {
    const { labels, scores } = randomScores(5000, 11, 0.1, 4);
    const curve = rocCurve(labels, scores, { maxPoints: 200 });
    expect(curve.totalPoints).toBeGreaterThan(1000);
    expect(curve.points.length).toBeLessThanOrEqual(200);
    expect(curve.points.length).toBeGreaterThan(100);
    expect(curve.area).toBe(rocAuc(labels, scores));
    expect(curve.points[0]).toMatchObject({ fpr: 0, tpr: 0 });
    expect(curve.points.at(-1)).toMatchObject({ fpr: 1, tpr: 1 });
    for (const p of curve.points.slice(1, 40)) {
      const c = bruteCounts(labels, scores, p.threshold);
      expect(p.tpr).toBe(c.tp / c.positives);
      expect(p.fpr).toBe(c.fp / c.negatives);
    }
    // Monotone in both coordinates.
    for (let i = 1; i < curve.points.length; i++) {
      expect(curve.points[i]!.fpr).toBeGreaterThanOrEqual(curve.points[i - 1]!.fpr);
      expect(curve.points[i]!.tpr).toBeGreaterThanOrEqual(curve.points[i - 1]!.tpr);
      expect(curve.points[i]!.threshold).toBeLessThan(curve.points[i - 1]!.threshold);
    }
  });

  it('is empty with a NaN area for one class', () => {
    const curve = rocCurve([1, 1], [0.2, 0.3]);
    expect(curve.points).toEqual([]);
    expect(curve.area).toBeNaN();
  });
});

describe('prCurve', () => {
  it("starts at recall 0, precision 1 and gives sklearn's precision at each threshold", () => {
    const labels = [0, 0, 1, 1];
    const scores = [0.1, 0.4, 0.35, 0.8];
    const curve = prCurve(labels, scores);
    // sklearn precision_recall_curve, read from high thresholds to low.
    expect(curve.points.map((p) => [p.recall, p.precision])).toEqual([
      [0, 1],
      [0.5, 1],
      [0.5, 0.5],
      [1, 2 / 3],
      [1, 0.5],
    ]);
    expect(curve.area).toBeCloseTo(0.8333333333333333, 15);
  });

  it('thins but keeps exact points and the exact area', () => {
    const { labels, scores } = randomScores(3000, 12, 0.08, 4);
    const curve = prCurve(labels, scores, { maxPoints: 50 });
    expect(curve.points.length).toBeLessThanOrEqual(50);
    expect(curve.area).toBe(prAuc(labels, scores));
    const thresholds = new Set(distinctDescending(scores));
    for (const p of curve.points.slice(1)) {
      expect(thresholds.has(p.threshold)).toBe(true);
      const c = bruteCounts(labels, scores, p.threshold);
      expect(p.precision).toBe(c.tp / (c.tp + c.fp));
    }
  });
});

describe('thinIndices', () => {
  it('keeps the ends and requested indices within the budget', () => {
    const n = 10_000;
    const kept = thinIndices(
      n,
      (i) => i,
      (i) => Math.sin(i / 500),
      30,
      [4321],
    );
    expect(kept.length).toBeLessThanOrEqual(30);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(n - 1);
    expect(kept).toContain(4321);
    expect([...kept].sort((a, b) => a - b)).toEqual(kept);
  });

  it('keeps only the ends of a curve of length zero', () => {
    expect(
      thinIndices(
        500,
        () => 1,
        () => 2,
        10,
      ),
    ).toEqual([0, 499]);
  });
});
