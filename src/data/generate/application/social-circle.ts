import type { Rng } from '../../../core/index.js';
import { negativeBinomial } from '../stats/count.js';
import { appFacts, factMean } from '../stats/quantile-curve.js';
import type { SetField } from './columns.js';
import type { ClientLatent } from './latent.js';

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
export function drawSocialCircle(rng: Rng, latent: ClientLatent, set: SetField): void {
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
