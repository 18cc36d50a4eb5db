import type { Application, Levers } from '../types';

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

export function leversOf(application: Application): Levers {
  return {
    AMT_CREDIT: num(application.AMT_CREDIT),
    AMT_ANNUITY: num(application.AMT_ANNUITY),
    AMT_GOODS_PRICE: num(application.AMT_GOODS_PRICE),
    AMT_INCOME_TOTAL: num(application.AMT_INCOME_TOTAL),
  };
}

/** Term in months: amount / monthly annuity, as the feature pipeline reads it. */
export const termOf = (levers: Levers): number =>
  levers.AMT_ANNUITY > 0 ? levers.AMT_CREDIT / levers.AMT_ANNUITY : 0;

/** A new amount at the same term (the annuity follows). */
export function withAmount(levers: Levers, amount: number): Levers {
  const term = termOf(levers);
  return {
    ...levers,
    AMT_CREDIT: amount,
    AMT_ANNUITY: term > 0 ? round2(amount / term) : levers.AMT_ANNUITY,
  };
}

/** A new term for the same amount (the annuity follows). */
export function withTerm(levers: Levers, months: number): Levers {
  return { ...levers, AMT_ANNUITY: months > 0 ? round2(levers.AMT_CREDIT / months) : levers.AMT_ANNUITY };
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

/** The application with the levers applied. */
export const applyLevers = (application: Application, levers: Levers): Application => ({
  ...application,
  ...levers,
});

export const sameLevers = (a: Levers, b: Levers): boolean =>
  a.AMT_CREDIT === b.AMT_CREDIT &&
  a.AMT_ANNUITY === b.AMT_ANNUITY &&
  a.AMT_GOODS_PRICE === b.AMT_GOODS_PRICE &&
  a.AMT_INCOME_TOTAL === b.AMT_INCOME_TOTAL;
