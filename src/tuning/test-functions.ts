/**
 * Standard optimisation test functions with known minima, to show the samplers work:
 * Branin (2-D), Hartmann-6 (6-D) and a noisy quadratic over mixed parameter kinds (linear
 * and log floats, a log int, a categorical), the kinds a LightGBM space has.
 * bench/optuna_reference.py implements the same formulas for Optuna.
 */
import type { Rng } from '../core/rng.js';
import type { Params, SearchSpace } from './search-space.js';
import { categoricalParam, floatParam, intParam } from './search-space.js';
import { defineSearchSpace } from './space-validation.js';

export interface TestFunction {
  readonly name: string;
  readonly space: SearchSpace;
  /** A space with grid values for the grid sampler, when the function is small enough for one. */
  readonly gridSpace?: SearchSpace;
  /** The global minimum of the noise-free function. */
  readonly minimum: number;
  /** The noise-free value. */
  value(params: Params): number;
  /** What the objective observes: the value plus noise for noisy functions. */
  observe(params: Params, rng: Rng): number;
}

const num = (params: Params, name: string): number => params[name] as number;
const linspace = (a: number, b: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));

function branin(params: Params): number {
  const x1 = num(params, 'x1');
  const x2 = num(params, 'x2');
  const b = 5.1 / (4 * Math.PI ** 2);
  const c = 5 / Math.PI;
  const t = 1 / (8 * Math.PI);
  return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - t) * Math.cos(x1) + 10;
}

/** Branin on [-5, 10] x [0, 15]; minimum 0.397887 at (−π, 12.275), (π, 2.275), (9.42478, 2.475). */
export const BRANIN: TestFunction = {
  name: 'branin',
  space: defineSearchSpace([floatParam('x1', -5, 10), floatParam('x2', 0, 15)], { names: 'any' }),
  gridSpace: defineSearchSpace(
    [
      floatParam('x1', -5, 10, { grid: linspace(-5, 10, 8) }),
      floatParam('x2', 0, 15, { grid: linspace(0, 15, 8) }),
    ],
    { names: 'any' },
  ),
  minimum: 0.39788735772973816,
  value: branin,
  observe: branin,
};

const H6_ALPHA = [1.0, 1.2, 3.0, 3.2];
const H6_A = [
  [10, 3, 17, 3.5, 1.7, 8],
  [0.05, 10, 17, 0.1, 8, 14],
  [3, 3.5, 1.7, 10, 17, 8],
  [17, 8, 0.05, 10, 0.1, 14],
];
const H6_P = [
  [1312, 1696, 5569, 124, 8283, 5886],
  [2329, 4135, 8307, 3736, 1004, 9991],
  [2348, 1451, 3522, 2883, 3047, 6650],
  [4047, 8828, 8732, 5743, 1091, 381],
].map((row) => row.map((p) => p * 1e-4));

function hartmann6(params: Params): number {
  let sum = 0;
  for (let i = 0; i < 4; i++) {
    let inner = 0;
    for (let j = 0; j < 6; j++) inner += H6_A[i]![j]! * (num(params, `x${j + 1}`) - H6_P[i]![j]!) ** 2;
    sum += H6_ALPHA[i]! * Math.exp(-inner);
  }
  return -sum;
}

/** Hartmann-6 on [0, 1]^6; minimum −3.32237 at (0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573). */
export const HARTMANN6: TestFunction = {
  name: 'hartmann6',
  space: defineSearchSpace(
    Array.from({ length: 6 }, (_, j) => floatParam(`x${j + 1}`, 0, 1)),
    { names: 'any' },
  ),
  minimum: -3.322368011415515,
  value: hartmann6,
  observe: hartmann6,
};

const MODE_PENALTY: Readonly<Record<string, number>> = { a: 1, b: 0, c: 2 };
const QUADRATIC_NOISE_SD = 0.1;

function quadratic(params: Params): number {
  return (
    (num(params, 'x') - 1.5) ** 2 / 4 +
    (num(params, 'y') + 2) ** 2 / 4 +
    (Math.log10(num(params, 'lr')) + 2) ** 2 +
    (Math.log2(num(params, 'depth')) - 3) ** 2 / 4 +
    MODE_PENALTY[params['mode'] as string]!
  );
}

/**
 * Noisy quadratic: x, y in [-5, 5] (optima 1.5, −2), lr log in [1e-4, 1] (optimum 1e-2), depth
 * log int in [1, 64] (optimum 8), mode in {a, b, c} (optimum b), plus N(0, 0.1²) noise; minimum 0.
 */
export const NOISY_QUADRATIC: TestFunction = {
  name: 'noisy-quadratic',
  space: defineSearchSpace(
    [
      floatParam('x', -5, 5),
      floatParam('y', -5, 5),
      floatParam('lr', 1e-4, 1, { log: true }),
      intParam('depth', 1, 64, { log: true }),
      categoricalParam('mode', ['a', 'b', 'c']),
    ],
    { names: 'any' },
  ),
  minimum: 0,
  value: quadratic,
  observe: (params, rng) => quadratic(params) + rng.normal(0, QUADRATIC_NOISE_SD),
};

export const TEST_FUNCTIONS: readonly TestFunction[] = [BRANIN, HARTMANN6, NOISY_QUADRATIC];
