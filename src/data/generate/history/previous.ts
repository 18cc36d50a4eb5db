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
  clamp,
  halfUnits,
  lognormal,
  money,
  pick,
  roundTo,
  sampleQuantile,
  wholeFloat,
} from './sampling.js';
import type { SignalTally } from './signals.js';
import { earliestDay, SENTINEL } from './timeline.js';
import {
  CARD_CHANNEL,
  CARD_DECISION,
  CARD_INDUSTRY,
  CARD_LIMITS,
  CARD_LIMIT_PICK,
  CASH_CHANNEL,
  CASH_INDUSTRY,
  CASH_PRODUCTS,
  CASH_PRODUCT_APPROVED,
  CASH_PRODUCT_REFUSED,
  CASH_PURPOSE,
  CASH_TERMS,
  CASH_TERM_PICK,
  CELL_STATUS,
  CELL_TYPE,
  CELL_WEIGHTS,
  CONSUMER_TERMS,
  CONSUMER_TERM_PICK,
  Cell,
  DECISION_APPROVED,
  DECISION_OTHER,
  DOWN_SHARES,
  POS_CHANNEL,
  POS_LINES,
  POS_LINE_PICK,
  RATE_PRIMARY,
  RATE_PRIVILEGED,
  REFUSED_CELLS,
  REJECT,
  SELLER_OF_GOODS,
  SUITE,
  SUITE_MISSING,
  WEEKDAY,
  YIELD_MOBILE,
  YIELD_RATE,
  YIELD_WITHOUT_INTEREST,
  YIELD_WITH_INTEREST,
} from './previous-levels.js';

/**
 * previous_application: earlier Home Credit applications. Contract type and status are
 * drawn jointly (the real cells: canceled applications are mostly empty cash requests with
 * XNA placeholders, unused offers are consumer loans the client declined, ...), Refused
 * weighted up for risky clients. Every other column follows from the cell, as in the real
 * rows. Approved cash and consumer loans then get POS_CASH_balance and installments
 * histories; the client's card (an approved revolving loan) gets credit_card_balance.
 */

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
