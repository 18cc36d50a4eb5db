import type { Rng } from '../../../core/index.js';
import type { Applicant } from '../types.js';
import { clamp } from './sampling.js';

/**
 * How one client repays Home Credit loans, derived from latentRisk. Each multiplier is
 * exp(b * risk - b^2 / 2), which averages 1 over a standard-normal risk, so population
 * rates stay at their real values while risky clients pay late, short, or not at all.
 */
export interface Behaviour {
  readonly risk: number;
  /** Probability that an instalment is paid after its due date. */
  readonly lateP: number;
  /** Share of long delays (weeks to months) among late payments. */
  readonly longLateShare: number;
  /** Probability that an instalment is paid in several parts. */
  readonly splitP: number;
  /** Probability that an instalment is paid short (less than due, single payment). */
  readonly underP: number;
  /** Probability that a loan stops being repaid part-way (default). */
  readonly defaultP: number;
  /** Probability that a card's minimum payment is missed in a month. */
  readonly cardMissP: number;
  /** Mean (logit scale) of the card utilisation the client aims at. */
  readonly cardUtilLogit: number;
  /** Multiplier of the Refused weight among previous applications. */
  readonly refuseMult: number;
}

export function behaviourOf(rng: Rng, applicant: Applicant): Behaviour {
  const risk = applicant.latentRisk;
  // A little client-level noise so behaviour is not a deterministic function of risk.
  const noise = Math.exp(0.35 * rng.normal() - 0.06125);
  return {
    risk,
    lateP: clamp(0.095 * Math.exp(0.9 * risk - 0.405) * noise, 0, 0.85),
    longLateShare: clamp(0.08 * Math.exp(0.6 * risk - 0.18), 0, 0.8),
    splitP: clamp(0.055 * Math.exp(0.5 * risk - 0.125), 0, 0.5),
    underP: clamp(0.04 * Math.exp(0.9 * risk - 0.405) * noise, 0, 0.6),
    defaultP: clamp(0.02 * Math.exp(1.4 * risk - 0.98), 0, 0.6),
    cardMissP: clamp(0.06 * Math.exp(1.2 * risk - 0.72), 0, 0.7),
    cardUtilLogit: 1.5 + 1.2 * risk,
    refuseMult: Math.exp(0.7 * risk - 0.245),
  };
}
