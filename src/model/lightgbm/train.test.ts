import { describe, expect, it } from 'vitest';
import { rocAuc } from '../metrics.js';
import { Booster } from './booster.js';
import { datasetOf, makeTask, sliceTask, TEST_PARAMS } from './test-utils.js';
import { train, type IterationEvent } from './train.js';

describe('train', () => {
  it('learns a known signal: held-out AUC well above chance', () => {
    const task = makeTask(5000, 10, 1);
    const fit = sliceTask(task, 0, 4000);
    const test = sliceTask(task, 4000, 5000);
    using dataset = datasetOf(fit);
    using booster = train(TEST_PARAMS, dataset, { numBoostRound: 60 }).booster;
    const probabilities = booster.predict(test.matrix);
    expect(probabilities).toHaveLength(1000);
    expect(probabilities.every((p) => p > 0 && p < 1)).toBe(true);
    expect(rocAuc(test.label, probabilities)).toBeGreaterThan(0.75);
    // The two informative columns carry most of the gain.
    const gain = booster.featureImportance('gain');
    const total = gain.reduce((a, b) => a + b, 0);
    expect((gain[0]! + gain[1]!) / total).toBeGreaterThan(0.6);
    const splits = booster.featureImportance('split');
    expect(splits.every((s) => Number.isInteger(s))).toBe(true);
    expect(splits.reduce((a, b) => a + b, 0)).toBeGreaterThan(60);
  });

  it('reports validation metrics per iteration and stops early on a noisy task, predicting with the best iteration', () => {
    // One signal column among 20 in a small sample: validation loss soon rises as trees fit noise.
    const task = makeTask(1600, 20, 2, (row) => row[0]!);
    using trainSet = datasetOf(sliceTask(task, 0, 800));
    using validSet = datasetOf(sliceTask(task, 800, 1600), { reference: trainSet });
    const events: IterationEvent[] = [];
    const result = train(
      {
        ...TEST_PARAMS,
        metric: ['binary_logloss', 'auc'],
        learning_rate: 0.05,
        num_leaves: 31,
        min_data_in_leaf: 10,
      },
      trainSet,
      {
        valid: [validSet],
        numBoostRound: 500,
        earlyStoppingRounds: 10,
        onIteration: (event) => events.push(event),
      },
    );
    using booster = result.booster;
    expect(booster.evalNames()).toEqual(['binary_logloss', 'auc']);
    expect(events[0]!.valid[0]!.map((e) => [e.name, e.higherIsBetter])).toEqual([
      ['binary_logloss', false],
      ['auc', true],
    ]);
    expect(result.stoppedEarly).toBe(true);
    expect(booster.currentIteration).toBeLessThan(500);
    expect(result.bestIteration).toBeGreaterThan(5);
    expect(booster.currentIteration).toBe(result.bestIteration + 10);
    expect(booster.bestIteration).toBe(result.bestIteration);
    const losses = events.map((e) => e.valid[0]![0]!.value);
    expect(result.bestScore?.[0]?.value).toBe(Math.min(...losses));

    const holdout = sliceTask(task, 800, 1600).matrix;
    const byDefault = booster.predict(holdout);
    expect(byDefault).toEqual(booster.predict(holdout, { numIteration: result.bestIteration }));
    expect(byDefault).not.toEqual(booster.predict(holdout, { numIteration: -1 }));
    // The saved model keeps the best iteration's trees only.
    expect(booster.modelToString().match(/^Tree=/gm)).toHaveLength(result.bestIteration);
  });

  it('gives training metrics when asked and refuses early stopping without validation', () => {
    const task = makeTask(500, 4, 3);
    using dataset = datasetOf(task);
    const result = train({ ...TEST_PARAMS, is_provide_training_metric: true }, dataset, { numBoostRound: 3 });
    using booster = result.booster;
    expect(booster.currentIteration).toBe(3);
    expect(result.history).toHaveLength(3);
    expect(result.history[2]!.training[0]!.name).toBe('binary_logloss');
    expect(result.history[2]!.training[0]!.value).toBeLessThan(result.history[0]!.training[0]!.value);
    expect(result.bestIteration).toBe(3);
    expect(() => train(TEST_PARAMS, dataset, { earlyStoppingRounds: 5 })).toThrow(/validation set/);
  });

  it('lets weights change the model: per-row weights, is_unbalance, scale_pos_weight', () => {
    const task = makeTask(2000, 5, 4, (row) => row[0]! - 2);
    const meanPrediction = (booster: Booster): number => {
      const p = booster.predict(task.matrix);
      booster.free();
      return p.reduce((a, b) => a + b, 0) / p.length;
    };
    const trainWith = (params = TEST_PARAMS, weight?: Float32Array): Booster => {
      using dataset = datasetOf(task, weight === undefined ? {} : { weight });
      return train(params, dataset, { numBoostRound: 20 }).booster;
    };
    const plain = meanPrediction(trainWith());
    const positivesWeighted = task.label.map((y) => (y === 1 ? 5 : 1));
    expect(meanPrediction(trainWith(TEST_PARAMS, positivesWeighted))).toBeGreaterThan(plain + 0.1);
    expect(meanPrediction(trainWith({ ...TEST_PARAMS, is_unbalance: true }))).toBeGreaterThan(plain + 0.1);
    expect(meanPrediction(trainWith({ ...TEST_PARAMS, scale_pos_weight: 5 }))).toBeGreaterThan(plain + 0.1);
  });
});
