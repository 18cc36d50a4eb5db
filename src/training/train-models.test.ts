import { describe, expect, it } from 'vitest';

import { Rng } from '../core/index.js';
import type { FeatureMatrix } from '../features/index.js';
import { rocAuc } from '../model/index.js';
import { foldSplits, matrixRows } from './folds.js';
import { trainModels } from './train-models.js';

/** rows x 4 columns: two informative, one noise, one categorical code with an effect. */
function syntheticMatrix(rows: number, seed: number): FeatureMatrix {
  const rng = new Rng(seed);
  const ncol = 4;
  const data = new Float32Array(rows * ncol);
  const labels = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    const x = [rng.normal(), rng.normal(), rng.normal(), rng.int(0, 3)];
    data.set(x, r * ncol);
    const logit = -2.5 + 1.2 * x[0]! - 0.8 * x[1]! + (x[3] === 2 ? 1 : 0);
    labels[r] = rng.chance(1 / (1 + Math.exp(-logit))) ? 1 : 0;
  }
  return {
    version: 'test',
    columns: ['A', 'B', 'NOISE', 'CODE'],
    categorical: [3],
    nrow: rows,
    ncol,
    data,
    labels,
    ids: Float64Array.from({ length: rows }, (_, i) => 100000 + i),
  };
}

const FAST = { params: { num_threads: 1, learning_rate: 0.1 }, numBoostRound: 60, earlyStoppingRounds: 10 };

describe('foldSplits', () => {
  it('partitions the rows: each row is validated once and trained on in every other fold', () => {
    const folds = [0, 1, 2, 0, 1, 2, 2, 0];
    const splits = foldSplits(folds, 3);
    for (const split of splits) {
      expect([...split.train, ...split.valid].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect([...split.valid].every((row) => folds[row] === split.fold)).toBe(true);
    }
    expect(matrixRows({ data: Float32Array.of(1, 2, 3, 4, 5, 6), ncol: 2 }, Int32Array.of(2, 0))).toEqual(
      Float32Array.of(5, 6, 1, 2),
    );
  });
});

describe('trainModels', () => {
  it('cross-validates both class weightings, calibrates, and sets the cost-minimising threshold', async () => {
    const matrix = syntheticMatrix(3000, 5);
    const outcome = await trainModels(matrix, {
      models: ['lightgbm'],
      costs: { fnCost: 10, fpCost: 1 },
      ...FAST,
    });
    try {
      expect(outcome.comparison.map((c) => c.name).sort()).toEqual(['lightgbm', 'lightgbm (class weights)']);
      const final = outcome.final!;
      const { oof, calibrated, summary } = final.assessment;
      expect(oof.every((p) => p > 0 && p < 1)).toBe(true);
      expect(summary.metrics.rocAuc).toBeCloseTo(rocAuc(matrix.labels, oof), 12);
      expect(summary.metrics.rocAuc).toBeGreaterThan(0.7);
      // Calibrated probabilities average to the default rate, as calibrated ones must.
      const mean = calibrated.reduce((s, p) => s + p, 0) / calibrated.length;
      expect(mean).toBeCloseTo(outcome.defaults / outcome.rows, 2);
      // The threshold is the brute-force minimum of FN x 10 + FP over every candidate.
      const cost = (t: number): number => {
        let total = 0;
        calibrated.forEach((p, i) => {
          if (p >= t && matrix.labels[i] === 0) total += 1;
          if (p < t && matrix.labels[i] === 1) total += 10;
        });
        return total;
      };
      const brute = Math.min(...[...new Set(calibrated), 1.01].map(cost));
      expect(cost(summary.threshold)).toBe(brute);
      expect(summary.metrics.cost).toBe(brute);
      // The final model uses the folds' mean best iteration.
      const mean_best = final.folds.reduce((s, f) => s + f.bestIteration, 0) / final.folds.length;
      expect(final.rounds).toBe(Math.max(1, Math.round(mean_best)));
      expect(final.booster.currentIteration).toBe(final.rounds);
    } finally {
      outcome.final?.booster.free();
    }
  });

  it('refuses rows without a 0/1 TARGET and classes too small for the folds', async () => {
    const matrix = syntheticMatrix(200, 6);
    const withTest = { ...matrix, labels: matrix.labels.map((v, i) => (i === 7 ? Number.NaN : v)) };
    await expect(trainModels(withTest, { costs: { fnCost: 10, fpCost: 1 } })).rejects.toThrow(
      /TARGET 0 or 1; found NaN/,
    );
    const fewDefaults = { ...matrix, labels: matrix.labels.map((_, i) => (i < 3 ? 1 : 0)) };
    await expect(trainModels(fewDefaults, { costs: { fnCost: 10, fpCost: 1 } })).rejects.toThrow(
      /at least 5 defaults and 5 repaid loans; the training rows have 3 and 197/,
    );
  });
});
