import { checkProbability, evaluationError } from './input.js';

export type Decision = 'accepted' | 'refused' | 'review';

/**
 * The decision for one calibrated probability of default.
 *
 * - Without a band (or band 0): 'refused' when probability >= threshold, else 'accepted'.
 * - With `reviewBand` b > 0, b is the HALF-width: `--review-band 0.05` means "threshold ± 0.05".
 *   'review' when threshold - b < probability < threshold + b (both ends open, see reviewInterval),
 *   otherwise the rule above.
 *   With threshold 0.09 and band 0.05: p < 0.04 accepted, 0.04 < p < 0.14 review, p >= 0.14 refused
 *   (exactly 0.04 is accepted, exactly 0.14 refused).
 * The half-width reading was chosen because users state a margin around the threshold; the band
 * may extend past 0 or 1 (then one side of it never applies).
 */
export function decide(probability: number, threshold: number, reviewBand = 0): Decision {
  checkProbability('decide', probability);
  checkDecisionRule('decide', threshold, reviewBand);
  if (reviewBand > 0) {
    const { low, high } = reviewInterval(threshold, reviewBand);
    if (probability > low && probability < high) return 'review';
  }
  return probability >= threshold ? 'refused' : 'accepted';
}

/**
 * The open interval of probabilities sent to review: (threshold - band, threshold + band), the ends
 * rounded to 12 significant digits so that 0.09 - 0.05 is 0.04, not 0.039999999999999994.
 */
export function reviewInterval(threshold: number, reviewBand: number): { low: number; high: number } {
  checkDecisionRule('reviewInterval', threshold, reviewBand);
  const tidy = (v: number): number => Number(v.toPrecision(12));
  return { low: tidy(threshold - reviewBand), high: tidy(threshold + reviewBand) };
}

/** Checks a threshold (finite) and a review half-width (finite, >= 0). */
export function checkDecisionRule(what: string, threshold: number, reviewBand: number): void {
  if (!Number.isFinite(threshold)) {
    throw evaluationError(what, `threshold is ${String(threshold)}; give a finite number`);
  }
  if (!(Number.isFinite(reviewBand) && reviewBand >= 0)) {
    throw evaluationError(what, `review band is ${String(reviewBand)}; give a half-width >= 0 (0 = no band)`);
  }
}
