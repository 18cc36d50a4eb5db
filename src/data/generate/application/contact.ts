import type { Rng } from '../../../core/index.js';
import { Categorical, factCategorical } from '../stats/categorical.js';
import { mixNormal, normCdf } from '../stats/normal.js';
import { QuantileCurve, curveFromFacts, factMean } from '../stats/quantile-curve.js';
import type { ClientLatent } from './latent.js';
import type { Person } from './person.js';

/** Application circumstances: contact flags, the day and hour, and the dates of documents. */
export interface Contact {
  readonly flagContMobile: number;
  readonly flagPhone: number;
  readonly flagEmail: number;
  readonly weekday: string;
  readonly hour: number;
  readonly daysRegistration: number;
  readonly daysIdPublish: number;
  readonly daysLastPhoneChange: number;
}

const WEEKDAY = factCategorical('WEEKDAY_APPR_PROCESS_START');
/** Applications by hour of the day (real sample counts; office hours dominate). */
const HOUR = new Categorical(
  [
    0.5, 1, 4, 14, 27, 51, 75, 118, 201, 334, 493, 469, 432, 405, 383, 324, 276, 195, 125, 42, 11, 3, 4, 0.5,
  ].map((count, hour) => [String(hour), count] as const),
);
const REGISTRATION = curveFromFacts('DAYS_REGISTRATION', [
  [0.01, -14117],
  [0.05, -11856],
  [0.1, -10109],
  [0.9, -663],
  [0.95, -294],
  [0.99, -44],
]);
const ID_PUBLISH = curveFromFacts('DAYS_ID_PUBLISH', [
  [0.01, -5430],
  [0.05, -4924],
  [0.1, -4706],
  [0.9, -700],
  [0.95, -348],
  [0.99, -62],
]);
/** 12.8% of real sample rows changed phone on the application day (a point mass at 0). */
const PHONE_CHANGE = new QuantileCurve([
  [0, -4292],
  [0.01, -3165],
  [0.05, -2519],
  [0.1, -2146],
  [0.25, -1570],
  [0.5, -757],
  [0.75, -274],
  [0.872, 0],
  [1, 0],
]);
const EMAIL = factMean('FLAG_EMAIL');
const CONT_MOBILE = factMean('FLAG_CONT_MOBILE');
const PHONE = factMean('FLAG_PHONE');
const HIGHER = new Set(['Higher education', 'Academic degree']);

export function drawContact(rng: Rng, latent: ClientLatent, person: Person): Contact {
  const ageDays = -person.daysBirth;
  // Registration and identity documents are older for older clients, within their lifetime.
  let registration = -REGISTRATION.at(normCdf(-mixNormal(rng.normal(), [0.4, person.zOld])));
  if (registration > ageDays) registration = ageDays * rng.next();
  // An identity document is renewed at 20 and 45; riskier clients renewed theirs more recently.
  let idAge = -ID_PUBLISH.at(normCdf(-mixNormal(rng.normal(), [0.3, person.zOld], [-0.05, latent.risk])));
  const sinceRenewal = ageDays - (person.ageYears < 20 ? 14 : 20) * 365.25;
  if (person.ageYears < 25 && idAge > sinceRenewal) idAge = Math.max(0, sinceRenewal) * rng.next();
  // Riskier clients changed phone more recently.
  const phone = PHONE_CHANGE.at(normCdf(mixNormal(rng.normal(), [0.1, latent.risk], [-0.1, person.zOld])));
  return {
    flagContMobile: rng.chance(CONT_MOBILE) ? 1 : 0,
    flagPhone: rng.chance(PHONE) ? 1 : 0,
    // Graduates give an email address more often (same overall share).
    flagEmail: rng.chance(EMAIL * (HIGHER.has(person.education) ? 1.8 : 0.75)) ? 1 : 0,
    weekday: WEEKDAY.pick(rng),
    hour: Number(HOUR.pick(rng)),
    daysRegistration: -Math.round(registration),
    daysIdPublish: -Math.round(idAge),
    daysLastPhoneChange: Math.round(phone),
  };
}
