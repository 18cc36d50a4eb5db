import { evaluationError } from './input.js';

/** A fitted isotonic (non-decreasing) step-and-ramp function, as its breakpoints. */
export interface IsotonicFit {
  /** Strictly increasing inputs. */
  readonly x: readonly number[];
  /** Non-decreasing outputs at those inputs. */
  readonly y: readonly number[];
}

/**
 * Isotonic regression as sklearn's IsotonicRegression(increasing=True, out_of_bounds='clip'):
 * rows with equal x are first merged into their (weighted) mean, the pool-adjacent-violators
 * algorithm then fits the non-decreasing sequence closest in squared error, and breakpoints whose
 * y equals both neighbours' are dropped (they change no prediction). O(n log n) for the sort.
 */
export function fitIsotonic(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  weights?: ArrayLike<number>,
): IsotonicFit {
  const n = x.length;
  if (y.length !== n || (weights !== undefined && weights.length !== n)) {
    throw evaluationError('fitIsotonic', `${n} inputs but ${y.length} targets; give one per row`);
  }
  if (n === 0) throw evaluationError('fitIsotonic', 'no rows; give at least one');
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i]) || (weights && !(weights[i]! > 0))) {
      throw evaluationError('fitIsotonic', `row ${i} has a non-finite value or a weight <= 0`, { row: i });
    }
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => x[a]! - x[b]!);

  // Unique x with summed weight and weighted y; then PAV over them as a stack of blocks.
  const ux: number[] = [];
  const blockSum: number[] = [];
  const blockWeight: number[] = [];
  const blockEnd: number[] = []; // last unique index of each block
  const pushBlock = (sum: number, weight: number, end: number): void => {
    blockSum.push(sum);
    blockWeight.push(weight);
    blockEnd.push(end);
    // Merge while the previous block's mean is above this one's (a violation).
    while (blockSum.length > 1) {
      const last = blockSum.length - 1;
      if (blockSum[last - 1]! / blockWeight[last - 1]! <= blockSum[last]! / blockWeight[last]!) break;
      blockSum[last - 1] = blockSum[last - 1]! + blockSum[last]!;
      blockWeight[last - 1] = blockWeight[last - 1]! + blockWeight[last]!;
      blockEnd[last - 1] = blockEnd[last]!;
      blockSum.pop();
      blockWeight.pop();
      blockEnd.pop();
    }
  };
  for (let k = 0; k < n;) {
    const value = x[order[k]!]!;
    let sum = 0;
    let weight = 0;
    while (k < n && x[order[k]!] === value) {
      const w = weights ? weights[order[k]!]! : 1;
      sum += w * y[order[k]!]!;
      weight += w;
      k++;
    }
    ux.push(value);
    pushBlock(sum, weight, ux.length - 1);
  }

  const fitted = new Float64Array(ux.length);
  for (let b = 0, start = 0; b < blockSum.length; b++) {
    const mean = blockSum[b]! / blockWeight[b]!;
    for (let u = start; u <= blockEnd[b]!; u++) fitted[u] = mean;
    start = blockEnd[b]! + 1;
  }
  const xs: number[] = [];
  const ys: number[] = [];
  for (let u = 0; u < ux.length; u++) {
    const interior = u > 0 && u < ux.length - 1;
    if (interior && fitted[u - 1] === fitted[u] && fitted[u + 1] === fitted[u]) continue;
    xs.push(ux[u]!);
    ys.push(fitted[u]!);
  }
  return { x: xs, y: ys };
}

/** The fitted function at t: linear between breakpoints, clipped to the end values outside. */
export function predictIsotonic(fit: IsotonicFit, t: number): number {
  const { x, y } = fit;
  const last = x.length - 1;
  if (Number.isNaN(t)) return Number.NaN;
  if (t <= x[0]!) return y[0]!;
  if (t >= x[last]!) return y[last]!;
  // Largest i with x[i] <= t (x[0] < t < x[last] here).
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! <= t) lo = mid;
    else hi = mid;
  }
  if (x[lo] === t) return y[lo]!;
  const share = (t - x[lo]!) / (x[hi]! - x[lo]!);
  return y[lo]! + share * (y[hi]! - y[lo]!);
}
