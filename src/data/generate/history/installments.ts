import type { Rng } from '../../../core/index.js';
import type { Behaviour } from './behaviour.js';
import { clamp, money, wholeFloat, amount } from './sampling.js';
import type { SignalTally } from './signals.js';

/**
 * installments_payments of an approved cash or consumer loan: instalment k falls due on
 * DAYS_FIRST_DUE + 30 (k - 1), for k = 1 .. CNT_PAYMENT, and only instalments due before
 * the application are written. Usually paid a few days early; late, short or in parts
 * more often for risky clients. A loan repaid early ends with one larger instalment under
 * a new calendar version; a defaulted loan stops getting payments (no rows).
 */

/** One approved instalment loan, filled in by previous.ts (reused, never retained). */
export interface InstalmentLoan {
  /** "SK_ID_PREV,SK_ID_CURR," */
  prefix: string;
  consumer: boolean;
  decision: number;
  firstDue: number;
  terms: number;
  annuity: number;
  credit: number;
  monthlyRate: number;
  /** Instalment at which the rest was repaid early (0: none). */
  payoffK: number;
  /** First instalment never paid (0: no default). */
  defaultK: number;
}

/** Due days and settlement days (NaN = still owed at application) of the instalments written. */
export interface Schedule {
  count: number;
  readonly due: Int32Array;
  readonly settled: Float64Array;
}

export const schedule: Schedule = { count: 0, due: new Int32Array(128), settled: new Float64Array(128) };

/** Monthly annuity of a loan (principal, monthly rate, number of instalments). */
export function annuityOf(principal: number, rate: number, terms: number): number {
  if (rate <= 0) return principal / terms;
  return (principal * rate) / (1 - Math.pow(1 + rate, -terms));
}

/** Outstanding principal after `paid` instalments. */
function remainingAfter(loan: InstalmentLoan, paid: number): number {
  const r = loan.monthlyRate;
  if (r <= 0) return loan.credit - loan.annuity * paid;
  const g = Math.pow(1 + r, paid);
  return loan.credit * g - (loan.annuity * (g - 1)) / r;
}

function lateDays(rng: Rng, b: Behaviour): number {
  if (rng.chance(b.longLateShare)) return clamp(Math.round(Math.exp(rng.normal(3.6, 0.8))), 8, 400);
  return rng.chance(0.72) ? rng.int(1, 5) : rng.int(6, 30);
}

export function writeInstalments(
  rng: Rng,
  loan: InstalmentLoan,
  b: Behaviour,
  rows: string[],
  tally: SignalTally,
): void {
  const lastK = loan.payoffK > 0 ? loan.payoffK : loan.terms;
  // Calendar version: 1, sometimes changed part-way (2, then maybe 3).
  const change1 = rng.chance(0.08) ? rng.int(2, Math.max(2, lastK)) : 1000;
  const change2 = change1 < 1000 && rng.chance(0.5) ? change1 + rng.int(1, 6) : 1000;
  const loanLateP = clamp(b.lateP * Math.exp(0.5 * rng.normal() - 0.125), 0, 0.9);
  const annuityText = amount(loan.annuity);
  let count = 0;
  for (let k = 1; k <= lastK; k++) {
    const due = loan.firstDue + 30 * (k - 1);
    if (due > -1) break;
    schedule.due[count] = due;
    if (loan.defaultK > 0 && k >= loan.defaultK) {
      schedule.settled[count++] = NaN;
      continue;
    }
    let version = k >= change2 ? 3 : k >= change1 ? 2 : 1;
    let prescribed = loan.annuity;
    if (k === loan.payoffK) {
      // Early repayment: the rest of the principal on a new calendar.
      version++;
      prescribed = money(Math.max(loan.annuity, remainingAfter(loan, k - 1) * (1 + loan.monthlyRate)));
    }
    const prefix = `${loan.prefix}${version}.0,${k},${due}.0,`;
    const late = rng.chance(loanLateP);
    let entry: number;
    if (late) entry = due + lateDays(rng, b);
    else {
      const early = rng.chance(0.3)
        ? 0
        : Math.min(Math.round(Math.exp(rng.normal(2.2, 0.8))), k === 1 ? 25 : 60);
      entry = due - early;
    }
    const amountText = prescribed === loan.annuity ? annuityText : amount(prescribed);
    if (entry > -1) {
      // Due before the application but not yet paid: the rare missing payment.
      schedule.settled[count++] = NaN;
      tally.instalment(due, NaN, prescribed, NaN);
      rows.push(`${prefix},${amountText},`);
      continue;
    }
    schedule.settled[count++] = entry;
    if (k !== loan.payoffK && rng.chance(b.splitP)) {
      // Paid in parts on different days, the last part on the settlement day.
      const parts = rng.chance(0.8) ? 2 : 3;
      let left = prescribed;
      let day = Math.max(loan.decision + 1, entry - rng.int(1, 15) * (parts - 1));
      for (let p = 1; p <= parts; p++) {
        const pay = p === parts ? money(left) : money(left * rng.uniform(0.05, 0.9));
        left -= pay;
        const d = p === parts ? entry : day;
        tally.instalment(due, d, prescribed, pay);
        rows.push(`${prefix}${wholeFloat(d)},${amountText},${amount(pay)}`);
        day += rng.int(1, 15);
        if (day > entry) day = entry;
      }
      continue;
    }
    const pay = rng.chance(b.underP) ? money(prescribed * rng.uniform(0.05, 0.99)) : prescribed;
    tally.instalment(due, entry, prescribed, pay);
    rows.push(`${prefix}${wholeFloat(entry)},${amountText},${pay === prescribed ? amountText : amount(pay)}`);
  }
  schedule.count = count;
}
