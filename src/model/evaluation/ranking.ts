import { checkBinaryInput, type Labels, type Scores } from './input.js';

/**
 * The one sort every ranking metric, curve and cost sweep shares: the distinct scores from highest
 * to lowest, and how many positives (tp) and negatives (fp) score at or above each.
 * Index i means "flag every row with score >= thresholds[i]".
 */
export interface RankedCounts {
  readonly thresholds: Float64Array;
  readonly tp: Float64Array;
  readonly fp: Float64Array;
  readonly positives: number;
  readonly negatives: number;
}

/** Validates then ranks; `kind` says whether scores must be probabilities in [0, 1]. */
export function rankCounts(
  what: string,
  labels: Labels,
  scores: Scores,
  kind: 'scores' | 'probabilities' = 'scores',
): RankedCounts {
  const positives = checkBinaryInput(what, labels, scores, kind);
  return rankValidated(labels, scores, positives);
}

/**
 * Ranks validated input in O(n log n). The scores of each class are copied into their own typed
 * array and sorted natively (much faster than sorting an index array with a comparator), then the
 * two are merged from the top, grouping equal scores (ties) into one threshold.
 */
export function rankValidated(labels: Labels, scores: Scores, positives: number): RankedCounts {
  const n = labels.length;
  const negatives = n - positives;
  const pos = new Float64Array(positives);
  const neg = new Float64Array(negatives);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    if (labels[i] === 1) pos[a++] = scores[i]!;
    else neg[b++] = scores[i]!;
  }
  pos.sort();
  neg.sort();
  const thresholds = new Float64Array(n);
  const tp = new Float64Array(n);
  const fp = new Float64Array(n);
  let i = positives - 1;
  let j = negatives - 1;
  let k = 0;
  let tpCount = 0;
  let fpCount = 0;
  while (i >= 0 || j >= 0) {
    const v = i < 0 ? neg[j]! : j < 0 ? pos[i]! : Math.max(pos[i]!, neg[j]!);
    while (i >= 0 && pos[i] === v) {
      tpCount++;
      i--;
    }
    while (j >= 0 && neg[j] === v) {
      fpCount++;
      j--;
    }
    thresholds[k] = v;
    tp[k] = tpCount;
    fp[k] = fpCount;
    k++;
  }
  return {
    thresholds: thresholds.slice(0, k),
    tp: tp.slice(0, k),
    fp: fp.slice(0, k),
    positives,
    negatives,
  };
}

const scratch = new DataView(new ArrayBuffer(8));

/**
 * The smallest double above x (finite x). Used as the "flag nobody" threshold: with the rule
 * "flag when score >= threshold", nextUp(max score) flags no row yet stays a finite, JSON-safe number.
 */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  scratch.setFloat64(0, x);
  const bits = scratch.getBigUint64(0);
  scratch.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return scratch.getFloat64(0);
}
