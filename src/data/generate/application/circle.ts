import type { Rng } from '../../../core/index.js';
import { negativeBinomial } from '../stats/count.js';
import { appFacts, factMean } from '../stats/quantile-curve.js';
import type { AppColumn } from './columns.js';
import type { ClientLatent } from './latent.js';

type Setter = (column: AppColumn, value: number | null) => void;

const CIRCLE_MISSING = appFacts('OBS_30_CNT_SOCIAL_CIRCLE').missingRate;
const OBS_30_MEAN = factMean('OBS_30_CNT_SOCIAL_CIRCLE');
/** Share of acquaintances observed in 30-day default; riskier clients know more defaulters. */
const DEFAULT_SHARE = factMean('DEF_30_CNT_SOCIAL_CIRCLE') / factMean('OBS_30_CNT_SOCIAL_CIRCLE');
const DEF_60_OF_30 = factMean('DEF_60_CNT_SOCIAL_CIRCLE') / factMean('DEF_30_CNT_SOCIAL_CIRCLE');

function binomial(rng: Rng, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.chance(p)) k++;
  return k;
}

/** The four social-circle counts: missing together; 60-day figures within the 30-day ones. */
export function drawSocialCircle(rng: Rng, latent: ClientLatent, set: Setter): void {
  if (rng.chance(CIRCLE_MISSING)) return;
  // Size 0.4 gives the real 54% of zeros at the real mean 1.42.
  const obs30 = negativeBinomial(rng, OBS_30_MEAN, 0.4);
  // The 60-day count equals the 30-day one in 98.6% of real rows, otherwise slightly lower.
  const obs60 = obs30 > 0 && rng.chance(0.014) ? obs30 - rng.int(1, Math.min(obs30, 2)) : obs30;
  const def30 = binomial(rng, obs30, Math.min(0.9, DEFAULT_SHARE * Math.exp(0.25 * latent.risk - 0.03125)));
  const def60 = binomial(rng, def30, DEF_60_OF_30);
  set('OBS_30_CNT_SOCIAL_CIRCLE', obs30);
  set('DEF_30_CNT_SOCIAL_CIRCLE', def30);
  set('OBS_60_CNT_SOCIAL_CIRCLE', obs60);
  set('DEF_60_CNT_SOCIAL_CIRCLE', def60);
}

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
export function drawEnquiries(rng: Rng, latent: ClientLatent, set: Setter): void {
  if (rng.chance(ENQUIRIES_MISSING)) return;
  const appetite = Math.exp(0.3 * latent.appetite - 0.045);
  for (const e of ENQUIRIES) {
    set(e.column, negativeBinomial(rng, e.mean * (e.followsAppetite ? appetite : 1), e.size));
  }
}

/**
 * Documents: most clients give exactly one main document (3, else 6, 8, 5, ...), some add
 * one of the extra ones (13-21). Shares are the real means.
 */
const document = (d: number) => ({
  column: `FLAG_DOCUMENT_${d}` as AppColumn,
  share: factMean(`FLAG_DOCUMENT_${d}`),
});
const MAIN_DOCUMENTS = [3, 6, 8, 5, 9, 11, 2, 4, 7, 10, 12].map(document);
const EXTRA_DOCUMENTS = [13, 14, 15, 16, 17, 18, 19, 20, 21].map(document);
const ALL_DOCUMENTS = [...MAIN_DOCUMENTS, ...EXTRA_DOCUMENTS].map((d) => d.column);

export function drawDocuments(rng: Rng, set: Setter): void {
  for (const column of ALL_DOCUMENTS) set(column, 0);
  let u = rng.next();
  for (const d of MAIN_DOCUMENTS) {
    u -= d.share;
    if (u < 0) {
      set(d.column, 1);
      break;
    }
  }
  for (const d of EXTRA_DOCUMENTS) if (rng.chance(d.share)) set(d.column, 1);
}
