import type { Rng } from '../../../core/index.js';
import { formatFloat } from '../csv-format.js';
import type { Applicant, IdCounters } from '../types.js';
import type { Behaviour } from './behaviour.js';
import type { HistoryCounts } from './counts.js';
import { type CardLoan, writeCard } from './credit-card.js';
import { annuityOf, type InstalmentLoan, schedule, writeInstalments } from './installments.js';
import { writePosCash } from './pos-cash.js';
import {
  amount,
  type Categorical,
  categorical,
  clamp,
  factCategorical,
  halfUnits,
  lognormal,
  money,
  pick,
  quantileSampler,
  roundTo,
  sampleQuantile,
  wholeFloat,
} from './sampling.js';
import type { SignalTally } from './signals.js';
import { earliestDay, SENTINEL } from './timeline.js';

/**
 * previous_application: earlier Home Credit applications. Contract type and status are
 * drawn jointly (the real cells: canceled applications are mostly empty cash requests with
 * XNA placeholders, unused offers are consumer loans the client declined, ...), Refused
 * weighted up for risky clients. Every other column follows from the cell, as in the real
 * rows. Approved cash and consumer loans then get POS_CASH_balance and installments
 * histories; the client's card (an approved revolving loan) gets credit_card_balance.
 */

const Cell = {
  CashApproved: 0,
  CashCanceled: 1,
  CashRefused: 2,
  ConsumerApproved: 3,
  ConsumerRefused: 4,
  ConsumerUnused: 5,
  ConsumerCanceled: 6,
  CardCanceled: 7,
  CardRefused: 8,
  CardApproved: 9,
} as const;
type Cell = (typeof Cell)[keyof typeof Cell];

// Joint type x status counts of the 1,000 random real rows (approved cards are added
// per client, see counts.ts, so they are left out here).
const CELL_WEIGHTS = [194, 189, 98, 345, 40, 15.5, 1.5, 22, 20.5];
const REFUSED_CELLS: readonly number[] = [Cell.CashRefused, Cell.ConsumerRefused, Cell.CardRefused];
const CELL_TYPE = [
  'Cash loans',
  'Cash loans',
  'Cash loans',
  'Consumer loans',
  'Consumer loans',
  'Consumer loans',
  'Consumer loans',
  'Revolving loans',
  'Revolving loans',
  'Revolving loans',
];
const CELL_STATUS = [
  'Approved',
  'Canceled',
  'Refused',
  'Approved',
  'Refused',
  'Unused offer',
  'Canceled',
  'Canceled',
  'Refused',
  'Approved',
];
// NAME_TYPE_SUITE is missing 48.6% overall, far more often for canceled requests.
const SUITE_MISSING = [0.31, 0.97, 0.33, 0.34, 0.51, 0.67, 0.9, 1, 0.5, 0.52];

// Approved loans are older than the other applications (DAYS_FIRST_DUE median -805 while
// DAYS_DECISION's is -544): canceled and refused requests are mostly recent.
const DECISION_APPROVED = quantileSampler([
  [0, -2922],
  [0.01, -2850],
  [0.25, -1500],
  [0.5, -800],
  [0.75, -450],
  [0.99, -50],
  [1, -1],
]);
const DECISION_OTHER = quantileSampler([
  [0, -2922],
  [0.01, -2700],
  [0.25, -560],
  [0.5, -260],
  [0.75, -120],
  [0.99, -8],
  [1, -1],
]);
// Cards are older than the average application: ~37 months of card rows each (3.84M / 104k).
const CARD_DECISION = quantileSampler([
  [0, -2922],
  [0.25, -1950],
  [0.5, -1150],
  [0.75, -520],
  [1, -30],
]);

