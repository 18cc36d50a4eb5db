import { Rng } from '../../../core/index.js';
import { mixNormal, normCdf, normInv } from '../stats/normal.js';
import { appFacts, curveFromFacts } from '../stats/quantile-curve.js';
import { AGE_GRID, calibrateOdds, piecewise } from './age-bands.js';
import type { ClientLatent } from './latent.js';
import { AGE_RISK_LOADING, type Person } from './person.js';

export interface ExternalScores {
  readonly ext1: number | null;
  readonly ext2: number | null;
  readonly ext3: number | null;
}

// Real quartiles plus real-sample tail percentiles.
const EXT1 = curveFromFacts('EXT_SOURCE_1', [
  [0.01, 0.0861],
  [0.05, 0.161],
  [0.1, 0.2198],
  [0.9, 0.7723],
  [0.95, 0.8329],
  [0.99, 0.8849],
]);
const EXT2 = curveFromFacts('EXT_SOURCE_2', [
  [0.01, 0.0311],
  [0.05, 0.1294],
  [0.1, 0.2122],
  [0.9, 0.7247],
  [0.95, 0.7503],
  [0.99, 0.7819],
]);
const EXT3 = curveFromFacts('EXT_SOURCE_3', [
  [0.01, 0.0682],
  [0.05, 0.1524],
  [0.1, 0.2302],
  [0.9, 0.7517],
  [0.95, 0.7899],
  [0.99, 0.8328],
]);

/**
 * EXT_SOURCE_3 takes only about 800 distinct values in the real file (596 among 3,190
 * sample rows): scores come from a fixed grid, built once from a fixed seed.
 */
const EXT3_GRID_SIZE = 814;
const EXT3_GRID = (() => {
  const rng = new Rng(20180517, 3);
  return Float64Array.from({ length: EXT3_GRID_SIZE }, (_, i) => EXT3.at((i + rng.next()) / EXT3_GRID_SIZE));
})();

/** Missing EXT_SOURCE_1 is far more common among older clients (real sample: 40% at 20-30, 79% at 60-70). */
const EXT1_MISSING: readonly (readonly [number, number])[] = [
  [20, 0.38],
  [30, 0.43],
  [40, 0.52],
  [50, 0.66],
  [60, 0.78],
  [70, 0.82],
];
const EXT3_MISSING: readonly (readonly [number, number])[] = [
  [20, 0.28],
  [27, 0.22],
  [32, 0.18],
  [70, 0.19],
];
const EXT1_ODDS = calibrateOdds(
  [[1, (a) => piecewise(EXT1_MISSING, a)]],
  appFacts('EXT_SOURCE_1').missingRate,
);
const EXT3_ODDS = calibrateOdds(
  [[1, (a) => piecewise(EXT3_MISSING, a)]],
  appFacts('EXT_SOURCE_3').missingRate,
);
const EXT2_MISSING = appFacts('EXT_SOURCE_2').missingRate;

const withOdds = (p: number, odds: number): number => (odds * p) / (1 - p + odds * p);

/** EXT_SOURCE_1's loadings on the age and risk latents. */
const EXT1_AGE = 0.62;
const EXT1_RISK = -0.25;
/**
 * Older clients more often lack EXT_SOURCE_1, so the observed scores would skew young (and
 * low). Standardise z1 over the clients who have one so the written scores keep the real
 * quantiles: shift by its mean there, scale by its sd there (age grid, exact normal algebra).
 */
const EXT1_OBSERVED = (() => {
  let weight = 0;
  let sum = 0;
  let squares = 0;
  AGE_GRID.forEach((age, i) => {
    const zOld = -normInv((i + 0.5) / AGE_GRID.length);
    const w = 1 - withOdds(piecewise(EXT1_MISSING, age), EXT1_ODDS);
    weight += w;
    sum += w * zOld;
    squares += w * zOld * zOld;
  });
  const mean = sum / weight;
  const variance = squares / weight - mean * mean;
  const slope = EXT1_AGE + EXT1_RISK * AGE_RISK_LOADING;
  return { mean: slope * mean, sd: Math.sqrt(1 - slope * slope * (1 - variance)) };
})();

/**
 * Three external scores, each leaning against latent risk with modest weight (so they
 * correlate only 0.1-0.2 with one another, as in the real data) and EXT_SOURCE_1 tied to
 * age (real corr with DAYS_BIRTH about -0.62).
 */
export function drawExternalScores(rng: Rng, latent: ClientLatent, person: Person): ExternalScores {
  const z1 =
    (mixNormal(rng.normal(), [EXT1_AGE, person.zOld], [EXT1_RISK, latent.risk]) - EXT1_OBSERVED.mean) /
    EXT1_OBSERVED.sd;
  // EXT_SOURCE_2 and 3 also share a factor unrelated to risk (real corr about 0.1-0.2).
  const shared = rng.normal();
  const z2 = mixNormal(rng.normal(), [-0.28, latent.risk], [0.03, person.zOld], [0.2, shared]);
  const z3 = mixNormal(rng.normal(), [-0.28, latent.risk], [0.15, person.zOld], [0.2, shared]);
  const age = person.ageYears;
  const ext1 = rng.chance(withOdds(piecewise(EXT1_MISSING, age), EXT1_ODDS)) ? null : EXT1.at(normCdf(z1));
  const ext2 = rng.chance(EXT2_MISSING) ? null : EXT2.at(normCdf(z2));
  const index = Math.min(EXT3_GRID_SIZE - 1, Math.floor(normCdf(z3) * EXT3_GRID_SIZE));
  const ext3 = rng.chance(withOdds(piecewise(EXT3_MISSING, age), EXT3_ODDS)) ? null : EXT3_GRID[index]!;
  return { ext1, ext2, ext3 };
}
