import type { Rng } from '../../../core/index.js';
import { Categorical } from '../stats/categorical.js';

/**
 * Amounts the way people and products round them. Incomes are declared in round figures:
 * 74% are multiples of 22,500 and 97% of 4,500 in the real file, with 225,000 more common
 * than 202,500. Goods prices are multiples of 4,500, mostly of 45,000 or 225,000, often
 * one to three 4,500 steps above a round figure (454,500, 679,500).
 */
export function roundIncome(rng: Rng, income: number): number {
  const r = rng.next();
  let x: number;
  if (r < 0.74) {
    x = Math.round(income / 22500) * 22500;
    // Above 180,000 people favour multiples of 45,000.
    if (x > 180000 && x % 45000 !== 0 && rng.chance(0.3)) x += rng.chance(0.5) ? 22500 : -22500;
  } else if (r < 0.97) x = Math.round(income / 4500) * 4500;
  else if (r < 0.99) x = Math.round(income / 450) * 450;
  else x = Math.round(income);
  return Math.max(25650, x);
}

const GOODS_GRIDS = [
  [225000, 0.2],
  [45000, 0.08],
  [22500, 0.06],
  [4500, Infinity],
] as const;
const GOODS_GRID_CHOICE = [0.5, 0.7, 0.75, 1];

export function snapGoodsPrice(rng: Rng, price: number): number {
  const r = rng.next();
  let level = GOODS_GRID_CHOICE.findIndex((c) => r < c);
  for (; level < GOODS_GRIDS.length; level++) {
    const [grid, tolerance] = GOODS_GRIDS[level]!;
    const snapped = Math.round(price / grid) * grid;
    if (snapped > 0 && Math.abs(snapped - price) / price <= tolerance) {
      const bump = grid >= 45000 && rng.chance(0.15) ? 4500 * rng.int(1, 6) : 0;
      return Math.min(4050000, Math.max(40500, snapped + bump));
    }
  }
  return Math.min(4050000, Math.max(40500, Math.round(price / 4500) * 4500));
}

/**
 * AMT_CREDIT / AMT_GOODS_PRICE of cash loans above 1 (insurance and fees folded into the
 * credit): the discrete multipliers of the real sample with their counts.
 */
export const CREDIT_TO_GOODS = new Categorical(
  (
    [
      [1.198, 325],
      [1.158, 296],
      [1.119, 238],
      [1.132, 177],
      [1.211, 160],
      [1.317, 133],
      [1.145, 123],
      [1.106, 120],
      [1.396, 118],
      [1.264, 110],
      [1.079, 99],
      [1.238, 98],
      [1.066, 83],
      [1.422, 67],
      [1.087, 43],
      [1.257, 28],
      [1.099, 26],
      [1.528, 25],
      [1.053, 25],
      [1.116, 22],
      [1.277, 22],
      [1.059, 20],
      [1.04, 17],
      [1.095, 17],
      [1.139, 17],
      [1.224, 16],
      [1.172, 15],
      [1.218, 13],
      [1.337, 11],
    ] as const
  ).map(([ratio, count]) => [String(ratio), count] as const),
);

/** Credit limits of revolving loans (real sample counts), in ascending order for an ordinal copula. */
export const REVOLVING_CREDIT = new Categorical(
  (
    [
      [67500, 4],
      [90000, 6],
      [112500, 6],
      [135000, 30],
      [157500, 10],
      [180000, 99],
      [202500, 16],
      [225000, 13],
      [247500, 11],
      [270000, 72],
      [292500, 1],
      [315000, 5],
      [337500, 23],
      [360000, 6],
      [382500, 3],
      [405000, 12],
      [427500, 2],
      [450000, 18],
      [495000, 5],
      [540000, 15],
      [585000, 6],
      [630000, 1],
      [675000, 11],
      [765000, 2],
      [810000, 3],
      [855000, 3],
      [900000, 7],
      [1125000, 1],
      [1350000, 5],
      [1800000, 0.5],
      [2250000, 1],
    ] as const
  ).map(([credit, count]) => [String(credit), count] as const),
);
