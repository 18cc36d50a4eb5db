import { describe, expect, it } from 'vitest';

import { Rng } from '../../core/index.js';
import { minimizeLbfgs, type ValueAndGradient } from './lbfgs.js';

const rosenbrock: ValueAndGradient = (x, g) => {
  const [a, b] = [x[0]!, x[1]!];
  g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  g[1] = 200 * (b - a * a);
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
};

describe('minimizeLbfgs', () => {
  it('finds the minimum of the Rosenbrock function from the classic start', () => {
    const result = minimizeLbfgs(rosenbrock, Float64Array.of(-1.2, 1), {
      gradientTolerance: 1e-9,
      relativeTolerance: 0,
    });
    expect(result.reason).toBe('gradient');
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
    expect(result.iterations).toBeLessThan(60);
  });

  it('solves an ill-conditioned quadratic exactly', () => {
    const rng = new Rng(3);
    const n = 40;
    const diag = Float64Array.from({ length: n }, (_, i) => 10 ** ((3 * i) / (n - 1)));
    const target = Float64Array.from({ length: n }, () => rng.normal());
    const quadratic: ValueAndGradient = (x, g) => {
      let f = 0;
      for (let i = 0; i < n; i++) {
        const d = x[i]! - target[i]!;
        g[i] = diag[i]! * d;
        f += 0.5 * diag[i]! * d * d;
      }
      return f;
    };
    const result = minimizeLbfgs(quadratic, new Float64Array(n), {
      gradientTolerance: 1e-10,
      relativeTolerance: 0,
      maxIterations: 500,
    });
    expect(result.reason).toBe('gradient');
    for (let i = 0; i < n; i++) expect(result.x[i]).toBeCloseTo(target[i]!, 8);
  });

  it('stops at the iteration limit and says so', () => {
    const result = minimizeLbfgs(rosenbrock, Float64Array.of(-1.2, 1), { maxIterations: 3 });
    expect(result.iterations).toBe(3);
    expect(result.reason).toBe('max-iterations');
    expect(result.value).toBeLessThan(24.2); // f(-1.2, 1) = 24.2: every step went down
  });

  it('returns at once when the start is already stationary', () => {
    const result = minimizeLbfgs(rosenbrock, Float64Array.of(1, 1));
    expect(result).toMatchObject({ iterations: 0, evaluations: 1, reason: 'gradient', value: 0 });
  });
});
