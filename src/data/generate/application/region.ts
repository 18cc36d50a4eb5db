import type { Rng } from '../../../core/index.js';
import { mixNormal, normCdf } from '../stats/normal.js';
import type { ClientLatent } from './latent.js';

export interface Region {
  readonly population: number;
  readonly rating: number;
  readonly ratingWithCity: number;
}

/**
 * The regions of the real sample: REGION_POPULATION_RELATIVE as written (the real file
 * spells some regions two ways, e.g. 0.011657 and 0.0116569999999999), the region's
 * REGION_RATING_CLIENT, and its count among 3,987 real rows. Plus the real minimum.
 */
const REGIONS: readonly (readonly [population: number, rating: number, count: number])[] = [
  [0.072508, 1, 117],
  [0.04622, 1, 174],
  [0.032561, 1, 95],
  [0.011657, 1, 13],
  [0.0116569999999999, 1, 26],
  [0.003540999999999999, 1, 2],
  [0.0035409999999999, 1, 4],
  [0.035792000000000004, 2, 43],
  [0.035792, 2, 146],
  [0.031329, 2, 148],
  [0.030755, 2, 154],
  [0.028663, 2, 157],
  [0.026392, 2, 159],
  [0.025164, 2, 159],
  [0.02461, 2, 75],
  [0.0228, 2, 43],
  [0.022625, 2, 85],
  [0.019689, 2, 11],
  [0.0196889999999999, 2, 66],
  [0.019101, 2, 122],
  [0.01885, 2, 114],
  [0.018801, 2, 74],
  [0.018634, 2, 82],
  [0.016612000000000002, 2, 22],
  [0.016612, 2, 50],
  [0.015221, 2, 99],
  [0.014519999999999996, 2, 19],
  [0.0145199999999999, 2, 52],
  [0.014464, 2, 39],
  [0.011703, 2, 38],
  [0.010966, 2, 46],
  [0.010643, 2, 36],
  [0.010276, 2, 35],
  [0.010147, 2, 41],
  [0.010032, 2, 41],
  [0.010006, 2, 46],
  [0.009657, 2, 12],
  [0.0096569999999999, 2, 22],
  [0.00963, 2, 33],
  [0.009549, 2, 25],
  [0.009334, 2, 29],
  [0.009175, 2, 40],
  [0.008865999999999999, 2, 5],
  [0.0088659999999999, 2, 10],
  [0.008625, 2, 29],
  [0.008575, 2, 26],
  [0.008473999999999999, 2, 9],
  [0.0084739999999999, 2, 12],
  [0.00823, 2, 26],
  [0.008019, 2, 26],
  [0.00733, 2, 40],
  [0.007273999999999998, 2, 5],
  [0.0072739999999999, 2, 20],
  [0.007120000000000001, 2, 7],
  [0.00712, 2, 26],
  [0.007114, 2, 23],
  [0.00702, 2, 49],
  [0.006670999999999999, 2, 6],
  [0.0066709999999999, 2, 14],
  [0.006629, 2, 30],
  [0.006233, 2, 9],
  [0.006207, 2, 30],
  [0.006008, 2, 5],
  [0.0060079999999999, 2, 21],
  [0.005313, 2, 13],
  [0.005144, 2, 14],
  [0.005084, 2, 12],
  [0.00496, 2, 44],
  [0.004849, 2, 16],
  [0.0038179999999999, 2, 13],
  [0.003813, 2, 18],
  [0.002506, 2, 14],
  [0.001417, 2, 6],
  [0.001276, 2, 8],
  [0.020713, 3, 95],
  [0.020246, 3, 94],
  [0.018209, 3, 78],
  [0.018029, 3, 82],
  [0.010556, 3, 23],
  [0.0105, 3, 39],
  [0.008068, 3, 18],
  [0.007305, 3, 21],
  [0.006852, 3, 28],
  [0.006305, 3, 22],
  [0.006296, 3, 15],
  [0.005002, 3, 20],
  [0.003122, 3, 2],
  [0.0031219999999999, 3, 11],
  [0.003069, 3, 25],
  [0.002134, 3, 12],
  [0.002042, 3, 16],
  [0.001333, 3, 5],
  [0.000938, 3, 1],
  [0.00029, 2, 1],
];

/** Real full-table shares of REGION_RATING_CLIENT 1, 2, 3 (they give its exact mean 2.052463). */
const RATING_SHARE = [0.1047, 0.7381, 0.1572];

/** Cumulative weights, regions ordered from the best rating and the most populated. */
const ORDERED = [...REGIONS].sort((a, b) => a[1] - b[1] || b[0] - a[0]);
const CUMULATIVE = (() => {
  const byRating = [1, 2, 3].map((r) => REGIONS.filter((x) => x[1] === r).reduce((s, x) => s + x[2], 0));
  let total = 0;
  return Float64Array.from(ORDERED, ([, rating, count]) => {
    total += (count * RATING_SHARE[rating - 1]!) / byRating[rating - 1]!;
    return total;
  });
})();

export function drawRegion(rng: Rng, latent: ClientLatent): Region {
  // Riskier clients live in worse-rated regions more often.
  const u = normCdf(mixNormal(rng.normal(), [0.2, latent.risk])) * CUMULATIVE[CUMULATIVE.length - 1]!;
  let i = 0;
  while (i < CUMULATIVE.length - 1 && CUMULATIVE[i]! <= u) i++;
  const [population, rating] = ORDERED[i]!;
  // The city-adjusted rating is the same or better (real: 0.7% of 2s become 1, 9% of 3s improve).
  let ratingWithCity = rating;
  if (rating === 2 && rng.chance(0.0067)) ratingWithCity = 1;
  if (rating === 3 && rng.chance(0.0929)) ratingWithCity = rng.chance(0.1) ? 1 : 2;
  return { population, rating, ratingWithCity };
}
