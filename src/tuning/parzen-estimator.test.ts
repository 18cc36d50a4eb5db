import { describe, expect, it } from 'vitest';

import { Rng } from '../core/rng.js';
import type { CategoricalKernels } from './categorical-kernels.js';
import { neighbourBandwidths } from './numeric-kernels.js';
import type { NumericKernels } from './numeric-kernels.js';
import { buildParzenEstimator } from './parzen-estimator.js';
import type { ParzenEstimator } from './parzen-estimator.js';
import { categoricalParam, floatParam, intParam } from './search-space.js';
import type { NumericParam } from './search-space.js';
import { DEFAULT_PARZEN_OPTIONS, defaultWeights } from './tpe-defaults.js';

const SPEC_RULE = { ...DEFAULT_PARZEN_OPTIONS, priorInBandwidth: false };
const numeric = (e: ParzenEstimator): NumericKernels => e.kernels as NumericKernels;

/** Midpoint-rule integral of the estimator's density over [a, b]. */
function integrate(e: ParzenEstimator, a: number, b: number, n = 200_000): number {
  const h = (b - a) / n;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.exp(e.logDensity(a + (i + 0.5) * h)) * h;
  return sum;
}

function sumPmf(e: ParzenEstimator, param: NumericParam): number {
  let sum = 0;
  for (let v = param.low; v <= param.high + 1e-9; v += param.step!) sum += Math.exp(e.logDensity(v));
  return sum;
}

