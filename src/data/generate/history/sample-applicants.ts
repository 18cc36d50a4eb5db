import type { Rng } from '../../../core/index.js';
import type { Applicant } from '../types.js';
import { clamp, halfUnits, lognormal } from './sampling.js';

/**
 * Plausible applicants for tests and benchmarks of the history generator (the real
 * ones come from the application-table generator).
 */
export function sampleApplicant(rng: Rng, skIdCurr: number, overrides: Partial<Applicant> = {}): Applicant {
  const incomeTotal = Math.round(clamp(lognormal(rng, 147150, 0.5), 25650, 2_000_000) / 2250) * 2250;
  const amtCredit = halfUnits(clamp(lognormal(rng, 513531, 0.6), 45000, 4_050_000));
  const contractType = rng.chance(0.095) ? 'Revolving loans' : 'Cash loans';
  return {
    skIdCurr,
    daysBirth: Math.round(clamp(rng.normal(-16037, 4364), -25229, -7489)),
    incomeTotal,
    amtCredit,
    amtAnnuity: halfUnits(amtCredit * rng.uniform(0.037, 0.062)),
    contractType,
    latentRisk: rng.normal(),
    creditAppetite: rng.normal(),
    ...overrides,
  };
}
