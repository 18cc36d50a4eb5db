import { checkBinaryInput, evaluationError, type Labels, type Scores } from './input.js';

/** One bin of a reliability (calibration) table. */
export interface ReliabilityBin {
  /** The bin holds lower < p <= upper (the first bin includes 0). */
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
  /** Mean probability in the bin; NaN when the bin is empty. */
  readonly meanPredicted: number;
  /** Share of label 1 in the bin; NaN when the bin is empty. */
  readonly observedRate: number;
}

/**
 * Reliability table over `bins` equal-width bins of [0, 1], binned as sklearn's
 * calibration_curve(strategy='uniform') does (a probability on an edge goes to the lower bin).
 * Empty bins are kept, with NaN means (sklearn drops them), so the table always has `bins` rows.
 */
export function reliabilityTable(labels: Labels, probabilities: Scores, bins = 10): ReliabilityBin[] {
  if (!Number.isInteger(bins) || bins < 1) {
    throw evaluationError('reliabilityTable', `bins is ${String(bins)}; give an integer >= 1`);
  }
  checkBinaryInput('reliabilityTable', labels, probabilities);
  const count = new Float64Array(bins);
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  const edge = (k: number): number => k / bins;
  for (let i = 0; i < labels.length; i++) {
    const p = probabilities[i]!;
    let b = Math.min(bins - 1, Math.max(0, Math.ceil(p * bins) - 1));
    // Settle rounding at the edges: bin b is (edge(b), edge(b + 1)].
    while (b > 0 && p <= edge(b)) b--;
    while (b < bins - 1 && p > edge(b + 1)) b++;
    count[b]!++;
    sumP[b]! += p;
    sumY[b]! += labels[i]!;
  }
  return Array.from({ length: bins }, (_, b) => ({
    lower: edge(b),
    upper: edge(b + 1),
    count: count[b]!,
    meanPredicted: count[b]! > 0 ? sumP[b]! / count[b]! : Number.NaN,
    observedRate: count[b]! > 0 ? sumY[b]! / count[b]! : Number.NaN,
  }));
}

/** Expected calibration error: the count-weighted mean |meanPredicted - observedRate| over bins. */
export function expectedCalibrationError(table: readonly ReliabilityBin[]): number {
  let total = 0;
  let weighted = 0;
  for (const bin of table) {
    if (bin.count === 0) continue;
    total += bin.count;
    weighted += bin.count * Math.abs(bin.meanPredicted - bin.observedRate);
  }
  return total > 0 ? weighted / total : Number.NaN;
}