const WEEKDAY = factCategorical('previous_application', 'WEEKDAY_APPR_PROCESS_START');
const SUITE = factCategorical('previous_application', 'NAME_TYPE_SUITE', [['Group of people', 0.001]]);
const REJECT = categorical([
  ['HC', 0.58],
  ['LIMIT', 0.23],
  ['SCO', 0.098],
  ['SCOFR', 0.042],
  ['VERIF', 0.035],
  ['XNA', 0.014],
  ['SYSTEM', 0.001],
]);
const CASH_PURPOSE = categorical([
  ['Repairs', 18],
  ['Other', 18],
  ['Urgent needs', 11],
  ['Journey', 3],
  ['Buying a used car', 2],
  ['Education', 2],
  ['Building a house or an annex', 2],
  ['Everyday expenses', 2],
  ['Buying a new car', 1],
  ['Payments on other loans', 1],
  ['Furniture', 1],
  ['Medicine', 1],
  ['Gasification / water supply', 1],
  ['Car repairs', 0.5],
  ['Purchase of electronic equipment', 0.5],
  ['Buying a home', 0.3],
  ['Buying a holiday home / land', 0.3],
]);
const CASH_CHANNEL = categorical([
  ['Credit and cash offices', 80],
  ['Country-wide', 8],
  ['AP+ (Cash loan)', 6],
  ['Contact center', 5],
  ['Regional / Local', 1],
  ['Channel of corporate sales', 0.5],
  ['Stone', 0.5],
]);
const CARD_CHANNEL = categorical([
  ['Credit and cash offices', 62],
  ['Country-wide', 17],
  ['AP+ (Cash loan)', 10],
  ['Contact center', 6],
  ['Regional / Local', 4],
  ['Stone', 1],
]);
const POS_CHANNEL = categorical([
  ['Country-wide', 53],
  ['Stone', 32],
  ['Regional / Local', 15],
]);
const CASH_INDUSTRY = categorical([
  ['XNA', 91],
  ['Consumer electronics', 5],
  ['Connectivity', 4],
]);
const CARD_INDUSTRY = categorical([
  ['XNA', 77],
  ['Consumer electronics', 15],
  ['Connectivity', 8],
]);
// Cash products: combination fixes the product type (X-Sell / Street) and yield group.
const CASH_PRODUCTS = [
  ['Cash X-Sell: middle', 'x-sell', 'middle'],
  ['Cash X-Sell: low', 'x-sell', 'low_normal'],
  ['Cash Street: high', 'walk-in', 'high'],
  ['Cash X-Sell: high', 'x-sell', 'high'],
  ['Cash Street: low', 'walk-in', 'low_normal'],
  ['Cash Street: middle', 'walk-in', 'middle'],
] as const;
const CASH_PRODUCT_APPROVED = categorical(
  CASH_PRODUCTS.map((p, i) => [p[0], [69, 56, 36, 35, 7, 7][i]!] as const),
);
const CASH_PRODUCT_REFUSED = categorical(
  CASH_PRODUCTS.map((p, i) => [p[0], [11, 23, 12, 6, 10, 14][i]!] as const),
);
const CASH_TERMS = [6, 10, 12, 18, 24, 30, 36, 42, 48, 54, 60];
const CASH_TERM_PICK = categorical(
  CASH_TERMS.map((t, i) => [String(t), [45, 3, 180, 91, 117, 20, 73, 9, 43, 5, 33][i]!] as const),
);
const CONSUMER_TERMS = [3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 16, 18, 20, 24, 30, 36, 48];
const CONSUMER_TERM_PICK = categorical(
  CONSUMER_TERMS.map(
    (t, i) => [String(t), [3, 62, 12, 414, 6, 66, 4, 387, 542, 10, 13, 64, 2, 152, 1, 8, 1][i]!] as const,
  ),
);
// Consumer (POS) products: a product line fixes the likely goods and seller industry.
interface PosLine {
  readonly name: string;
  readonly withInterest: number;
  readonly goods: Categorical;
}
const POS_LINES: readonly PosLine[] = [
  {
    name: 'household',
    withInterest: 0.78,
    goods: categorical([
      ['Consumer Electronics', 33],
      ['Audio/Video', 30],
      ['Computers', 20],
      ['Mobile', 5],
      ['Photo / Cinema Equipment', 3],
      ['XNA', 2],
      ['Furniture', 1.5],
      ['Office Appliances', 1.5],
      ['Construction Materials', 1],
      ['Medical Supplies', 0.3],
      ['Sport and Leisure', 0.3],
      ['Other', 0.3],
    ]),
  },
  {
    name: 'mobile',
    withInterest: 0.83,
    goods: categorical([
      ['Mobile', 83],
      ['Computers', 10],
      ['Photo / Cinema Equipment', 4],
      ['Audio/Video', 1.5],
      ['XNA', 1.5],
    ]),
  },
  {
    name: 'industry',
    withInterest: 0.8,
    goods: categorical([
      ['Furniture', 38],
      ['Construction Materials', 20],
      ['Clothing and Accessories', 20],
      ['Vehicles', 1.5],
      ['Homewares', 1.5],
      ['Medical Supplies', 1.5],
      ['Medicine', 1.5],
      ['Auto Accessories', 1],
      ['Gardening', 1],
      ['Other', 1],
      ['Fitness', 0.6],
      ['Jewelry', 0.3],
      ['Tourism', 0.3],
      ['Sport and Leisure', 0.3],
    ]),
  },
  {
    name: 'other',
    withInterest: 0.95,
    goods: categorical([
      ['Auto Accessories', 40],
      ['Homewares', 10],
      ['Jewelry', 10],
      ['Sport and Leisure', 8],
      ['Vehicles', 8],
      ['Audio/Video', 6],
      ['Direct Sales', 4],
      ['Other', 4],
      ['Construction Materials', 4],
      ['Education', 2],
      ['Medical Supplies', 2],
      ['Gardening', 2],
    ]),
  },
];
const POS_LINE_PICK = categorical([
  ['household', 47],
  ['mobile', 32],
  ['industry', 18],
  ['other', 3],
]);
const SELLER_OF_GOODS: Record<string, Categorical> = (() => {
  const electronics = categorical([
    ['Consumer electronics', 85],
    ['Connectivity', 15],
  ]);
  const industry = categorical([['Industry', 1]]);
  const construction = categorical([
    ['Construction', 85],
    ['Furniture', 15],
  ]);
  return {
    Mobile: categorical([
      ['Connectivity', 92],
      ['Consumer electronics', 8],
    ]),
    'Consumer Electronics': electronics,
    'Audio/Video': electronics,
    Computers: electronics,
    'Photo / Cinema Equipment': electronics,
    'Office Appliances': electronics,
    XNA: electronics,
    Furniture: categorical([
      ['Furniture', 90],
      ['Construction', 5],
      ['Consumer electronics', 5],
    ]),
    'Construction Materials': construction,
    Homewares: construction,
    Gardening: construction,
    'Clothing and Accessories': categorical([['Clothing', 1]]),
    'Auto Accessories': categorical([
      ['Auto technology', 50],
      ['Industry', 50],
    ]),
    Vehicles: categorical([
      ['Industry', 50],
      ['Auto technology', 50],
    ]),
    Jewelry: categorical([
      ['Industry', 70],
      ['Jewelry', 30],
    ]),
    'Direct Sales': categorical([['MLM partners', 1]]),
    Tourism: categorical([['XNA', 1]]),
    'Medical Supplies': industry,
    Medicine: industry,
    Fitness: industry,
    'Sport and Leisure': industry,
    Education: industry,
    Other: industry,
  };
})();
const YIELD_WITH_INTEREST = categorical([
  ['middle', 42],
  ['high', 26],
  ['low_normal', 32],
]);
const YIELD_MOBILE = categorical([
  ['high', 62],
  ['middle', 20],
  ['low_normal', 18],
]);
const YIELD_WITHOUT_INTEREST = categorical([
  ['low_action', 70],
  ['low_normal', 25],
  ['middle', 5],
]);
/** Monthly interest by yield group. */
const YIELD_RATE: Record<string, number> = {
  low_action: 0.006,
  low_normal: 0.017,
  middle: 0.028,
  high: 0.038,
};
const DOWN_SHARES = [0.05, 0.1, 0.1, 0.1, 0.15, 0.2, 0.2, 0.3, 0.4];
const CARD_LIMITS = [
  45000, 67500, 90000, 112500, 135000, 180000, 225000, 270000, 315000, 450000, 675000, 900000,
];
const CARD_LIMIT_PICK = categorical(
  CARD_LIMITS.map((v, i) => [String(v), [12, 8, 12, 8, 20, 12, 10, 7, 3, 6, 1, 1][i]!] as const),
);
const RATE_PRIMARY = quantileSampler([
  [0, 0.035],
  [0.01, 0.143374],
  [0.25, 0.165788],
  [0.5, 0.189136],
  [0.75, 0.193018],
  [1, 0.2],
]);
const RATE_PRIVILEGED = quantileSampler([
  [0, 0.37],
  [0.01, 0.641892],
  [0.25, 0.736522],
  [0.5, 0.835095],
  [0.75, 0.851216],
  [1, 0.87],
]);

