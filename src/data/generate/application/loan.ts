import type { Rng } from '../../../core/index.js';
import { factCategorical } from '../stats/categorical.js';
import { mixNormal, normCdf } from '../stats/normal.js';
import { QuantileCurve, appFacts, curveFromFacts } from '../stats/quantile-curve.js';
import type { Employment } from './employment.js';
import type { ClientLatent } from './latent.js';
import { roundIncome, snapGoodsPrice, CREDIT_TO_GOODS, REVOLVING_CREDIT } from './loan-amounts.js';
import type { Person } from './person.js';

export interface Loan {
  readonly contractType: 'Cash loans' | 'Revolving loans';
  readonly income: number;
  /** Standard normal behind the income: higher = richer. */
  readonly zIncome: number;
  readonly credit: number;
  readonly annuity: number | null;
  readonly goodsPrice: number | null;
  readonly suite: string | null;
}

const CONTRACT = factCategorical('NAME_CONTRACT_TYPE').ordered(['Cash loans', 'Revolving loans']);
const SUITE = factCategorical('NAME_TYPE_SUITE');
const SUITE_MISSING = appFacts('NAME_TYPE_SUITE').missingRate;
/** 12 of 307,511 real rows have no annuity. */
const ANNUITY_MISSING = 12 / 307511;
/** Revolving loans without a goods price: the real 278 missing AMT_GOODS_PRICE among 29,279 revolving. */
const REVOLVING_GOODS_MISSING = 278 / 29279;

/** Income through the real quartiles, with sample percentiles in the tails and a geometric top. */
const INCOME = curveFromFacts(
  'AMT_INCOME_TOTAL',
  [
    [0.01, 49500],
    [0.05, 67500],
    [0.1, 81000],
    [0.9, 270000],
    [0.95, 337500],
    [0.99, 472500],
    [0.999, 900000],
    [0.9999, 2250000],
  ],
  0.99,
);
/**
 * Goods price of cash loans: real sample percentiles of cash loans, the middle raised 3-4%
 * because snapping to round prices pulls more values down than up.
 */
const CASH_GOODS = new QuantileCurve([
  [0, 40500],
  [0.01, 67500],
  [0.05, 135000],
  [0.1, 180000],
  [0.25, 265000],
  [0.5, 470000],
  [0.75, 725000],
  [0.9, 1080000],
  [0.95, 1305000],
  [0.99, 1800000],
  [1, 4050000],
]);
/** AMT_ANNUITY / AMT_CREDIT of cash loans (real sample percentiles). */
const CASH_PAYMENT_RATE = new QuantileCurve([
  [0, 0.0223],
  [0.01, 0.0265],
  [0.05, 0.0288],
  [0.1, 0.0294],
  [0.25, 0.0359],
  [0.5, 0.0483],
  [0.75, 0.0656],
  [0.9, 0.0976],
  [0.95, 0.1047],
  [0.99, 0.1138],
  [1, 0.1206],
]);
const MAX_AMOUNT = 4050000;

export function drawLoan(rng: Rng, latent: ClientLatent, person: Person, employment: Employment): Loan {
  const male = person.male ? 1.39 : -0.72; // standardised indicator (34% men)
  const pensioner = employment.notWorking ? 2.14 : -0.47; // standardised indicator (18% not working)
  const zIncome = mixNormal(
    rng.normal(),
    [0.3, person.zEdu],
    [0.25, male],
    [-0.2, pensioner],
    [-0.05, latent.risk],
  );
  const income = roundIncome(rng, INCOME.at(normCdf(zIncome)));
  // Younger clients take revolving loans more often.
  const contractType = CONTRACT.at(
    normCdf(mixNormal(rng.normal(), [-0.25, person.zOld])),
  ) as Loan['contractType'];
  const zSize = mixNormal(rng.normal(), [0.5, zIncome], [0.2, latent.appetite]);
  const suite = rng.chance(SUITE_MISSING) ? null : SUITE.pick(rng);

  if (contractType === 'Revolving loans') {
    const credit = Number(REVOLVING_CREDIT.at(normCdf(zSize)));
    let goodsPrice: number | null = credit;
    if (rng.chance(REVOLVING_GOODS_MISSING)) goodsPrice = null;
    else if (rng.chance(0.008)) goodsPrice = Math.round((credit * rng.uniform(0.9, 1.6)) / 22500) * 22500;
    // Revolving annuity is 5% of the limit.
    const annuity = rng.chance(ANNUITY_MISSING) ? null : credit * 0.05;
    return { contractType, income, zIncome, credit, annuity, goodsPrice, suite };
  }

  const goodsPrice = snapGoodsPrice(rng, CASH_GOODS.at(normCdf(zSize)));
  // Larger loans more often come without insurance add-ons; riskier clients more often with.
  const plain = 0.2 + 0.22 * normCdf(zSize) - 0.02 * latent.risk;
  const ratio = rng.chance(plain) ? 1 : Number(CREDIT_TO_GOODS.pick(rng));
  const credit = Math.min(MAX_AMOUNT, Math.round((goodsPrice * ratio) / 4.5) * 4.5);
  // Larger loans run longer, so they repay a smaller share of the credit each month.
  const rate = CASH_PAYMENT_RATE.at(normCdf(mixNormal(rng.normal(), [-0.8, zSize])));
  const annuity = rng.chance(ANNUITY_MISSING)
    ? null
    : Math.max(1615.5, Math.round((credit * rate) / 1.5) * 1.5);
  return { contractType, income, zIncome, credit, annuity, goodsPrice, suite };
}
