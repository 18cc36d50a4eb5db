/**
 * Limited-memory BFGS (Nocedal & Wright, algorithm 7.4) with a line search satisfying the
 * strong Wolfe conditions (algorithms 3.5 and 3.6, cubic interpolation in the zoom). Generic:
 * it knows nothing of logistic regression. Backtracking alone was ruled out because an
 * accepted step without the curvature condition can leave s'y <= 0 and stall the updates.
 */

/** Returns f(x) and writes the gradient at x into `gradient`. */
export type ValueAndGradient = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  /** Correction pairs kept (default 10). */
  readonly memory?: number;
  /** Iterations (accepted steps) at most (default 100). */
  readonly maxIterations?: number;
  /** Stop when max |gradient_i| <= this (default 1e-4, scipy's pgtol as sklearn sets it). */
  readonly gradientTolerance?: number;
  /** Stop when (f_k - f_k+1) / max(|f_k|, |f_k+1|, 1) <= this (default 2.2e-9, scipy's factr 1e7). */
  readonly relativeTolerance?: number;
  /** Function evaluations allowed per line search (default 20). */
  readonly maxLineSearch?: number;
}

export type StopReason = 'gradient' | 'relative-change' | 'max-iterations' | 'line-search';

export interface LbfgsResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly gradient: Float64Array;
  readonly iterations: number;
  readonly evaluations: number;
  readonly reason: StopReason;
}

const C1 = 1e-4;
const C2 = 0.9;

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

/** Minimiser of the cubic through (a, fa, da) and (b, fb, db), or NaN when it has none. */
function cubicMinimum(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const radicand = d1 * d1 - da * db;
  if (!(radicand >= 0)) return Number.NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(radicand);
  return b - ((b - a) * (db + d2 - d1)) / (db - da + 2 * d2);
}

interface Point {
  alpha: number;
  f: number;
  d: number;
}

