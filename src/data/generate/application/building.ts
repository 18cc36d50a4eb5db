import type { Rng } from '../../../core/index.js';
import { factCategorical } from '../stats/categorical.js';
import { mixNormal, normCdf } from '../stats/normal.js';
import { appFacts, curveFromFacts, type QuantileCurve } from '../stats/quantile-curve.js';
import { BUILDING_TAILS } from './building-tails.js';
import type { AppColumn, SetField } from './columns.js';
import type { ClientLatent } from './latent.js';

/** The 14 measured quantities, each written as _AVG, _MODE and _MEDI. */
const BASES = [
  'APARTMENTS',
  'BASEMENTAREA',
  'YEARS_BEGINEXPLUATATION',
  'YEARS_BUILD',
  'COMMONAREA',
  'ELEVATORS',
  'ENTRANCES',
  'FLOORSMAX',
  'FLOORSMIN',
  'LANDAREA',
  'LIVINGAPARTMENTS',
  'LIVINGAREA',
  'NONLIVINGAPARTMENTS',
  'NONLIVINGAREA',
] as const;
type Base = (typeof BASES)[number];

/** How strongly each quantity follows the building's size (apartments and areas move together). */
const SIZE_LOADING: Readonly<Record<Base | 'TOTALAREA', number>> = {
  APARTMENTS: 0.95,
  LIVINGAREA: 0.95,
  TOTALAREA: 0.95,
  LIVINGAPARTMENTS: 0.9,
  ELEVATORS: 0.85,
  BASEMENTAREA: 0.7,
  COMMONAREA: 0.7,
  FLOORSMAX: 0.65,
  ENTRANCES: 0.6,
  FLOORSMIN: 0.6,
  LANDAREA: 0.5,
  NONLIVINGAREA: 0.5,
  NONLIVINGAPARTMENTS: 0.4,
  YEARS_BUILD: 0.3,
  YEARS_BEGINEXPLUATATION: 0.2,
};

/** Counted quantities sit on a grid (floors in 24ths, elevators in 25ths, entrances in 29ths). */
const GRID: Partial<Record<Base, number>> = { FLOORSMAX: 24, FLOORSMIN: 24, ELEVATORS: 25, ENTRANCES: 29 };
/** Share of rows whose _MODE repeats _AVG exactly, for grid quantities (real sample). */
const MODE_SAME: Partial<Record<Base, number>> = {
  FLOORSMAX: 0.93,
  FLOORSMIN: 0.93,
  ELEVATORS: 0.62,
  ENTRANCES: 0.9,
};

/** Rows with no building information at all (EMERGENCYSTATE_MODE's real missing share). */
const NONE = appFacts('EMERGENCYSTATE_MODE').missingRate;
/** Rows with only EMERGENCYSTATE_MODE (and sometimes TOTALAREA_MODE): all _AVG missing in 48.6%. */
const PARTIAL = 0.012;
const NUMERIC = 1 - NONE - PARTIAL;
const PARTIAL_TOTALAREA = 0.36;

const curve = (name: string): QuantileCurve => {
  const t = BUILDING_TAILS[name]!;
  return curveFromFacts(name, [
    [0.01, t[0]!],
    [0.05, t[1]!],
    [0.1, t[2]!],
    [0.9, t[3]!],
    [0.95, t[4]!],
    [0.99, t[5]!],
  ]);
};
const presentShare = (name: string, extra = 0): number =>
  Math.min(1, (1 - appFacts(name).missingRate - extra) / NUMERIC);

interface BaseModel {
  readonly base: Base;
  readonly present: number;
  readonly avg: QuantileCurve;
  readonly mode: QuantileCurve;
  readonly medi: QuantileCurve;
}
const MODELS: readonly BaseModel[] = BASES.map((base) => ({
  base,
  present: presentShare(`${base}_AVG`),
  avg: curve(`${base}_AVG`),
  mode: curve(`${base}_MODE`),
  medi: curve(`${base}_MEDI`),
}));
const TOTALAREA = curve('TOTALAREA_MODE');
const TOTALAREA_PRESENT = presentShare('TOTALAREA_MODE', PARTIAL * PARTIAL_TOTALAREA);
const FONDKAPREMONT = factCategorical('FONDKAPREMONT_MODE');
const HOUSETYPE = factCategorical('HOUSETYPE_MODE');
const WALLS = factCategorical('WALLSMATERIAL_MODE');
const EMERGENCY = factCategorical('EMERGENCYSTATE_MODE');
const FONDKAPREMONT_PRESENT = presentShare('FONDKAPREMONT_MODE');
const HOUSETYPE_PRESENT = presentShare('HOUSETYPE_MODE');
const WALLS_PRESENT = presentShare('WALLSMATERIAL_MODE');
/** How much the columns' missingness moves together within a row (non-nested in 27% of real rows). */
const JOINT = Math.sqrt(0.7);

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;
const onGrid = (x: number, steps: number): number => round4(Math.round(x * steps) / steps);

/** Writes the 47 building columns of one row through set(column, value). */
export function drawBuilding(rng: Rng, latent: ClientLatent, set: SetField): void {
  // Riskier clients more often come without building information (real: its absence predicts default).
  const level = normCdf(mixNormal(rng.normal(), [-0.15, latent.risk]));
  if (level < NONE) return;
  const numeric = level >= NONE + PARTIAL;
  set('EMERGENCYSTATE_MODE', EMERGENCY.pick(rng));
  if (!numeric) {
    if (rng.chance(PARTIAL_TOTALAREA)) set('TOTALAREA_MODE', round4(TOTALAREA.at(rng.next())));
    return;
  }
  const zRow = rng.normal();
  // Larger buildings (cities) go with slightly lower risk.
  const zSize = mixNormal(rng.normal(), [-0.1, latent.risk]);
  for (const m of MODELS) {
    if (normCdf(mixNormal(rng.normal(), [JOINT, zRow])) >= m.present) continue;
    const z = mixNormal(rng.normal(), [SIZE_LOADING[m.base], zSize]);
    const steps = GRID[m.base];
    const avg = steps ? onGrid(m.avg.at(normCdf(z)), steps) : round4(m.avg.at(normCdf(z)));
    const medi = steps && rng.chance(0.97) ? avg : round4(m.medi.at(normCdf(z + 0.05 * rng.normal())));
    const mode =
      steps && rng.chance(MODE_SAME[m.base]!) ? avg : round4(m.mode.at(normCdf(z + 0.15 * rng.normal())));
    set(`${m.base}_AVG` as AppColumn, avg);
    set(`${m.base}_MODE` as AppColumn, mode);
    set(`${m.base}_MEDI` as AppColumn, medi);
  }
  if (rng.chance(FONDKAPREMONT_PRESENT)) set('FONDKAPREMONT_MODE', FONDKAPREMONT.pick(rng));
  if (rng.chance(HOUSETYPE_PRESENT)) set('HOUSETYPE_MODE', HOUSETYPE.pick(rng));
  if (rng.chance(TOTALAREA_PRESENT)) {
    set(
      'TOTALAREA_MODE',
      round4(TOTALAREA.at(normCdf(mixNormal(rng.normal(), [SIZE_LOADING.TOTALAREA, zSize])))),
    );
  }
  if (rng.chance(WALLS_PRESENT)) set('WALLSMATERIAL_MODE', WALLS.pick(rng));
}
