/**
 * Native memory across LightGBM train/predict cycles: every handle must be freed.
 *
 *   npx tsc -p tsconfig.json && node --expose-gc dist/bench/lightgbm-leak.js [cycles] [--gc-only]
 *
 * Each cycle (1,000 by default) builds a training and a validation Dataset (2,000 x 10),
 * trains 5 iterations, predicts a batch and a single row (probability and SHAP), saves the
 * model to a string and reloads it, then frees everything. RSS is printed at start, after a
 * 10-cycle warm-up, after 100, every 1,000 and after the last cycle. glibc grows its malloc
 * arenas (one per OpenMP thread) over the first ~1,000 cycles, then RSS is flat; with
 * MALLOC_ARENA_MAX=1 it is flat from the start. With --gc-only nothing is freed
 * explicitly, to show the FinalizationRegistry safety net reclaiming dropped handles.
 */
import { Booster, train } from '../src/model/index.js';
import { datasetOf, makeTask, sliceTask } from '../src/model/lightgbm/test-utils.js';

const args = process.argv.slice(2);
const cycles = Number(args.find((a) => /^\d+$/.test(a)) ?? 1000);
const gcOnly = args.includes('--gc-only');
const gc = (globalThis as { gc?: () => void }).gc;

const task = makeTask(2500, 10, 1);
const fit = sliceTask(task, 0, 2000);
const holdout = sliceTask(task, 2000, 2500);
const row = sliceTask(task, 0, 1).matrix;
const names = Array.from({ length: 10 }, (_, i) => `feature_${i}`);
const params = { objective: 'binary', metric: 'auc', num_leaves: 15, num_threads: 1 };

function cycle(): number {
  const trainSet = datasetOf(fit, { featureNames: names });
  const validSet = datasetOf(holdout, { reference: trainSet });
  const { booster } = train(params, trainSet, { valid: [validSet], numBoostRound: 5 });
  let checksum = booster.predict(holdout.matrix)[0]!;
  checksum += booster.predict(row)[0]! + booster.predict(row, { kind: 'contrib' })[0]!;
  checksum += booster.featureImportance('gain')[0]! + booster.featureNames.length;
  const loaded = Booster.fromString(booster.modelToString());
  checksum += loaded.predict(row, { kind: 'contrib' })[0]!;
  if (!gcOnly) {
    loaded.free();
    booster.free();
    validSet.free();
    trainSet.free();
  }
  return checksum;
}

function rssMb(): number {
  gc?.();
  return process.memoryUsage().rss / 2 ** 20;
}

const mb = (value: number): string => `${value.toFixed(1)} MB`;
if (gc === undefined) console.log('note: run with --expose-gc for steadier figures');
console.log(`${cycles} cycles, ${gcOnly ? 'handles left to the garbage collector' : 'explicit free()'}`);
const start = rssMb();
console.log(`RSS at start:           ${mb(start)}`);
let checksum = 0;
const started = performance.now();
const marks = new Map<number, number>();
for (let i = 1; i <= cycles; i++) {
  checksum += cycle();
  if (i === 10 || i === 100 || i % 1000 === 0 || i === cycles) marks.set(i, rssMb());
  // Finalizers run as tasks after a collection: a loop that never yields would never see them.
  if (gcOnly && i % 50 === 0) {
    gc?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
}
const elapsed = (performance.now() - started) / 1000;
for (const [i, rss] of marks) console.log(`RSS after ${String(i).padEnd(5)} cycles: ${mb(rss)}`);
const after100 = marks.get(100);
const last = marks.get(cycles)!;
if (after100 !== undefined && cycles > 100) {
  const perCycle = ((last - after100) * 1024) / (cycles - 100);
  console.log(`growth 100 -> ${cycles}: ${mb(last - after100)} (${perCycle.toFixed(2)} KB per cycle)`);
}
const memory = process.memoryUsage();
console.log(`JS heap ${mb(memory.heapUsed / 2 ** 20)}, external ${mb(memory.external / 2 ** 20)}`);
console.log(`${((elapsed / cycles) * 1000).toFixed(1)} ms per cycle; checksum ${checksum.toFixed(3)}`);
