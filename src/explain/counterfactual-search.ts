import type { Decision } from '../model/index.js';

/** The model's answer for one candidate application. */
export interface Evaluation {
  readonly probability: number;
  readonly decision: Decision;
}

export interface SearchOptions {
  /** Points scanned between no change and the largest change. */
  readonly steps: number;
  /** Width of the final bracket, in units of change (share of the original value). */
  readonly tolerance: number;
}

export interface SearchResult {
  /** The smallest accepted change found (0-1). */
  readonly change: number;
  readonly at: Evaluation;
  /** The largest change below it that was tried and not accepted (0 = the original). */
  readonly notAcceptedChange: number;
}

/**
 * The smallest change in (0, maxChange] that the model accepts. The model is not monotone in
 * the change, so a coarse scan from no change outwards finds the first accepted point, then a
 * bisection narrows the bracket [last refused, first accepted] to the tolerance. The answer is
 * always a point that was evaluated and accepted; undefined when no scanned point is accepted.
 */
export async function searchLever(
  maxChange: number,
  evaluate: (change: number) => Promise<Evaluation>,
  options: SearchOptions,
): Promise<SearchResult | undefined> {
  let lo = 0;
  let first = 0;
  for (let i = 1; i <= options.steps && first === 0; i++) {
    const change = (maxChange * i) / options.steps;
    if ((await evaluate(change)).decision === 'accepted') first = change;
    else lo = change;
  }
  if (first === 0) return undefined;
  let hi: number = first;
  while (hi - lo > options.tolerance) {
    const mid = (lo + hi) / 2;
    const result = await evaluate(mid);
    if (result.decision === 'accepted') hi = mid;
    else lo = mid;
  }
  // the final point is re-scored as the caller will apply it (amounts rounded to the cent)
  const verified = await evaluate(hi);
  if (verified.decision !== 'accepted') return undefined;
  return { change: hi, at: verified, notAcceptedChange: lo };
}
