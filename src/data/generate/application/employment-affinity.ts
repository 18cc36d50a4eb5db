/**
 * How much more (or less) likely an organization or an occupation is in a group than on
 * average. Only the shape matters: fitConditional rescales so real marginals hold.
 * Values are judgement calls read from the real sample (drivers are men, medicine staff
 * work in medicine, state servants in government, ...).
 */

const ORGANIZATION_BY_INCOME_TYPE: Readonly<Record<string, readonly (readonly [RegExp, number])[]>> = {
  'State servant': [
    [/^(Government|Military|Police|Security Ministries)$/, 8],
    [/^(School|Kindergarten|Emergency)$/, 6],
    [/^(Medicine|University)$/, 5],
    [/^Culture$/, 4],
    [/^(Postal|Religion|Electricity|Housing)$/, 2.5],
    [/^(Self-employed)$/, 0.05],
    [/^(Business Entity|Trade|Realtor|Advertising|Restaurant|Hotel)/, 0.15],
    [/./, 0.6],
  ],
  'Commercial associate': [
    [/^(Bank|Insurance|Realtor|Advertising)$/, 3],
    [/^(Business Entity|Trade|Legal Services|Mobile|Telecom)/, 2],
    [/^(Self-employed|Services)$/, 1.5],
    [/^(Government|Military|Police|Security Ministries|School|Kindergarten|Emergency|University)$/, 0.2],
    [/./, 1],
  ],
  Working: [
    [/^(Industry|Construction|Transport|Agriculture)/, 1.3],
    [/^(Self-employed)$/, 1.2],
    [/^(Government|Military|Police|Security Ministries)$/, 0.5],
    [/./, 1],
  ],
};

const OCCUPATION_BY_ORGANIZATION: readonly (readonly [RegExp, string, number])[] = [
  [/^Medicine$/, 'Medicine staff', 15],
  [/^(School|Kindergarten|University)$/, 'Core staff', 4],
  [/^Government$/, 'Core staff', 2],
  [/^Transport/, 'Drivers', 5],
  [/^(Security|Police|Military|Security Ministries)$/, 'Security staff', 6],
  [/^(Restaurant|Hotel)$/, 'Cooking staff', 6],
  [/^(Restaurant|Hotel)$/, 'Waiters/barmen staff', 10],
  [/^(Bank|Insurance)$/, 'Accountants', 3],
  [/^(Bank|Insurance)$/, 'Managers', 1.5],
  [/^(Construction|Industry|Agriculture)/, 'Laborers', 2],
  [/^(Construction|Industry|Agriculture)/, 'Low-skill Laborers', 1.5],
  [/^Trade/, 'Sales staff', 4],
  [/^Realtor$/, 'Realty agents', 30],
  [/^Cleaning$/, 'Cleaning staff', 10],
  [/^(Telecom|Mobile)$/, 'IT staff', 4],
  [/^Services$/, 'Private service staff', 5],
  [/^Self-employed$/, 'Managers', 1.5],
  [/^Self-employed$/, '', 1.5],
];

const OCCUPATION_MALE: Readonly<Record<string, number>> = {
  Drivers: 6,
  'Security staff': 2.5,
  'IT staff': 1.5,
  Laborers: 1.5,
  'Low-skill Laborers': 1.5,
  'High skill tech staff': 1.3,
  Managers: 1.2,
  'Realty agents': 0.7,
  '': 0.8,
  'Sales staff': 0.5,
  'Core staff': 0.5,
  'Cooking staff': 0.5,
  'Waiters/barmen staff': 0.5,
  'Private service staff': 0.4,
  'Cleaning staff': 0.3,
  'HR staff': 0.3,
  'Medicine staff': 0.25,
  Accountants: 0.15,
  Secretaries: 0.1,
};

const OCCUPATION_HIGHER_EDUCATION: Readonly<Record<string, number>> = {
  'IT staff': 4,
  Managers: 3,
  Accountants: 3,
  'HR staff': 3,
  'Core staff': 2.5,
  'High skill tech staff': 2.5,
  'Realty agents': 2,
  'Medicine staff': 1.5,
  Secretaries: 1.5,
  'Sales staff': 0.8,
  '': 0.8,
  'Private service staff': 0.7,
  'Waiters/barmen staff': 0.5,
  Laborers: 0.4,
  Drivers: 0.4,
  'Security staff': 0.4,
  'Cooking staff': 0.4,
  'Low-skill Laborers': 0.2,
  'Cleaning staff': 0.2,
};

export function organizationAffinity(incomeType: string, organization: string): number {
  const rules = ORGANIZATION_BY_INCOME_TYPE[incomeType] ?? [];
  return rules.find(([pattern]) => pattern.test(organization))?.[1] ?? 1;
}

/** Affinity of an occupation ('' = not given) for a group keyed "organization|M or F|H or O". */
export function occupationAffinity(group: string, occupation: string): number {
  const [organization, gender, education] = group.split('|') as [string, string, string];
  let a = 1;
  for (const [pattern, occ, weight] of OCCUPATION_BY_ORGANIZATION) {
    if (occ === occupation && pattern.test(organization)) a *= weight;
  }
  if (gender === 'M') a *= OCCUPATION_MALE[occupation] ?? 1;
  if (education === 'H') a *= OCCUPATION_HIGHER_EDUCATION[occupation] ?? 1;
  return a;
}