describe('bandwidths and weights (tpe.md §2.3–2.4)', () => {
  it('reproduces the worked example of tpe.md: float [0, 10], below [1, 2, 6]', () => {
    const e = buildParzenEstimator(floatParam('x', 0, 10), [1, 2, 6], SPEC_RULE);
    // s = [0,1,2,6,10] -> raw [1,4,4] -> endpoint rule [1,4,4] -> minsigma 10/5 = 2 -> [2,4,4]; prior (5, 10).
    expect(numeric(e).mus).toEqual([1, 2, 6, 5]);
    expect(numeric(e).sigmas).toEqual([2, 4, 4, 10]);
    expect(e.weights).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it("counts the prior's centre as a neighbour by default, as Optuna's code does", () => {
    const e = buildParzenEstimator(floatParam('x', 0, 10), [1, 2, 6]);
    // s = [0,1,2,5,6,10] -> raw [1,3,3,4] -> endpoints: first 1, last 6-5 = 1 -> [1,3,1] -> clip at 2.
    expect(numeric(e).sigmas).toEqual([2, 3, 2, 10]);
  });

  it('applies the endpoint rule only when consider_endpoints is off', () => {
    expect(neighbourBandwidths([2, 1], 0, 10, false)).toEqual([1, 1]);
    expect(neighbourBandwidths([2, 1], 0, 10, true)).toEqual([8, 1]);
    // One observation: no endpoint rule (fewer than 4 points with the bounds).
    expect(neighbourBandwidths([3], 0, 10, false)).toEqual([7]);
  });

  it('clips sigmas to [range / min(100, 1 + n_kernels), range]', () => {
    const e = buildParzenEstimator(floatParam('x', 0, 10), [2, 1], SPEC_RULE);
    expect(numeric(e).sigmas).toEqual([2.5, 2.5, 10]); // minsigma 10 / (1 + 3)
    const many = Array.from({ length: 300 }, (_, i) => 5 + i * 1e-6);
    const clipped = buildParzenEstimator(floatParam('x', 0, 10), many);
    expect(Math.min(...numeric(clipped).sigmas)).toBeCloseTo(0.1, 12); // 10 / 100
  });

  it('widens discrete ranges by step/2 and moves log scales to ln-space', () => {
    const int = numeric(buildParzenEstimator(intParam('n', 1, 10), [4]));
    expect([int.low, int.high]).toEqual([0.5, 10.5]);
    expect(int.mus).toEqual([4, 5.5]);
    const logInt = numeric(buildParzenEstimator(intParam('n', 1, 64, { log: true }), [8]));
    expect(logInt.low).toBeCloseTo(Math.log(0.5), 14);
    expect(logInt.high).toBeCloseTo(Math.log(64.5), 14);
    expect(logInt.mus[0]).toBeCloseTo(Math.log(8), 14);
    const logFloat = numeric(buildParzenEstimator(floatParam('lr', 1e-3, 1, { log: true }), []));
    expect(logFloat.mus).toEqual([(Math.log(1e-3) + 0) / 2]);
    expect(logFloat.sigmas[0]).toBeCloseTo(-Math.log(1e-3), 14);
  });

  it('ramps the weights of old observations past 25 and normalises with the prior', () => {
    expect(defaultWeights(0)).toEqual([]);
    expect(defaultWeights(3)).toEqual([1, 1, 1]);
    const w = defaultWeights(30);
    expect(w.slice(0, 5)).toEqual([
      1 / 30,
      1 / 30 + (1 - 1 / 30) / 4,
      1 / 30 + (1 - 1 / 30) / 2,
      1 / 30 + (3 * (1 - 1 / 30)) / 4,
      1,
    ]);
    expect(w.slice(5)).toEqual(new Array(25).fill(1));
    const e = buildParzenEstimator(
      floatParam('x', 0, 1),
      Array.from({ length: 30 }, (_, i) => i / 30),
    );
    const total = w.reduce((s, x) => s + x, 0) + 1;
    expect(e.weights[0]).toBeCloseTo(1 / 30 / total, 15);
    expect(e.weights.at(-1)).toBeCloseTo(1 / total, 15);
    expect(e.weights.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 14);
  });
});

describe('densities', () => {
  it('integrate to 1 over the bounds for linear and log floats', () => {
    const linear = buildParzenEstimator(floatParam('x', -5, 10), [-4.9, 0, 0.1, 9.99]);
    expect(integrate(linear, -5, 10)).toBeCloseTo(1, 6);
    // Per unit of lr (Jacobian included), so it integrates to 1 over [1e-4, 1] in lr itself.
    const log = buildParzenEstimator(floatParam('lr', 1e-4, 1, { log: true }), [1e-3, 2e-3, 0.5]);
    let inLnSpace = 0;
    const n = 200_000;
    const h = (Math.log(1) - Math.log(1e-4)) / n;
    for (let i = 0; i < n; i++) {
      const x = Math.exp(Math.log(1e-4) + (i + 0.5) * h);
      inLnSpace += Math.exp(log.logDensity(x)) * x * h;
    }
    expect(inLnSpace).toBeCloseTo(1, 6);
    expect(log.logDensity(2)).toBe(-Infinity);
  });

  it('are probabilities summing to 1 for ints, log ints and stepped floats', () => {
    const int = intParam('n', 1, 10);
    expect(sumPmf(buildParzenEstimator(int, [1, 4, 4, 10]), int)).toBeCloseTo(1, 12);
    const logInt = intParam('n', 1, 64, { log: true });
    expect(sumPmf(buildParzenEstimator(logInt, [1, 7, 60]), logInt)).toBeCloseTo(1, 12);
    const stepped = floatParam('f', 0, 1, { step: 0.25 });
    expect(sumPmf(buildParzenEstimator(stepped, [0.25, 0.75]), stepped)).toBeCloseTo(1, 12);
  });

  it('stay finite far from narrow kernels (log-space masses)', () => {
    const obs = Array.from({ length: 200 }, (_, i) => 1 + (i % 3));
    const e = buildParzenEstimator(intParam('n', 1, 1000), obs);
    expect(Number.isFinite(e.logDensity(1000))).toBe(true);
    const kernelOnly = (e.kernels as NumericKernels).logDensity(0, 1000);
    expect(kernelOnly).toBeLessThan(-1000);
    expect(Number.isFinite(kernelOnly)).toBe(true);
  });
});

describe('sampling', () => {
  it('respects bounds, integer and step grids', () => {
    const rng = new Rng(3);
    const cases: [NumericParam, number[]][] = [
      [floatParam('x', -1, 1), [-0.99, 0.99]],
      [floatParam('lr', 1e-5, 1, { log: true }), [1e-5, 0.9]],
      [intParam('n', 1, 10), [1, 10]],
      [intParam('n', 1, 512, { log: true }), [1, 500]],
      [floatParam('f', 0.1, 0.9, { step: 0.2 }), [0.1, 0.9]],
    ];
    const outside: string[] = [];
    for (const [param, obs] of cases) {
      for (const x of buildParzenEstimator(param, obs).sample(rng, 5000)) {
        const k = param.step === undefined ? 0 : (x - param.low) / param.step;
        const offGrid = Math.abs(k - Math.round(k)) > 1e-9 || (param.kind === 'int' && !Number.isInteger(x));
        if (x < param.low || x > param.high || offGrid) outside.push(`${param.name}=${x}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('draws ints with the frequencies of the pmf', () => {
    const param = intParam('n', 1, 8);
    const e = buildParzenEstimator(param, [2, 3, 7]);
    const counts = new Map<number, number>();
    const n = 200_000;
    for (const x of e.sample(new Rng(11), n)) counts.set(x, (counts.get(x) ?? 0) + 1);
    for (let v = 1; v <= 8; v++) expect((counts.get(v) ?? 0) / n).toBeCloseTo(Math.exp(e.logDensity(v)), 2);
  });

  it('is uniform in ln-space for the prior of a log float', () => {
    const e = buildParzenEstimator(floatParam('lr', 1e-4, 1, { log: true }), []);
    const xs = e.sample(new Rng(5), 40_000);
    // The prior is a wide normal centred on the geometric mean: half below, symmetric in ln x.
    expect(xs.filter((x) => x < 1e-2).length / xs.length).toBeCloseTo(0.5, 1);
  });
});

describe('categorical kernels', () => {
  it('adds 1 to the observed choice over prior_weight / n_kernels, row-normalised; the prior row is uniform', () => {
    const e = buildParzenEstimator(categoricalParam('c', ['a', 'b', 'c']), [0, 2, 2]);
    const table = (e.kernels as CategoricalKernels).table;
    // n_kernels = 4: each row starts at 0.25; observed cell +1; row sum 1.75.
    expect(table[0]).toEqual([1.25 / 1.75, 0.25 / 1.75, 0.25 / 1.75]);
    expect(table[2]).toEqual([0.25 / 1.75, 0.25 / 1.75, 1.25 / 1.75]);
    expect(table[3]!.map((p) => p * 3)).toEqual([1, 1, 1].map((x) => expect.closeTo(x, 14)));
    const pa = (1.25 / 1.75 + 2 * (0.25 / 1.75) + 1 / 3) / 4;
    const pc = (0.25 / 1.75 + 2 * (1.25 / 1.75) + 1 / 3) / 4;
    expect(Math.exp(e.logDensity(0))).toBeCloseTo(pa, 14);
    expect(Math.exp(e.logDensity(2))).toBeCloseTo(pc, 14);
    const counts = [0, 0, 0];
    for (const x of e.sample(new Rng(9), 100_000)) counts[x]!++;
    expect(counts[0]! / 100_000).toBeCloseTo(pa, 2);
    expect(counts[2]! / 100_000).toBeCloseTo(pc, 2);
  });

  it('is uniform with no observation', () => {
    const e = buildParzenEstimator(categoricalParam('c', [true, false]), []);
    expect(e.weights).toEqual([1]);
    expect(Math.exp(e.logDensity(1))).toBeCloseTo(0.5, 15);
  });
});