/** Minimises `fg` from `x0` (not modified). */
export function minimizeLbfgs(
  fg: ValueAndGradient,
  x0: Float64Array,
  options: LbfgsOptions = {},
): LbfgsResult {
  const m = options.memory ?? 10;
  const maxIterations = options.maxIterations ?? 100;
  const gtol = options.gradientTolerance ?? 1e-4;
  const ftol = options.relativeTolerance ?? 2.2e-9;
  const maxLineSearch = options.maxLineSearch ?? 20;
  const n = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let xTrial = new Float64Array(n);
  let gTrial = new Float64Array(n);
  const dir = new Float64Array(n);
  let sNew = new Float64Array(n);
  let yNew = new Float64Array(n);
  const sList = Array.from({ length: m }, () => new Float64Array(n));
  const yList = Array.from({ length: m }, () => new Float64Array(n));
  const rho = new Float64Array(m);
  const alphas = new Float64Array(m);
  let stored = 0;
  let newest = -1;
  let evaluations = 0;
  let f = fg(x, g);
  evaluations++;

  /** f and directional derivative at x + alpha * dir, into xTrial / gTrial. */
  const evaluate = (alpha: number): Point => {
    for (let i = 0; i < n; i++) xTrial[i] = x[i]! + alpha * dir[i]!;
    let value = fg(xTrial, gTrial);
    evaluations++;
    if (!Number.isFinite(value)) value = Number.POSITIVE_INFINITY;
    return { alpha, f: value, d: dot(gTrial, dir) };
  };

  /** Strong Wolfe step; null when none found (the trial buffers then hold no accepted point). */
  const lineSearch = (d0: number, initial: number): Point | null => {
    let previous: Point = { alpha: 0, f, d: d0 };
    let alpha = initial;
    let budget = maxLineSearch;
    const zoom = (lo: Point, hi: Point): Point | null => {
      while (budget-- > 0) {
        const low = Math.min(lo.alpha, hi.alpha);
        const width = Math.abs(hi.alpha - lo.alpha);
        let a = Number.isFinite(hi.f) ? cubicMinimum(lo.alpha, lo.f, lo.d, hi.alpha, hi.f, hi.d) : Number.NaN;
        if (!(a >= low + 0.1 * width && a <= low + 0.9 * width)) a = (lo.alpha + hi.alpha) / 2;
        const trial = evaluate(a);
        if (trial.f > f + C1 * a * d0 || trial.f >= lo.f) hi = trial;
        else {
          if (Math.abs(trial.d) <= -C2 * d0) return trial;
          if (trial.d * (hi.alpha - lo.alpha) >= 0) hi = lo;
          lo = trial;
        }
        if (width < 1e-16 * Math.max(1, low)) break;
      }
      // No Wolfe point: accept the best Armijo point seen, re-evaluated into the buffers.
      return lo.alpha > 0 ? evaluate(lo.alpha) : null;
    };
    while (budget-- > 0) {
      const trial = evaluate(alpha);
      if (trial.f > f + C1 * alpha * d0 || (previous.alpha > 0 && trial.f >= previous.f))
        return zoom(previous, trial);
      if (Math.abs(trial.d) <= -C2 * d0) return trial;
      if (trial.d >= 0) return zoom(trial, previous);
      previous = trial;
      alpha *= 2;
    }
    return previous.alpha > 0 ? evaluate(previous.alpha) : null;
  };

  let iterations = 0;
  let reason: StopReason = 'max-iterations';
  if (maxAbs(g) <= gtol) reason = 'gradient';
  else {
    while (iterations < maxIterations) {
      // Two-loop recursion: dir = -H g.
      for (let i = 0; i < n; i++) dir[i] = -g[i]!;
      for (let k = 0, j = newest; k < stored; k++, j = (j - 1 + m) % m) {
        alphas[j] = rho[j]! * dot(sList[j]!, dir);
        const y = yList[j]!;
        for (let i = 0; i < n; i++) dir[i] -= alphas[j]! * y[i]!;
      }
      let initial = 1;
      if (stored > 0) {
        const y = yList[newest]!;
        const gamma = 1 / (rho[newest]! * dot(y, y));
        for (let i = 0; i < n; i++) dir[i] *= gamma;
        for (let k = 0, j = (newest - stored + 1 + m) % m; k < stored; k++, j = (j + 1) % m) {
          const beta = rho[j]! * dot(yList[j]!, dir);
          const s = sList[j]!;
          for (let i = 0; i < n; i++) dir[i] += (alphas[j]! - beta) * s[i]!;
        }
      } else initial = 1 / Math.max(1, Math.sqrt(dot(g, g)));
      let d0 = dot(g, dir);
      if (!(d0 < 0)) {
        // Not a descent direction (numerical trouble): forget the history, go down the gradient.
        stored = 0;
        for (let i = 0; i < n; i++) dir[i] = -g[i]!;
        d0 = dot(g, dir);
        initial = 1 / Math.max(1, Math.sqrt(-d0));
      }
      const step = lineSearch(d0, initial);
      if (!step) {
        reason = 'line-search';
        break;
      }
      iterations++;
      for (let i = 0; i < n; i++) {
        sNew[i] = xTrial[i]! - x[i]!;
        yNew[i] = gTrial[i]! - g[i]!;
      }
      const sy = dot(sNew, yNew);
      // Keep the pair only with enough curvature (always true under Wolfe, barring rounding).
      if (sy > 1e-12 * dot(yNew, yNew)) {
        newest = (newest + 1) % m;
        [sList[newest], sNew] = [sNew, sList[newest]!];
        [yList[newest], yNew] = [yNew, yList[newest]!];
        rho[newest] = 1 / sy;
        stored = Math.min(stored + 1, m);
      }
      const previousF = f;
      [x, xTrial] = [xTrial, x];
      [g, gTrial] = [gTrial, g];
      f = step.f;
      if (maxAbs(g) <= gtol) {
        reason = 'gradient';
        break;
      }
      if ((previousF - f) / Math.max(Math.abs(previousF), Math.abs(f), 1) <= ftol) {
        reason = 'relative-change';
        break;
      }
    }
  }
  return { x, value: f, gradient: g, iterations, evaluations, reason };
}
