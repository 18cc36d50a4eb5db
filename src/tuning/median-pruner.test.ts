import { describe, expect, it } from 'vitest';

import { MedianPruner, PercentilePruner } from './median-pruner.js';
import { frozen, steps } from './trial-fixtures.js';
import type { Direction, FrozenTrial } from './trial-record.js';

/** Five completed trials whose values at steps 0..2 are (k, k, k) for k = 1..5: median 3 at every step. */
const completed: FrozenTrial[] = [1, 2, 3, 4, 5].map((k, i) => frozen(i, 'COMPLETE', {}, k, steps(k, k, k)));
const view = (direction: Direction, trials = completed) => ({ direction, trials });
const running = (...values: number[]) => ({ number: 99, intermediate: steps(...values) });

describe('MedianPruner (tpe.md §4.1)', () => {
  it('has Optuna defaults', () => {
    const p = new MedianPruner();
    expect([p.nStartupTrials, p.nWarmupSteps, p.intervalSteps, p.nMinTrials, p.percentile]).toEqual([
      5, 0, 1, 1, 50,
    ]);
  });

  it('prunes a trial whose best so far is worse than the median at the same step', () => {
    const p = new MedianPruner();
    expect(p.shouldPrune(running(4), view('minimize'))).toBe(true);
    expect(p.shouldPrune(running(3), view('minimize'))).toBe(false); // equal to the median: kept
    // Best-so-far, not the latest value: 2 at step 0 keeps the trial alive at step 1.
    expect(p.shouldPrune(running(2, 4), view('minimize'))).toBe(false);
    expect(p.shouldPrune(running(2), view('maximize'))).toBe(true);
    expect(p.shouldPrune(running(4), view('maximize'))).toBe(false);
  });

  it('waits for n_startup_trials COMPLETE trials and the warm-up steps', () => {
    expect(new MedianPruner().shouldPrune(running(100), view('minimize', completed.slice(0, 4)))).toBe(false);
    const pruned = completed.map((t) => ({ ...t, state: 'PRUNED' as const }));
    expect(new MedianPruner().shouldPrune(running(100), view('minimize', pruned))).toBe(false);
    const warm = new MedianPruner({ nWarmupSteps: 2 });
    expect(warm.shouldPrune(running(100, 100), view('minimize'))).toBe(false);
    expect(warm.shouldPrune(running(100, 100, 100), view('minimize'))).toBe(true);
    expect(new MedianPruner().shouldPrune({ number: 1, intermediate: [] }, view('minimize'))).toBe(false);
  });

  it('checks only the first report of each interval', () => {
    const p = new MedianPruner({ intervalSteps: 2 });
    const at = (...pairs: [number, number][]) => ({
      number: 1,
      intermediate: pairs.map(([step, value]) => ({ step, value })),
    });
    expect(p.shouldPrune(at([0, 100]), view('minimize'))).toBe(true); // step 0 opens interval [0, 2)
    expect(p.shouldPrune(at([0, 100], [1, 100]), view('minimize'))).toBe(false); // same interval, already checked
    expect(p.shouldPrune(at([0, 100], [1, 100], [2, 100]), view('minimize'))).toBe(true);
    expect(p.shouldPrune(at([1, 100]), view('minimize'))).toBe(true); // first report in [0, 2)
  });

  it('prunes an all-NaN trial and needs n_min_trials values at the step', () => {
    expect(new MedianPruner().shouldPrune(running(NaN), view('minimize'))).toBe(true);
    expect(new MedianPruner().shouldPrune(running(1, 1, 1, 100), view('minimize'))).toBe(false); // nobody reported step 3
    const strict = new MedianPruner({ nMinTrials: 6 });
    expect(strict.shouldPrune(running(100), view('minimize'))).toBe(false);
  });

  it('mirrors the percentile when maximising', () => {
    // 25th percentile for minimise = 2; for maximise the 75th = 4.
    const p = new PercentilePruner(25);
    expect(p.shouldPrune(running(2.5), view('minimize'))).toBe(true);
    expect(p.shouldPrune(running(3.5), view('maximize'))).toBe(true);
    expect(p.shouldPrune(running(4), view('maximize'))).toBe(false);
  });
});