// Scratch loans handed to the history writers (never retained by them).
const loan: InstalmentLoan = {
  prefix: '',
  consumer: false,
  decision: 0,
  firstDue: 0,
  terms: 0,
  annuity: 0,
  credit: 0,
  monthlyRate: 0,
  payoffK: 0,
  defaultK: 0,
};
const card: CardLoan = { prefix: '', decision: 0, limit: 0, closeDay: NaN };
const decisions = new Int32Array(4096);
const cellCumulative = new Float64Array(CELL_WEIGHTS.length);
const cellOf = new Uint8Array(4096);

export interface PreviousRows {
  readonly previous: string[];
  readonly pos: string[];
  readonly installments: string[];
  readonly card: string[];
}

/** Cash request: larger amounts go with longer terms. */
function cashAmount(rng: Rng, incomeScale: number, terms: number): number {
  const x = clamp(lognormal(rng, 180_000 * incomeScale * Math.sqrt(terms / 12), 0.8), 18_000, 4_500_000);
  return rng.chance(0.75) ? Math.max(22500, roundTo(x, 22500)) : Math.max(4500, roundTo(x, 4500));
}

/** Amounts, counts and flags (formatFloat's output, faster: see sampling.amount). */
const f = amount;

export function writePrevious(
  rng: Rng,
  applicant: Applicant,
  counts: HistoryCounts,
  b: Behaviour,
  ids: IdCounters,
  out: PreviousRows,
  tally: SignalTally,
): void {
  const n = counts.previous;
  if (n === 0) return;
  const earliest = earliestDay(applicant.daysBirth);
  const incomeScale = clamp(Math.sqrt(applicant.incomeTotal / 150000), 0.5, 3);

  // Cell weights with Refused scaled by the client's risk.
  let total = 0;
  const cum = cellCumulative;
  for (let c = 0; c < CELL_WEIGHTS.length; c++) {
    total += CELL_WEIGHTS[c]! * (REFUSED_CELLS.includes(c) ? b.refuseMult : 1);
    cum[c] = total;
  }
  const cardIndex = counts.hasCard ? rng.int(0, n - 1) : -1;

  // Cells and decision days first, so the earliest application can be the 'New' one.
  let earliestIndex = 0;
  const big = n > decisions.length;
  const days = big ? new Int32Array(n) : decisions;
  const cells = big ? new Uint8Array(n) : cellOf;
  let instalmentLoans = 0;
  for (let i = 0; i < n; i++) {
    const cell = i === cardIndex ? Cell.CardApproved : rng.pickCumulative(cum);
    cells[i] = cell;
    if (cell === Cell.CashApproved || cell === Cell.ConsumerApproved) instalmentLoans++;
  }
  // Nearly every client with applications got at least one cash or consumer loan
  // (POS and installments rows exist for ~95% of clients, as applications do).
  if (instalmentLoans === 0 && n > (cardIndex >= 0 ? 1 : 0)) {
    let i = rng.int(0, n - 1);
    if (i === cardIndex) i = (i + 1) % n;
    cells[i] = rng.chance(0.36) ? Cell.CashApproved : Cell.ConsumerApproved;
  }
  let firstInstalment = -1;
  for (let i = 0; i < n; i++) {
    const cell = cells[i]!;
    if (firstInstalment < 0 && (cell === Cell.CashApproved || cell === Cell.ConsumerApproved)) {
      firstInstalment = i;
    }
    const sampler =
      cell === Cell.CardApproved
        ? CARD_DECISION
        : cell === Cell.CashApproved || cell === Cell.ConsumerApproved
          ? DECISION_APPROVED
          : DECISION_OTHER;
    let d = Math.round(sampleQuantile(rng, sampler));
    if (d < earliest) d = rng.int(earliest, -1);
    days[i] = d;
    if (d < days[earliestIndex]!) earliestIndex = i;
  }

  const curr = applicant.skIdCurr;
  for (let i = 0; i < n; i++) {
    const prevId = ids.nextPrevId++;
    const prefix = `${prevId},${curr},`;
    const cell = cells[i] as Cell;
    const decision = days[i]!;
    const approved =
      cell === Cell.CashApproved || cell === Cell.ConsumerApproved || cell === Cell.CardApproved;
    tally.prevCount++;
    if (cell === Cell.CashRefused || cell === Cell.ConsumerRefused || cell === Cell.CardRefused) {
      tally.prevRefusedCount++;
    }

    // Defaults: an empty request (canceled cash / card, some refusals).
    let annuity = NaN;
    let application = 0;
    let credit = 0;
    let down = NaN;
    let rateDown = NaN;
    let goods = NaN;
    let terms = NaN;
    let purpose = 'XAP';
    let payment = 'XNA';
    let goodsCategory = 'XNA';
    let portfolio = 'XNA';
    let product = 'XNA';
    let channel = 'Credit and cash offices';
    let industry = 'XNA';
    let yieldGroup = 'XNA';
    let combination = 'Cash';
    let seller = rng.chance(0.85) ? -1 : 0;
    let insured = NaN;
    let monthlyRate = 0;
    const reject =
      cell === Cell.ConsumerUnused ? 'CLIENT' : REFUSED_CELLS.includes(cell) ? pick(rng, REJECT) : 'XAP';

    const isCash = cell <= Cell.CashRefused;
    const isConsumer = cell >= Cell.ConsumerApproved && cell <= Cell.ConsumerCanceled;
    if (isCash) {
      purpose = 'XNA';
      const empty =
        (cell === Cell.CashCanceled && rng.chance(0.96)) || (cell === Cell.CashRefused && rng.chance(0.12));
      if (empty) {
        payment = rng.chance(0.98) ? 'XNA' : 'Cash through the bank';
        channel = rng.chance(0.93) ? 'Credit and cash offices' : 'Contact center';
      } else {
        terms = CASH_TERMS[rng.pickCumulative(CASH_TERM_PICK.cumulative)]!;
        application = cashAmount(rng, incomeScale, terms);
        credit = rng.chance(0.85) ? halfUnits(application * rng.uniform(1.0, 1.2)) : application;
        goods = application;
        const product3 =
          CASH_PRODUCTS[
            rng.pickCumulative(
              (cell === Cell.CashRefused ? CASH_PRODUCT_REFUSED : CASH_PRODUCT_APPROVED).cumulative,
            )
          ]!;
        combination = product3[0];
        product = product3[1];
        yieldGroup = product3[2] === 'low_normal' && rng.chance(0.09) ? 'low_action' : product3[2];
        monthlyRate = YIELD_RATE[yieldGroup]! * rng.uniform(0.9, 1.1);
        annuity = money(annuityOf(credit, monthlyRate, terms));
        portfolio = 'Cash';
        if (!rng.chance(0.85)) {
          down = 0;
          rateDown = 0;
        }
        purpose = rng.chance(cell === Cell.CashRefused ? 0.64 : 0.86) ? 'XNA' : pick(rng, CASH_PURPOSE);
        payment = rng.chance(cell === Cell.CashRefused ? 0.8 : 0.9) ? 'Cash through the bank' : 'XNA';
        channel = pick(rng, CASH_CHANNEL);
        industry = pick(rng, CASH_INDUSTRY);
        if (rng.chance(0.2)) seller = Math.round(lognormal(rng, 30, 1.5));
        insured = rng.chance(0.81) ? 1 : 0;
      }
    } else if (isConsumer) {
      const line = POS_LINES[rng.pickCumulative(POS_LINE_PICK.cumulative)]!;
      const withInterest = rng.chance(line.withInterest);
      combination =
        line.name === 'other' && !withInterest
          ? 'POS others without interest'
          : `POS ${line.name} ${withInterest ? 'with' : 'without'} interest`;
      goodsCategory = pick(rng, line.goods);
      industry = pick(rng, SELLER_OF_GOODS[goodsCategory]!);
      // The term is chosen with the goods: dearer goods, longer terms.
      const plannedTerms = CONSUMER_TERMS[rng.pickCumulative(CONSUMER_TERM_PICK.cumulative)]!;
      goods = halfUnits(
        clamp(lognormal(rng, 58_000 * Math.sqrt(incomeScale * (plannedTerms / 8)), 0.8), 9000, 4_000_000),
      );
      application = goods;
      if (rng.chance(0.55)) down = 0;
      else if (rng.chance(0.6)) down = halfUnits(goods * DOWN_SHARES[rng.int(0, DOWN_SHARES.length - 1)]!);
      else down = halfUnits(goods * rng.uniform(0.02, 0.3));
      rateDown = down === 0 ? 0 : Math.min(1, (down / goods) * rng.uniform(1.0, 1.06));
      credit = halfUnits((goods - down) * (rng.chance(0.5) ? 1 : rng.uniform(1.0, 1.1)));
      payment = rng.chance(0.84)
        ? 'Cash through the bank'
        : rng.chance(0.97)
          ? 'XNA'
          : 'Non-cash from your account';
      channel = goodsCategory === 'Vehicles' && rng.chance(0.3) ? 'Car dealer' : pick(rng, POS_CHANNEL);
      seller = rng.chance(0.01) ? -1 : Math.round(clamp(lognormal(rng, 110, 1.9), 1, 9999));
      // Unused offers, cancellations and a fifth of refusals never got a term or a price plan.
      const planned = cell === Cell.ConsumerApproved || (cell === Cell.ConsumerRefused && rng.chance(0.8));
      if (planned) {
        terms = plannedTerms;
        yieldGroup = pick(
          rng,
          withInterest
            ? line.name === 'mobile'
              ? YIELD_MOBILE
              : YIELD_WITH_INTEREST
            : YIELD_WITHOUT_INTEREST,
        );
        monthlyRate = YIELD_RATE[yieldGroup]! * rng.uniform(0.9, 1.1);
        annuity = money(annuityOf(credit, monthlyRate, terms));
        portfolio = cell === Cell.ConsumerRefused && rng.chance(0.03) ? 'Cars' : 'POS';
      }
      if (cell === Cell.ConsumerApproved) insured = rng.chance(0.14) ? 1 : 0;
    } else {
      // Revolving: a card request.
      combination = 'Card Street';
      payment = 'XNA';
      if (cell !== Cell.CardCanceled) {
        credit = CARD_LIMITS[rng.pickCumulative(CARD_LIMIT_PICK.cumulative)]!;
        application = rng.chance(cell === Cell.CardApproved ? 0.33 : 0.23) ? 0 : credit;
        goods = application === 0 ? NaN : credit;
        annuity = money(credit * 0.05);
        terms = cell === Cell.CardRefused && rng.chance(0.05) ? NaN : 0;
        portfolio = 'Cards';
        const xSell = rng.chance(0.65);
        product = xSell ? 'x-sell' : 'walk-in';
        combination = xSell ? 'Card X-Sell' : 'Card Street';
        channel = pick(rng, CARD_CHANNEL);
        industry = pick(rng, CARD_INDUSTRY);
        if (industry !== 'XNA' || rng.chance(0.08)) seller = Math.round(lognormal(rng, 30, 1.5));
        if (cell === Cell.CardApproved) insured = 0;
      }
    }

    // Dates of the approved loan; NaN for everything else and for 5% of approvals.
    let firstDrawing = NaN;
    let firstDue = NaN;
    let lastDue1st = NaN;
    let lastDue = NaN;
    let termination = NaN;
    let history: 'none' | 'instalments' | 'card' = 'none';
    let payoffK = 0;
    let defaultK = 0;
    // The client's first instalment loan always has its dates (and so its histories).
    const keepDates = i === firstInstalment || !rng.chance(0.065);
    if (approved && keepDates) {
      if (cell === Cell.CardApproved) {
        history = 'card';
        firstDrawing = rng.chance(0.6) ? Math.min(-1, decision + rng.int(0, 30)) : SENTINEL;
        firstDue = rng.chance(0.55) ? Math.min(-1, decision + rng.int(40, 90)) : SENTINEL;
        lastDue1st = SENTINEL;
        lastDue = SENTINEL;
        termination = SENTINEL;
        // Some cards were closed before the application.
        if (decision < -150 && rng.chance(0.3)) {
          lastDue = rng.int(decision + 90, -31);
          if (rng.chance(0.5)) termination = Math.min(-1, lastDue + rng.int(30, 800));
        }
      } else {
        history = 'instalments';
        firstDrawing = SENTINEL;
        firstDue =
          decision + 30 + (isCash ? (rng.chance(0.94) ? 0 : rng.int(1, 6)) : Math.min(rng.poisson(2.5), 20));
        if (!isCash && rng.chance(0.05)) firstDue += rng.int(10, 60);
        lastDue1st = firstDue + 30 * (terms - 1);
        // Early repayment (common for cash loans), default (risky clients), or neither.
        // Running loans are often repaid just before a new application (refinancing).
        const dueBefore = Math.min(terms, Math.floor((-11 - firstDue) / 30) + 1);
        const running = lastDue1st > -11;
        if (rng.chance(b.defaultP)) defaultK = rng.int(1, terms);
        else if (
          dueBefore >= 1 &&
          (running || terms > 1) &&
          rng.chance(running ? (isCash ? 0.6 : 0.15) : isCash ? 0.55 : 0.35)
        ) {
          // Consumer loans are cleared a few months early, cash loans at any point.
          const last = running ? dueBefore : terms - 1;
          payoffK = isCash ? rng.int(1, last) : last - Math.floor(rng.next() * rng.next() * last);
        }
        const end = payoffK > 0 ? firstDue + 30 * (payoffK - 1) : lastDue1st;
        lastDue = defaultK > 0 || end > -11 ? SENTINEL : end;
        termination = lastDue === SENTINEL ? SENTINEL : lastDue + rng.int(2, 10);
      }
    }

    // NFLAG_INSURED_ON_APPROVAL is missing together with the date block.
    if (Number.isNaN(firstDue)) insured = NaN;
    const suite = rng.chance(SUITE_MISSING[cell]!) ? '' : pick(rng, SUITE);
    const clientType =
      i === earliestIndex && rng.chance(0.85)
        ? 'New'
        : rng.chance(0.885)
          ? 'Repeater'
          : rng.chance(0.97)
            ? 'Refreshed'
            : 'XNA';
    const hour = clamp(Math.round(rng.normal(12.4, 3.4)), 0, 23);
    const ratesKnown = rng.chance(0.003);
    out.previous.push(
      `${prefix}${CELL_TYPE[cell]},${f(annuity)},${f(application)},${f(credit)},${f(down)},${f(goods)},` +
        `${pick(rng, WEEKDAY)},${hour},${rng.chance(0.994) ? 'Y' : 'N'},${rng.chance(0.9965) ? 1 : 0},` +
        `${formatFloat(rateDown)},${ratesKnown ? formatFloat(sampleQuantile(rng, RATE_PRIMARY)) : ''},` +
        `${ratesKnown ? formatFloat(sampleQuantile(rng, RATE_PRIVILEGED)) : ''},${purpose},${CELL_STATUS[cell]},${decision},` +
        `${payment},${reject},${suite},${clientType},${goodsCategory},${portfolio},${product},${channel},` +
        `${seller},${industry},${f(terms)},${yieldGroup},${combination},` +
        `${dayField(firstDrawing)},${dayField(firstDue)},${dayField(lastDue1st)},${dayField(lastDue)},` +
        `${dayField(termination)},${f(insured)}`,
    );

    if (history === 'instalments') {
      loan.prefix = prefix;
      loan.consumer = isConsumer;
      loan.decision = decision;
      loan.firstDue = firstDue;
      loan.terms = terms;
      loan.annuity = annuity;
      loan.credit = credit;
      loan.monthlyRate = monthlyRate;
      loan.payoffK = payoffK;
      loan.defaultK = defaultK;
      writeInstalments(rng, loan, b, out.installments, tally);
      writePosCash(rng, loan, schedule, out.pos, tally);
    } else if (history === 'card') {
      card.prefix = prefix;
      card.decision = decision;
      card.limit = credit;
      card.closeDay = lastDue === SENTINEL ? NaN : lastDue;
      writeCard(rng, card, b, out.card, out.installments, tally);
    }
  }
}

function dayField(day: number): string {
  return Number.isNaN(day) ? '' : wholeFloat(day);
}
