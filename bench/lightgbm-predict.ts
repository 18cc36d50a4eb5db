/**
 * LightGBM training time, batch prediction throughput, single-row latency and model loading.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/lightgbm-predict.js [rows] [cols] [rounds]
 *
 * Trains on synthetic rows (50,000 x 200 and 500 rounds by default; label from a logistic of
 * ten columns, 5% missing values) with the default thread count, then prints:
 * - batch throughput (rows/s) for probabilities and SHAP contributions;
 * - single-row latency p50/p95 for a probability, SHAP values, and both (one API request),
 *   against the baseline of the per-row cost inside a batch of 1,000;
 * - model loading time from text, as we load it (tree_sizes dropped: sequential parse, see
 *   model-text.ts) and as LightGBM would by itself (parallel parse).
 */
import {
  Booster,
  Dataset,
  defaultThreads,
  denseMatrix,
  train,
  type PredictKind,
} from '../src/model/index.js';
import { lightGbm } from '../src/model/lightgbm/library.js';
import { prepareModelText } from '../src/model/lightgbm/model-text.js';
import { makeTask, sliceTask } from '../src/model/lightgbm/test-utils.js';

const [rows, cols, rounds] = [50_000, 200, 500].map((fallback, i) =>
  Number(process.argv[2 + i] ?? fallback),
) as [number, number, number];

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits });
const ms = (n: number): string => `${n.toFixed(3)} ms`;

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** p50/p95 of `count` timed calls after a warm-up of `warmUp` calls. */
function latency(
  count: number,
  call: (i: number) => void,
  warmUp = 1,
): { p50: number; p95: number; mean: number } {
  for (let i = 0; i < warmUp; i++) call(i);
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    call(i);
    times[i] = performance.now() - t;
  }
  const mean = times.reduce((a, b) => a + b, 0) / count;
  times.sort();
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), mean };
}

console.log(`LightGBM bench: ${fmt(rows)} x ${cols}, ${rounds} rounds, ${defaultThreads()} threads`);
let t = performance.now();
const informative = 10;
const task = makeTask(rows + 5_000, cols, 1, (row) => {
  let z = -1;
  for (let c = 0; c < informative; c++) z += (c % 2 === 0 ? 0.6 : -0.4) * row[c]!;
  return z;
});
const rng = { state: 12345 };
for (let i = 0; i < task.matrix.data.length; i++) {
  rng.state = (Math.imul(rng.state, 1103515245) + 12345) >>> 0;
  if (rng.state % 20 === 0) task.matrix.data[i] = Number.NaN;
}
const fit = sliceTask(task, 0, rows);
const holdout = sliceTask(task, rows, rows + 5_000);
console.log(`data generated in ${fmt(performance.now() - t)} ms`);

t = performance.now();
const trainSet = Dataset.fromMatrix(fit.matrix, { label: fit.label });
const validSet = Dataset.fromMatrix(holdout.matrix, { label: holdout.label, reference: trainSet });
const datasetMs = performance.now() - t;
t = performance.now();
const result = train(
  { objective: 'binary', metric: 'auc', learning_rate: 0.05, num_leaves: 31, seed: 1 },
  trainSet,
  { valid: [validSet], numBoostRound: rounds },
);
const trainMs = performance.now() - t;
const booster = result.booster;
validSet.free();
trainSet.free();
console.log(
  `dataset ${fmt(datasetMs)} ms, training ${fmt(trainMs / 1000, 1)} s (${booster.currentIteration} trees, ` +
    `valid AUC ${result.history.at(-1)!.valid[0]![0]!.value.toFixed(4)}), ` +
    `RSS ${fmt(process.memoryUsage().rss / 2 ** 20)} MB`,
);

console.log('\nbatch prediction (all holdout rows, 5,000 x 200)');
for (const kind of ['probability', 'contrib'] as PredictKind[]) {
  const { mean } = latency(kind === 'contrib' ? 1 : 5, () => booster.predict(holdout.matrix, { kind }));
  console.log(`  ${kind.padEnd(11)} ${fmt((holdout.matrix.nrow / mean) * 1000)} rows/s`);
}

console.log('\nper-row cost: single row (fast path) vs within a batch of 1,000');
const batch = sliceTask(holdout, 0, 1000).matrix;
const singleRows = Array.from({ length: 1000 }, (_, r) =>
  denseMatrix(holdout.matrix.data.slice(r * cols, (r + 1) * cols), cols),
);
for (const kind of ['probability', 'contrib'] as PredictKind[]) {
  const single = latency(2000, (i) => booster.predict(singleRows[i % 1000]!, { kind }), 50);
  const inBatch = latency(3, () => booster.predict(batch, { kind })).mean / 1000;
  console.log(
    `  ${kind.padEnd(11)} single p50 ${ms(single.p50)}  p95 ${ms(single.p95)}   batch-of-1000 ${ms(inBatch)} per row`,
  );
}
const both = latency(
  2000,
  (i) => {
    booster.predict(singleRows[i % 1000]!);
    booster.predict(singleRows[i % 1000]!, { kind: 'contrib' });
  },
  50,
);
console.log(`  probability + SHAP (one request): p50 ${ms(both.p50)}  p95 ${ms(both.p95)}  (target < 5 ms)`);

console.log('\nmodel loading from text');
const text = booster.modelToString();
const api = lightGbm();
const loadOurs = latency(5, () => Booster.fromString(text).free());
const loadRaw = latency(5, () => {
  const out: [bigint | null] = [null];
  api.LGBM_BoosterLoadModelFromString(text, new Int32Array(1), out);
  api.LGBM_BoosterFree(out[0] as Parameters<typeof api.LGBM_BoosterFree>[0]);
});
const checkOnly = latency(5, () => prepareModelText(text, 'bench'));
console.log(`  model text ${fmt(Buffer.byteLength(text) / 2 ** 20, 1)} MB`);
console.log(
  `  Booster.fromString (checked, sequential) ${ms(loadOurs.mean)}  of which the check ${ms(checkOnly.mean)}`,
);
console.log(`  LightGBM alone (parallel tree parsing)   ${ms(loadRaw.mean)}`);
booster.free();
