import type { Rng } from '../../../core/index.js';
import { factCategorical, fitConditional } from '../stats/categorical.js';
import { mixNormal, normCdf } from '../stats/normal.js';
import { appFacts } from '../stats/quantile-curve.js';
import { AGE_BANDS, AGE_GRID, BAND_WEIGHTS, DAYS_BIRTH_CURVE, bandOf } from './age-bands.js';
import type { ClientLatent } from './latent.js';

/** Who the client is: the demographic columns plus the latent scores later columns lean on. */
export interface Person {
  readonly gender: string;
  readonly male: boolean;
  readonly daysBirth: number;
  readonly ageYears: number;
  /** Standard normal behind the age: higher = older. */
  readonly zOld: number;
  /** Standard normal behind the education level: higher = more educated. */
  readonly zEdu: number;
  readonly education: string;
  readonly familyStatus: string;
  readonly children: number;
  /** null for the rare 'Unknown' family status, as in the real file. */
  readonly famMembers: number | null;
  readonly housing: string;
  readonly ownRealty: string;
}

const GENDER = factCategorical('CODE_GENDER');
const GENDER_TEST = GENDER.without('XNA');

const EDUCATION = factCategorical('NAME_EDUCATION_TYPE').ordered([
  'Lower secondary',
  'Secondary / secondary special',
  'Incomplete higher',
  'Higher education',
  'Academic degree',
]);

const bandGroups = AGE_BANDS.map((lower, b) => [String(lower), BAND_WEIGHTS[b]!] as const);

/** Relative propensity per age band (20-24, 25-29, ..., 65+), from the real sample's age profiles. */
const FAMILY_PROFILE: Readonly<Record<string, readonly number[]>> = {
  Married: [0.3, 0.7, 1, 1, 1, 1, 1, 0.95, 0.85, 0.8],
  'Single / not married': [2.6, 1.3, 0.8, 0.65, 0.6, 0.55, 0.55, 0.5, 0.5, 0.5],
  'Civil marriage': [1.5, 1.3, 1.2, 1.1, 1, 1, 0.8, 0.7, 0.6, 0.6],
  Separated: [0.15, 0.5, 0.9, 1.1, 1.2, 1.2, 1.1, 1, 0.9, 0.8],
  Widow: [0.02, 0.05, 0.1, 0.2, 0.35, 0.6, 1.2, 2, 3, 4],
};
const HOUSING_PROFILE: Readonly<Record<string, readonly number[]>> = {
  'With parents': [5, 2.6, 1.2, 0.6, 0.3, 0.2, 0.15, 0.1, 0.1, 0.1],
  'Rented apartment': [2, 1.6, 1.2, 1, 0.9, 0.8, 0.6, 0.5, 0.5, 0.5],
  'Municipal apartment': [0.6, 0.8, 0.9, 1, 1.1, 1.1, 1.1, 1.1, 1, 1],
};

function byBand(
  column: 'NAME_FAMILY_STATUS' | 'NAME_HOUSING_TYPE',
  profile: Record<string, readonly number[]>,
) {
  const levels = appFacts(column).levels!;
  const fitted = fitConditional(levels, bandGroups, (band, level) => {
    const b = AGE_BANDS.indexOf(Number(band) as (typeof AGE_BANDS)[number]);
    return profile[level]?.[b] ?? 1;
  });
  return AGE_BANDS.map((lower) => fitted.get(String(lower))!);
}
const FAMILY_BY_BAND = byBand('NAME_FAMILY_STATUS', FAMILY_PROFILE);
const FAMILY_BY_BAND_TEST = FAMILY_BY_BAND.map((c) => c.without('Unknown'));
const HOUSING_BY_BAND = byBand('NAME_HOUSING_TYPE', HOUSING_PROFILE);

/** Mean number of children by age band (real sample), scaled to the real mean of 0.417. */
const CHILDREN_PROFILE = [0.27, 0.53, 0.82, 0.84, 0.57, 0.29, 0.1, 0.04, 0.01, 0.01];
const CHILDREN_SCALE =
  appFacts('CNT_CHILDREN').quantiles!.mean! /
  (AGE_GRID.reduce((s, a) => s + CHILDREN_PROFILE[bandOf(a)]!, 0) / AGE_GRID.length);
const COUPLE = new Set(['Married', 'Civil marriage']);

const OWN_REALTY = factCategorical('FLAG_OWN_REALTY');

/** Loading of the age latent on risk: younger clients are riskier. */
export const AGE_RISK_LOADING = -0.15;

export function drawPerson(rng: Rng, latent: ClientLatent, isTest: boolean): Person {
  const gender = (isTest ? GENDER_TEST : GENDER).pick(rng);
  const zOld = mixNormal(rng.normal(), [AGE_RISK_LOADING, latent.risk]);
  const daysBirth = Math.round(DAYS_BIRTH_CURVE.at(normCdf(-zOld)));
  const ageYears = -daysBirth / 365.25;
  const band = bandOf(ageYears);
  const zEdu = mixNormal(rng.normal(), [-0.15, latent.risk]);
  const education = EDUCATION.at(normCdf(zEdu));
  const familyStatus = (isTest ? FAMILY_BY_BAND_TEST : FAMILY_BY_BAND)[band]!.pick(rng);
  const couple = COUPLE.has(familyStatus);
  // Couples have more children than people living alone (same overall mean).
  const children = rng.poisson(CHILDREN_PROFILE[band]! * CHILDREN_SCALE * (couple ? 1.12 : 0.66));
  const famMembers = familyStatus === 'Unknown' ? null : children + (couple ? 2 : 1);
  return {
    gender,
    male: gender === 'M',
    daysBirth,
    ageYears,
    zOld,
    zEdu,
    education,
    familyStatus,
    children,
    famMembers,
    housing: HOUSING_BY_BAND[band]!.pick(rng),
    ownRealty: OWN_REALTY.pick(rng),
  };
}
