import { checkBinaryInput, evaluationError, requireBothClasses, type Labels, type Scores } from './input.js';

/** Parameters of p' = sigmoid(a x logit(p) + b); a = 1, b = 0 is the identity. */
export interface PlattFit {
  readonly a: number;
  readonly b: number;
}

/** Raw probabilities are clipped to [eps, 1 - eps] before the logit, so 0 and 1 stay finite (about ±36). */
export const PLATT_EPSILON = Number.EPSILON;

export function logit(p: number): number {
  const q = Math.min(1 - PLATT_EPSILON, Math.max(PLATT_EPSILON, p));
  return Math.log(q / (1 - q));
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

export function predictPlatt(fit: PlattFit, p: number): number {
  return sigmoid(fit.a * logit(p) + fit.b);
}

/**
 * Platt scaling fitted by Newton's method with backtracking (Lin, Lin & Weng, 2007, "A note on
 * Platt's probabilistic outputs"), on the logit of the raw probability. Targets are Platt's
 * smoothed labels, (P + 1) / (P + 2) for positives and 1 / (N + 2) for negatives, which keep the
 * fit finite when the classes separate; sklearn's CalibratedClassifierCV(method='sigmoid') uses
 * the same targets (on the decision function rather than the logit).
 */
export function fitPlatt(labels: Labels, probabilities: Scores): PlattFit {
  const positives = checkBinaryInput('fitPlatt', labels, probabilities);
  const n = labels.length;
  requireBothClasses('fitPlatt', positives, n);
  const negatives = n - positives;
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  const f = new Float64Array(n);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    f[i] = logit(probabilities[i]!);
    t[i] = labels[i] === 1 ? high : low;
  }
  const objective = (a: number, b: number): number => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const z = a * f[i]! + b;
      sum += t[i]! * softplus(-z) + (1 - t[i]!) * softplus(z);
    }
    return sum;
  };

  let a = 0;
  let b = Math.log((positives + 1) / (negatives + 1));
  let value = objective(a, b);
  const ridge = 1e-12;
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = 0;
    let gb = 0;
    let haa = ridge;
    let hab = 0;
    let hbb = ridge;
    for (let i = 0; i < n; i++) {
      const p = sigmoid(a * f[i]! + b);
      const d = p - t[i]!;
      const w = p * (1 - p);
      ga += d * f[i]!;
      gb += d;
      haa += w * f[i]! * f[i]!;
      hab += w * f[i]!;
      hbb += w;
    }
    if (Math.abs(ga) < 1e-9 * n && Math.abs(gb) < 1e-9 * n) break;
    const det = haa * hbb - hab * hab;
    const da = -(hbb * ga - hab * gb) / det;
    const db = -(-hab * ga + haa * gb) / det;
    const slope = ga * da + gb * db;
    let step = 1;
    let accepted = false;
    while (step >= 1e-10) {
      const candidate = objective(a + step * da, b + step * db);
      if (candidate < value + 1e-4 * step * slope) {
        a += step * da;
        b += step * db;
        value = candidate;
        accepted = true;
        break;
      }
      step /= 2;
    }
    if (!accepted) break; // no descent left: as close to the optimum as doubles allow
  }
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    throw evaluationError('fitPlatt', 'the sigmoid fit did not converge; check the probabilities vary');
  }
  return { a, b };
}
