import type { Rng } from '../../../core/index.js';
import type { Applicant, IdCounters } from '../types.js';
import type { HistoryCounts } from './counts.js';
import {
  categorical,
  clamp,
  factCategorical,
  factLevels,
  halfUnits,
  lognormal,
  money,
  pick,
  quantileSampler,
  roundTo,
  sampleQuantile,
  wholeFloat,
  amount,
} from './sampling.js';
import type { SignalTally } from './signals.js';
import { earliestDay, HORIZON_MONTHS, monthOf } from './timeline.js';

/**
 * bureau and bureau_balance: credits at other institutions and their monthly status.
 *
 * Each credit gets a start (DAYS_CREDIT), a planned end, a fate (Active / Closed / Sold /
 * Bad debt) and a delinquency history: episodes of overdue months whose rate grows with
 * latentRisk, plus, for some active credits of risky clients, an overdue run still open at
 * application (CREDIT_DAY_OVERDUE > 0). bureau_balance writes that history month by month,
 * so its statuses agree with the bureau row.
 */

const Kind = { Consumer: 0, Card: 1, Mortgage: 2, Car: 3, Micro: 4, Other: 5 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

// Real shares of the levels the samples show, plus the rare full-table levels (SCHEMA.md 2.14).
const TYPE_KIND: Record<string, Kind> = {
  'Consumer credit': Kind.Consumer,
  'Credit card': Kind.Card,
  Mortgage: Kind.Mortgage,
  'Car loan': Kind.Car,
  Microloan: Kind.Micro,
};
const TYPE_LEVELS: readonly (readonly [string, number])[] = [
  ...factLevels('bureau', 'CREDIT_TYPE'),
  ['Loan for business development', 0.0012],
  ['Unknown type of loan', 0.0003],
  ['Loan for working capital replenishment', 0.0003],
  ['Cash loan (non-earmarked)', 0.00004],
  ['Real estate loan', 0.00002],
  ['Loan for the purchase of equipment', 0.00001],
  ['Loan for purchase of shares (margin lending)', 0.000003],
  ['Interbank credit', 0.000001],
  ['Mobile operator loan', 0.000001],
];
const CREDIT_TYPE = categorical(TYPE_LEVELS);
const TYPE_KINDS = TYPE_LEVELS.map(([name]) => TYPE_KIND[name] ?? Kind.Other);

const CURRENCY = factCategorical('bureau', 'CREDIT_CURRENCY', [
  ['currency 3', 0.0001],
  ['currency 4', 0.000006],
]);

const DAYS_CREDIT = quantileSampler([
  [0, -2922],
  [0.01, -2868],
  [0.25, -1647],
  [0.5, -1037],
  [0.75, -492.5],
  [0.99, -54],
  [1, 0],
]);

// Planned terms in months of consumer-type credits (bureau end dates cluster at 6/12/24/36/60 months).
const TERM_MONTHS = [3, 6, 9, 12, 18, 24, 36, 48, 60, 84, 120];
const CONSUMER_TERMS = categorical(
  TERM_MONTHS.map((m, i) => [String(m), [6, 16, 4, 30, 6, 15, 10, 4, 6, 1.5, 1.5][i]!] as const),
);
const MORTGAGE_TERMS = [120, 180, 240, 300];
const CAR_TERMS = [24, 36, 48, 60, 84];
const MICRO_TERMS = [1, 2, 3, 6, 12];

const CARD_LIMITS = [
  0, 22500, 45000, 67500, 90000, 112500, 135000, 180000, 225000, 270000, 315000, 450000, 675000, 900000,
];
const CARD_LIMIT_PICK = categorical(
  CARD_LIMITS.map((v, i) => [String(v), [8, 5, 12, 8, 12, 8, 13, 10, 10, 5, 3, 4, 1, 1][i]!] as const),
);

const STATUS_LABELS = ['0', '1', '2', '3', '4', '5', 'C', 'X'];
/** "MONTHS_BALANCE,STATUS" for every month 0..-96 and status code, built once (27M rows use them). */
const MONTH_STATUS = Array.from(
  { length: 97 * 8 },
  (_, i) => `${-Math.floor(i / 8) || 0},${STATUS_LABELS[i % 8]}`,
);
const CODE_C = 6;
const CODE_X = 7;
/** Peak status of an overdue episode: mostly one month at status 1, sometimes a write-off (5). */
const EPISODE_PEAK = categorical([
  ['1', 0.85],
  ['2', 0.05],
  ['3', 0.03],
  ['4', 0.02],
  ['5', 0.05],
]);
/**
 * Delinquency concentrates in few credits: a credit is 'prone' with this probability
 * (for an average client), and a prone credit starts an overdue episode at EPISODE_HAZARD
 * per open month. Status-1 months run for 1 + Poisson(1.5) months.
 */
const PRONE_SHARE = 0.2;
const EPISODE_HAZARD = 0.06;

// Scratch: statuses of one credit's months, newest first (month 0 at index 0).
const statusBuf = new Int8Array(97);

function statusOfDpd(days: number): number {
  return days <= 0 ? 0 : days <= 30 ? 1 : days <= 60 ? 2 : days <= 90 ? 3 : days <= 120 ? 4 : 5;
}

function termDays(rng: Rng, kind: Kind): number {
  let months: number;
  switch (kind) {
    case Kind.Mortgage:
      months = MORTGAGE_TERMS[rng.int(0, MORTGAGE_TERMS.length - 1)]!;
      break;
    case Kind.Car:
      months = CAR_TERMS[rng.int(0, CAR_TERMS.length - 1)]!;
      break;
    case Kind.Micro:
      months = MICRO_TERMS[rng.int(0, MICRO_TERMS.length - 1)]!;
      break;
    default:
      // A share of end dates is irregular (rescheduled, short-term loans).
      if (rng.chance(0.15)) return rng.int(7, 1600);
      months = TERM_MONTHS[rng.pickCumulative(CONSUMER_TERMS.cumulative)]!;
  }
  return Math.round(months * 30.44) + rng.int(-3, 3);
}

function creditAmount(rng: Rng, kind: Kind, incomeScale: number): number {
  let x: number;
  switch (kind) {
    case Kind.Card:
      return CARD_LIMITS[rng.pickCumulative(CARD_LIMIT_PICK.cumulative)]!;
    case Kind.Mortgage:
      x = lognormal(rng, 2_500_000 * incomeScale, 0.7);
      break;
    case Kind.Car:
      x = lognormal(rng, 550_000 * incomeScale, 0.5);
      break;
    case Kind.Micro:
      x = lognormal(rng, 25_000, 0.6);
      break;
    case Kind.Consumer:
      x = lognormal(rng, 130_000 * incomeScale, 1.15);
      break;
    default:
      x = lognormal(rng, 250_000 * incomeScale, 1);
  }
  x = clamp(x, 4500, 50_000_000);
  const u = rng.next();
  // Real sums mix round amounts (135000.0), half units and cents.
  if (u < 0.45) return Math.max(22500, roundTo(x, 22500));
  if (u < 0.7) return halfUnits(x);
  return Math.round(x * 100) / 100;
}

export function writeBureau(
  rng: Rng,
  applicant: Applicant,
  counts: HistoryCounts,
  ids: IdCounters,
  bureauRows: string[],
  balanceRows: string[],
  tally: SignalTally,
): void {
  const risk = applicant.latentRisk;
  const earliest = earliestDay(applicant.daysBirth);
  const incomeScale = clamp(Math.sqrt(applicant.incomeTotal / 150000), 0.5, 3);
  // Multipliers with mean ~1 over the population: risk drives delinquency and bad outcomes.
  const proneP = clamp(PRONE_SHARE * Math.exp(1.1 * risk - 0.605), 0, 0.95);
  const currentOverdueP = 0.0066 * Math.exp(1.3 * risk - 0.845);
  const badFateMult = Math.exp(0.8 * risk - 0.32);
  const cardUtilMean = -0.4 + 0.9 * risk;
  const curr = `${applicant.skIdCurr},`;

  for (let i = 0; i < counts.bureau; i++) {
    const bureauId = ids.nextBureauId++;
    const typeIndex = rng.pickCumulative(CREDIT_TYPE.cumulative);
    const kind = TYPE_KINDS[typeIndex]!;
    let dc = Math.round(sampleQuantile(rng, DAYS_CREDIT));
    if (dc < earliest) dc = rng.int(earliest, 0);

    // Planned end and fate.
    let plannedEnd: number;
    let pActive: number;
    if (kind === Kind.Card) {
      const u = rng.next();
      plannedEnd =
        u < 0.45
          ? dc + 1096 + rng.int(-30, 30)
          : u < 0.57
            ? dc + rng.int(25000, 33500)
            : dc + rng.int(300, 2600);
      pActive = 0.36 + 0.45 * Math.exp(dc / 1200);
    } else {
      plannedEnd = dc + termDays(rng, kind);
      pActive = plannedEnd >= 0 ? 0.82 : 0.065;
    }
    let fate: 'Active' | 'Closed' | 'Sold' | 'Bad debt';
    if (dc > -2 || rng.chance(pActive)) fate = 'Active';
    else {
      const u = rng.next() / badFateMult;
      fate = u < 0.00004 ? 'Bad debt' : u < 0.0065 ? 'Sold' : 'Closed';
    }
    const active = fate === 'Active';

    // Actual end (DAYS_ENDDATE_FACT), only for closed credits.
    let fact = NaN;
    if (fate === 'Closed') {
      if (kind !== Kind.Card && plannedEnd <= -1) {
        const u = rng.next();
        if (u < 0.5) fact = plannedEnd;
        else if (u < 0.8) fact = dc + Math.round((plannedEnd - dc) * rng.uniform(0.15, 1));
        else fact = plannedEnd + Math.round(Math.exp(rng.normal(3, 1.2)));
      } else fact = dc + Math.round((-1 - dc) * Math.pow(rng.uniform(0.05, 1), 1.4));
      fact = clamp(fact, dc, -1);
    }
    const endDay = fate === 'Closed' ? fact : 0;

    // Delinquency: past episodes over the open months, and an overdue run open now.
    const startMonth = monthOf(dc);
    const endMonth = monthOf(endDay);
    const openMonths = endMonth - startMonth + 1;
    let episodes = rng.chance(proneP) ? rng.poisson(EPISODE_HAZARD * openMonths) : 0;
    if (episodes > 4) episodes = 4;
    const overdueDays =
      active && rng.chance(currentOverdueP)
        ? clamp(Math.round(Math.exp(rng.normal(3.4, 1.3))), 1, Math.max(1, -dc))
        : 0;
    const delinquent = episodes > 0 || overdueDays > 0;

    // Amounts.
    const sum = creditAmount(rng, kind, incomeScale);
    let debt = NaN;
    if (!rng.chance(0.14)) {
      if (fate === 'Closed') debt = rng.chance(0.97) ? 0 : money(sum * rng.uniform(0, 0.1));
      else if (!active) debt = money(sum * rng.uniform(0.3, 1));
      else if (kind === Kind.Card) {
        const util = rng.chance(0.3) ? 0 : clamp(1 / (1 + Math.exp(-(cardUtilMean + rng.normal()))), 0, 1);
        debt = money(sum * util);
      } else if (rng.chance(0.07)) debt = 0;
      else {
        const remaining = plannedEnd > 0 ? plannedEnd / (plannedEnd - dc) : rng.uniform(0, 0.3);
        debt = money(sum * clamp(remaining * rng.uniform(0.85, 1.1), 0, 1));
      }
    }
    let limit = NaN;
    if (!rng.chance(0.322)) {
      limit = kind === Kind.Card && active && !Number.isNaN(debt) ? money(sum - debt) : 0;
    }
    const sumOverdue = overdueDays > 0 && rng.chance(0.85) ? money(sum * rng.uniform(0.01, 0.1)) : 0;
    // Missing independently of the history (62.9%), except while an overdue is open.
    let maxOverdue = NaN;
    if (overdueDays > 0 || !rng.chance(0.629)) {
      maxOverdue = delinquent ? Math.max(sumOverdue, money(sum * rng.uniform(0.005, 0.06))) : 0;
    }
    let annuity = NaN;
    if (!rng.chance(0.745)) {
      const termMonths = Math.max(1, (plannedEnd - dc) / 30.44);
      annuity = rng.chance(kind === Kind.Card ? 0.6 : active ? 0.2 : 0.45)
        ? 0
        : money((sum / Math.min(termMonths, 120)) * rng.uniform(1.1, 1.6));
    }
    const prolong = rng.chance(0.005) ? (rng.chance(0.8) ? 1 : rng.int(2, 5)) : 0;

    // DAYS_CREDIT_ENDDATE: missing for some cards and a few others.
    const endDate = rng.chance(kind === Kind.Card ? 0.17 : 0.035) ? NaN : plannedEnd;

    // Last bureau update: soon after closing, recent for live credits.
    let update: number;
    if (fate === 'Closed') {
      update = rng.chance(0.85) ? fact + Math.min(rng.poisson(2.5), 9) : rng.int(fact, 0);
    } else if (active && rng.chance(0.7)) {
      update = -Math.round(Math.exp(rng.normal(3, 0.8)));
    } else update = rng.int(dc, 0);
    update = clamp(update, dc, 0);

    if (overdueDays > tally.bureauMaxDaysOverdue) tally.bureauMaxDaysOverdue = overdueDays;
    tally.bureauCount++;
    if (active) {
      tally.bureauActiveCount++;
      if (!Number.isNaN(debt)) tally.bureauActiveDebt += debt;
    }

    bureauRows.push(
      `${curr}${bureauId},${fate},${pick(rng, CURRENCY)},${dc},${overdueDays},` +
        `${Number.isNaN(endDate) ? '' : wholeFloat(endDate)},${Number.isNaN(fact) ? '' : wholeFloat(fact)},` +
        `${amount(maxOverdue)},${prolong},${amount(sum)},${amount(debt)},${amount(limit)},` +
        `${amount(sumOverdue)},${CREDIT_TYPE.labels[typeIndex]},${update},${amount(annuity)}`,
    );

    if (counts.balanceCoverage === 0 || !rng.chance(counts.balanceCoverage)) continue;

    // bureau_balance: months 0 .. start month (at most 96 back), newest first.
    let span = Math.min(-HORIZON_MONTHS, -startMonth) + 1;
    // Some bureaus report only the recent part of a credit's life.
    if (rng.chance(0.45)) span = Math.max(1, Math.ceil(span * rng.uniform(0.3, 1)));
    const openFrom = Math.min(endMonth, 0); // newest open month
    // Unknown (X) stretches: whole credit, the oldest months, or months since the last update.
    const xu = rng.next();
    let xNewerThan = 1; // months m >= xNewerThan are X (1 = none)
    let xOlderThan = -1000; // months m <= xOlderThan are X
    if (xu < 0.17) xOlderThan = 0;
    else if (xu < 0.62) xOlderThan = startMonth + Math.floor(rng.next() * openMonths);
    else if (xu < 0.75 && active) xNewerThan = monthOf(update) + 1;
    // Some bureaus stop reporting once a credit is closed: X instead of C.
    const closedCode = rng.chance(0.08) ? CODE_X : CODE_C;
    for (let k = 0; k < span; k++) {
      const m = -k;
      statusBuf[k] = m > openFrom ? closedCode : m <= xOlderThan || m >= xNewerThan ? CODE_X : 0;
    }
    // Past overdue episodes: statuses climb 1, 2, ... to the peak; a write-off (5) lingers.
    for (let e = 0; e < episodes; e++) {
      const peak = rng.pickCumulative(EPISODE_PEAK.cumulative) + 1;
      const ones = 1 + rng.poisson(1.5);
      const linger = peak === 5 ? rng.int(0, 5) : 0;
      let m = startMonth + Math.floor(rng.next() * openMonths);
      for (let s = 2 - ones; s <= peak + linger && m <= openFrom; s++, m++) {
        const k = -m;
        if (k < span) statusBuf[k] = s < 1 ? 1 : s > 5 ? 5 : s;
      }
    }
    // An overdue run open at application: month 0 shows it, earlier months show its start.
    if (overdueDays > 0) {
      for (let k = 0; k < span; k++) {
        const dpd = overdueDays - Math.round(k * 30.44);
        if (dpd <= 0) break;
        statusBuf[k] = statusOfDpd(dpd);
      }
    }
    let worst = tally.bureauWorstStatus;
    const prefix = `${bureauId},`;
    for (let k = 0; k < span; k++) {
      const code = statusBuf[k]!;
      if (code <= 5 && code > worst) worst = code;
      balanceRows.push(prefix + MONTH_STATUS[k * 8 + code]!);
    }
    tally.bureauWorstStatus = worst;
  }
}
