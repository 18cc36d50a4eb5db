/**
 * Logistic regression baseline: fit time and memory at full Kaggle size.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/logreg.js [rows] [cols] [maxIterations]
 *
 * A synthetic Float32 matrix (307,511 x 700 by default: 16 categorical columns of 2 to 58
 * codes, 60% of the numeric columns with 35% missing values, numeric columns correlated 0.8
 * within blocks of 10 as aggregates of one history are, 30 informative columns, about 8%
 * positives), then one fit on every row with the defaults (C = 1, tol 1e-4, 100 iterations
 * at most), as the final model of `train` would. Prints the time of the preprocessing and the
 * design alone (measured apart, so the fit repeats them), the fit, its iterations, the time per
 * objective evaluation, prediction throughput, AUC on the training rows, and the peak RSS
 * (taken after the fit, before the stages are timed apart).
 */
import os from 'node:os';

import { rocAuc } from '../src/model/metrics.js';
import { buildDesign } from '../src/model/logreg/design.js';
import { fitLogisticRegression } from '../src/model/logreg/index.js';
import { fitPreprocessing } from '../src/model/logreg/preprocess.js';
import { allRows, syntheticMatrix } from '../src/model/logreg/synthetic.js';

const [rows, cols, maxIterations] = [307_511, 700, 100].map((fallback, i) =>
  Number(process.argv[2 + i] ?? fallback),
) as [number, number, number];
const LEVELS = [2, 2, 3, 4, 5, 6, 7, 7, 8, 8, 18, 20, 26, 40, 50, 58];
const categorical = LEVELS.slice(0, Math.min(LEVELS.length, Math.floor(cols / 10)));
const numeric = cols - categorical.length;
const fmt = (n: number, digits = 1): string => n.toLocaleString('en-US', { maximumFractionDigits: digits });
const seconds = (t: number): string => `${((performance.now() - t) / 1000).toFixed(2)} s`;
const mib = (bytes: number): string => `${fmt(bytes / 2 ** 20, 0)} MiB`;

console.log(
  `logistic regression bench: ${fmt(rows)} x ${cols} (${categorical.length} categorical), load average ${os.loadavg()[0]!.toFixed(1)}`,
);
let t = performance.now();
const beta = Array.from(
  { length: 30 },
  (_, j) => ((j % 2 === 0 ? 0.25 : -0.2) / (1 + (j % 3))) * (j < 10 ? 2 : 1),
);
const matrix = syntheticMatrix({
  rows,
  numeric,
  categorical,
  beta,
  levelEffect: 0.3,
  // Column j has mean j: centre the log-odds so that about 8% of rows are positive.
  intercept: -1.6 - beta.reduce((s, b, j) => s + b * j, 0),
  correlation: 0.8,
  missingColumns: 0.6,
  missingRate: 0.35,
  seed: 42,
});
const positives = matrix.labels.reduce((s, y) => s + y, 0);
console.log(
  `generated in ${seconds(t)}: ${mib(matrix.data.byteLength)} of Float32, ${fmt((100 * positives) / rows)}% positives`,
);
const train = allRows(rows);

t = performance.now();
const cpu = process.cpuUsage();
const model = fitLogisticRegression(matrix, train, { maxIterations });
const fitSeconds = (performance.now() - t) / 1000;
const fitCpu = process.cpuUsage(cpu).user / 1e6;
const s = model.training;
console.log(
  `fit: ${fitSeconds.toFixed(2)} s wall, ${fitCpu.toFixed(2)} s CPU, ${s.iterations} iterations, ${s.evaluations} evaluations, stop: ${s.stopReason}, ` +
    `max |gradient| ${s.gradientMaxAbs.toExponential(2)}, objective ${s.objective.toFixed(6)}`,
);

console.log(`peak RSS of generation + fit: ${mib(process.resourceUsage().maxRSS * 1024)}`);

t = performance.now();
const p = model.predictProbability(matrix);
const predictMs = performance.now() - t;
console.log(
  `predict: ${fmt(rows / (predictMs / 1000), 0)} rows/s; training AUC ${rocAuc(matrix.labels, p).toFixed(4)}`,
);

t = performance.now();
const features = fitPreprocessing(matrix, train, undefined, 10);
const prepSeconds = (performance.now() - t) / 1000;
console.log(`preprocessing alone: ${prepSeconds.toFixed(2)} s, ${features.length} design features`);
t = performance.now();
const designBytes = buildDesign(features, matrix, train).byteLength;
const designSeconds = (performance.now() - t) / 1000;
console.log(`design alone: ${designSeconds.toFixed(2)} s, ${mib(designBytes)} of Float32`);
const optimise = fitSeconds - prepSeconds - designSeconds;
console.log(
  `optimisation ~${optimise.toFixed(1)} s: ~${(optimise / s.evaluations).toFixed(2)} s per evaluation`,
);

console.log(`load average ${os.loadavg()[0]!.toFixed(1)} at the end`);
