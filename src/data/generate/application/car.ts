import type { Rng } from '../../../core/index.js';
import { Categorical } from '../stats/categorical.js';
import { mixNormal, normCdf } from '../stats/normal.js';
import type { Loan } from './loan.js';
import type { Person } from './person.js';

export interface Car {
  readonly ownCar: 'Y' | 'N';
  /** OWN_CAR_AGE: given exactly when the client owns a car. */
  readonly carAge: number | null;
}

/** Men own cars far more often (real sample: 58% vs 22%), giving the real 34% overall. */
const OWN_CAR_MALE = 0.58;
const OWN_CAR_FEMALE = 0.2157;

/**
 * Car age in years: real sample counts, lightly smoothed, with the real file's spikes at
 * 64 and 65 and a thin tail to the real maximum of 91.
 */
const CAR_AGE = new Categorical([
  ...(
    [
      [0, 33],
      [1, 65],
      [2, 66],
      [3, 75],
      [4, 68],
      [5, 66],
      [6, 72],
      [7, 88],
      [8, 72],
      [9, 66],
      [10, 66],
      [11, 62],
      [12, 55],
      [13, 65],
      [14, 56],
      [15, 47],
      [16, 40],
      [17, 38],
      [18, 31],
      [19, 22],
      [20, 18],
      [21, 20],
      [22, 22],
      [23, 12],
      [24, 15],
      [25, 13],
      [26, 10],
      [27, 5],
      [28, 5],
      [29, 5],
      [30, 2],
      [31, 1.5],
      [32, 1.5],
      [33, 1],
      [34, 1.5],
      [35, 1],
      [36, 1],
      [37, 1],
      [38, 1],
      [39, 1],
      [40, 1],
      [41, 1],
      [42, 1],
      [64, 26],
      [65, 14],
    ] as const
  ).map(([age, count]) => [String(age), count] as const),
  ...Array.from({ length: 21 }, (_, i) => [String(43 + i), 0.25] as const),
  ...Array.from({ length: 26 }, (_, i) => [String(66 + i), 0.04] as const),
]);

export function drawCar(rng: Rng, person: Person, loan: Loan): Car {
  const share = person.male ? OWN_CAR_MALE : person.gender === 'F' ? OWN_CAR_FEMALE : 0.34;
  // Richer clients own cars more often; older clients keep older cars. (Tying car age to
  // income too would skew the written ages: only owners, who are richer, have one.)
  const zOwn = mixNormal(rng.normal(), [0.35, loan.zIncome]);
  if (normCdf(zOwn) < 1 - share) return { ownCar: 'N', carAge: null };
  const zAge = mixNormal(rng.normal(), [0.2, person.zOld]);
  return { ownCar: 'Y', carAge: Number(CAR_AGE.at(normCdf(zAge))) };
}
