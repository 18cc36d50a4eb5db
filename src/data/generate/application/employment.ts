import type { Rng } from '../../../core/index.js';
import { Categorical, fitConditional } from '../stats/categorical.js';
import { mixNormal, normCdf } from '../stats/normal.js';
import { QuantileCurve, appFacts } from '../stats/quantile-curve.js';
import { calibrateOdds, piecewise } from './age-bands.js';
import { occupationAffinity, organizationAffinity } from './employment-affinity.js';
import type { ClientLatent } from './latent.js';
import type { Person } from './person.js';

/** "1000 years": DAYS_EMPLOYED of pensioners and the unemployed in the real file. */
export const DAYS_EMPLOYED_SENTINEL = 365243;

export interface Employment {
  readonly incomeType: string;
  /** Pensioner or unemployed: DAYS_EMPLOYED sentinel, organization XNA, no occupation, no work phone. */
  readonly notWorking: boolean;
  readonly daysEmployed: number;
  readonly organization: string;
  /** null when not given (always for those not working). */
  readonly occupation: string | null;
  readonly flagEmpPhone: number;
  readonly flagWorkPhone: number;
}

const typeShare = (label: string): number =>
  appFacts('NAME_INCOME_TYPE').levels!.find(([l]) => l === label)![1];

/** Share of pensioners by age (real sample, 2-year bins); women retire about five years earlier. */
const PENSION_F: readonly (readonly [number, number])[] = [
  [40, 0.004],
  [45, 0.01],
  [50, 0.04],
  [53, 0.15],
  [55, 0.45],
  [56, 0.65],
  [58, 0.72],
  [60, 0.8],
  [63, 0.85],
  [66, 0.93],
  [70, 0.97],
];
const PENSION_M: readonly (readonly [number, number])[] = [
  [40, 0.006],
  [45, 0.04],
  [50, 0.07],
  [54, 0.15],
  [56, 0.25],
  [58, 0.3],
  [60, 0.55],
  [62, 0.68],
  [64, 0.8],
  [66, 0.95],
  [70, 0.97],
];
const maleShare = appFacts('CODE_GENDER').levels!.find(([l]) => l === 'M')![1];
const PENSION_ODDS = calibrateOdds(
  [
    [1 - maleShare, (a) => piecewise(PENSION_F, a)],
    [maleShare, (a) => piecewise(PENSION_M, a)],
  ],
  typeShare('Pensioner'),
);

/** The rare income types, drawn first with their real shares. */
const RARE_TYPES = ['Unemployed', 'Student', 'Businessman', 'Maternity leave'] as const;
/** The three common working types, ordered from the least to the most educated. */
const WORKING_TYPES = new Categorical(
  (['Working', 'Commercial associate', 'State servant'] as const).map((l) => [l, typeShare(l)] as const),
);

const ORGANIZATIONS = appFacts('ORGANIZATION_TYPE').levels!.filter(([l]) => l !== 'XNA');
const ORGANIZATION_BY_TYPE = fitConditional(
  ORGANIZATIONS,
  WORKING_TYPES.labels.map((l) => [l, WORKING_TYPES.share(l)] as const),
  organizationAffinity,
);

/** Occupation shares among those working: the real missing share minus the sentinel rows. */
const OCCUPATIONS = (() => {
  const facts = appFacts('OCCUPATION_TYPE');
  const working = 1 - typeShare('Pensioner') - typeShare('Unemployed');
  const missing = (facts.missingRate - (1 - working)) / working;
  return [...facts.levels!.map(([l, s]) => [l, s * (1 - missing)] as const), ['', missing] as const];
})();
const HIGHER = new Set(['Higher education', 'Academic degree']);
const HIGHER_SHARE = 0.2435;
const OCCUPATION_BY_GROUP = fitConditional(
  OCCUPATIONS,
  ORGANIZATIONS.flatMap(([org, share]) =>
    (['M', 'F'] as const).flatMap((g) =>
      (['H', 'O'] as const).map(
        (e) =>
          [
            `${org}|${g}|${e}`,
            share * (g === 'M' ? maleShare : 1 - maleShare) * (e === 'H' ? HIGHER_SHARE : 1 - HIGHER_SHARE),
          ] as const,
      ),
    ),
  ),
  occupationAffinity,
);

/**
 * Days in the current job (positive) among the employed. Knots: the real DAYS_EMPLOYED
 * quartiles re-expressed without the 18% sentinel rows, plus sample percentiles above.
 */
const EMPLOYED_DAYS = new QuantileCurve([
  [0, 0],
  [0.085, 289],
  [0.39, 1213],
  [0.695, 2760],
  [0.75, 3185],
  [0.9, 5411],
  [0.97, 9000],
  [1, 17912],
]);
const WORK_PHONE_SHARE = appFacts('FLAG_WORK_PHONE').quantiles!.mean! / (1 - typeShare('Pensioner'));

export function drawEmployment(rng: Rng, latent: ClientLatent, person: Person, isTest: boolean): Employment {
  const incomeType = drawIncomeType(rng, latent, person, isTest);
  if (incomeType === 'Pensioner' || incomeType === 'Unemployed') {
    return {
      incomeType,
      notWorking: true,
      daysEmployed: DAYS_EMPLOYED_SENTINEL,
      organization: 'XNA',
      occupation: null,
      flagEmpPhone: 0,
      flagWorkPhone: 0,
    };
  }
  const zEmp = mixNormal(rng.normal(), [0.45, person.zOld], [-0.1, latent.risk]);
  let days = EMPLOYED_DAYS.at(normCdf(zEmp));
  // Nobody starts working before 18.
  const cap = -person.daysBirth - 18 * 365.25;
  if (days > cap) days = cap * rng.next();
  const orgType = ORGANIZATION_BY_TYPE.has(incomeType) ? incomeType : 'Working';
  const organization = ORGANIZATION_BY_TYPE.get(orgType)!.pick(rng);
  const group = `${organization}|${person.male ? 'M' : 'F'}|${HIGHER.has(person.education) ? 'H' : 'O'}`;
  const occupation = OCCUPATION_BY_GROUP.get(group)!.pick(rng);
  return {
    incomeType,
    notWorking: false,
    daysEmployed: -Math.round(Math.max(0, days)),
    organization,
    occupation: occupation === '' ? null : occupation,
    flagEmpPhone: 1,
    flagWorkPhone: rng.chance(WORK_PHONE_SHARE) ? 1 : 0,
  };
}

function drawIncomeType(rng: Rng, latent: ClientLatent, person: Person, isTest: boolean): string {
  let u = rng.next();
  for (const rare of RARE_TYPES) {
    u -= typeShare(rare);
    if (u < 0) {
      // Maternity leave is train-only in the real data, and only women take it.
      if (rare === 'Maternity leave' && (isTest || person.male)) break;
      return rare;
    }
  }
  const profile = person.male ? PENSION_M : PENSION_F;
  const p = piecewise(profile, person.ageYears);
  if (rng.chance((PENSION_ODDS * p) / (1 - p + PENSION_ODDS * p))) return 'Pensioner';
  // More educated and less risky clients lean to commercial and state jobs.
  const zJob = mixNormal(rng.normal(), [0.35, person.zEdu], [-0.1, latent.risk]);
  return WORKING_TYPES.at(normCdf(zJob));
}
