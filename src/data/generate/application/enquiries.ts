import type { Rng } from '../../../core/index.js';
import { negativeBinomial } from '../stats/count.js';
import { appFacts, factMean } from '../stats/quantile-curve.js';
import type { SetField } from './columns.js';
import type { ClientLatent } from './latent.js';

/** Negative-binomial sizes giving the real share of zeros at each real mean. */
const ENQUIRIES = (
  [
    ['AMT_REQ_CREDIT_BUREAU_HOUR', 1, false],
    ['AMT_REQ_CREDIT_BUREAU_DAY', 0.5, false],
    ['AMT_REQ_CREDIT_BUREAU_WEEK', 1, false],
    ['AMT_REQ_CREDIT_BUREAU_MON', 0.23, true],
    ['AMT_REQ_CREDIT_BUREAU_QRT', 0.6, true],
    ['AMT_REQ_CREDIT_BUREAU_YEAR', 2.5, true],
  ] as const
).map(([column, size, followsAppetite]) => ({ column, mean: factMean(column), size, followsAppetite }));
const ENQUIRIES_MISSING = appFacts('AMT_REQ_CREDIT_BUREAU_YEAR').missingRate;

/** Credit-bureau enquiries: missing together; clients hungry for credit are enquired about more. */
export function drawEnquiries(rng: Rng, latent: ClientLatent, set: SetField): void {
  if (rng.chance(ENQUIRIES_MISSING)) return;
  const appetite = Math.exp(0.3 * latent.appetite - 0.045);
  for (const e of ENQUIRIES) {
    set(e.column, negativeBinomial(rng, e.mean * (e.followsAppetite ? appetite : 1), e.size));
  }
}
