import type { Rng } from '../../../core/index.js';
import type { Applicant } from '../types.js';
import { gamma } from './sampling.js';

/**
 * How many secondary records a client gets. Counts are gamma-Poisson (negative binomial):
 * a client-level gamma draw makes them right-skewed with a realistic share of zeros,
 * and creditAppetite scales both bureau and Home Credit counts so they correlate.
 *
 * Targets for 356,255 clients (SCHEMA.md section 1): bureau 1,716,428 rows held by
 * 305,811 clients (4.82 per client, 5.61 per client with any, 14.2% with none);
 * previous_application 1,670,214 rows held by 338,857 clients (4.69 per client,
 * 4.93 per client with any, 4.9% with none); credit-card histories for 103,558 clients (29.1%).
 */
export interface HistoryCounts {
  readonly bureau: number;
  readonly previous: number;
  /** The client holds one Home Credit card (an approved revolving loan with monthly card rows). */
  readonly hasCard: boolean;
  /** Share of this client's bureau credits that come with bureau_balance months. */
  readonly balanceCoverage: number;
}

// Calibrated by simulation over the applicant mix (see counts.test.ts).
const BUREAU_MEAN = 4.86;
const BUREAU_SHAPE = 1.45;
const BUREAU_APPETITE = 0.45;
const PREV_MEAN = 4.69;
const PREV_SHAPE = 9;
const PREV_APPETITE = 0.4;
const CARD_INTERCEPT = -0.87;
const CARD_APPETITE = 0.6;
/** bureau_balance exists for 817,395 of 1,716,428 credits (47.6%), unevenly across clients. */
const BALANCE_CLIENT_SHARE = 0.55;
const BALANCE_CREDIT_SHARE = 0.866;

export function drawCounts(rng: Rng, applicant: Applicant): HistoryCounts {
  const appetite = applicant.creditAppetite;
  const ageYears = -applicant.daysBirth / 365.25;
  // Young clients had less time to collect bureau credits (8-year window, adults only).
  const bureauYears = Math.min(8, Math.max(0.5, ageYears - 18));
  const ageFactor = 0.35 + 0.65 * (bureauYears / 8);

  const bureauScale =
    BUREAU_MEAN *
    ageFactor *
    Math.exp(BUREAU_APPETITE * appetite - (BUREAU_APPETITE * BUREAU_APPETITE) / 2) *
    (gamma(rng, BUREAU_SHAPE) / BUREAU_SHAPE);
  const bureau = rng.poisson(bureauScale);

  const prevScale =
    PREV_MEAN *
    Math.exp(PREV_APPETITE * appetite - (PREV_APPETITE * PREV_APPETITE) / 2) *
    (gamma(rng, PREV_SHAPE) / PREV_SHAPE);
  const previous = rng.poisson(prevScale);

  const cardP = 1 / (1 + Math.exp(-(CARD_INTERCEPT + CARD_APPETITE * appetite)));
  const hasCard = previous > 0 && rng.chance(cardP);
  const balanceCoverage = rng.chance(BALANCE_CLIENT_SHARE) ? BALANCE_CREDIT_SHARE : 0;
  return { bureau, previous, hasCard, balanceCoverage };
}
