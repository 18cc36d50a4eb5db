import type { Rng } from '../../../core/index.js';
import type { InstalmentLoan, Schedule } from './installments.js';
import type { SignalTally } from './signals.js';
import { HORIZON_MONTHS, monthEnd, monthOf } from './timeline.js';

/**
 * POS_CASH_balance of an approved cash or consumer loan: one row per month from the
 * decision month to the month after the last instalment ('Completed') or to month -1.
 * CNT_INSTALMENT_FUTURE counts the instalments not yet due; SK_DPD is read off the
 * instalment schedule (days since the oldest instalment still unpaid at month end), so
 * it agrees with installments_payments: late payments that cross a month end, and a
 * defaulted loan's ever-growing arrears.
 */
export function writePosCash(
  rng: Rng,
  loan: InstalmentLoan,
  sched: Schedule,
  rows: string[],
  tally: SignalTally,
): void {
  const decisionMonth = monthOf(loan.decision);
  const lastK = loan.payoffK > 0 ? loan.payoffK : loan.terms;
  // Completed the month after the last instalment, or in its month when it was paid in time.
  const lastDueMonth = monthOf(loan.firstDue + 30 * (lastK - 1));
  const lastSettled = sched.count === lastK ? sched.settled[lastK - 1]! : NaN;
  const completedMonth =
    loan.defaultK > 0
      ? Number.POSITIVE_INFINITY
      : rng.chance(0.5) && lastSettled <= monthEnd(lastDueMonth)
        ? lastDueMonth
        : lastDueMonth + 1;
  // A defaulted loan is reported for a while after the first missed instalment, then written off.
  const lastMonth =
    loan.defaultK > 0
      ? Math.min(-1, monthOf(loan.firstDue + 30 * (loan.defaultK - 1)) + rng.int(2, 24))
      : Math.min(-1, completedMonth);
  const firstMonth = Math.max(decisionMonth, HORIZON_MONTHS);
  const terms = `${loan.terms}.0`;
  const signed = rng.chance(0.17);
  const approvedFirst = !signed && rng.chance(0.015);
  const noTermFirst = rng.chance(0.04);
  const dpdDefFlag = rng.chance(0.3);
  const demand = loan.defaultK > 0 && rng.chance(0.1);
  const completedLabel = loan.consumer && rng.chance(0.01) ? 'Returned to the store' : 'Completed';
  const prefix = loan.prefix;
  let open = 0; // index of the oldest instalment possibly unpaid
  let maxDpd = tally.posMaxDpd;

  for (let m = firstMonth; m <= lastMonth; m++) {
    const end = monthEnd(m);
    if (m === completedMonth) {
      rows.push(`${prefix}${m},${terms},0.0,${completedLabel},0,0`);
      continue;
    }
    const dueSoFar = end < loan.firstDue ? 0 : Math.min(lastK, Math.floor((end - loan.firstDue) / 30) + 1);
    const future = loan.terms - dueSoFar;
    while (open < sched.count && sched.settled[open]! <= end) open++;
    const dpd = open < sched.count && sched.due[open]! <= end ? end - sched.due[open]! + 1 : 0;
    if (dpd > maxDpd) maxDpd = dpd;
    let status = 'Active';
    if (m === decisionMonth) status = signed ? 'Signed' : approvedFirst ? 'Approved' : 'Active';
    else if (demand && dpd > 90) status = 'Demand';
    const counts = m === decisionMonth && noTermFirst ? ',' : `${terms},${future}.0`;
    rows.push(`${prefix}${m},${counts},${status},${dpd},${dpdDefFlag ? dpd : 0}`);
  }
  tally.posMaxDpd = maxDpd;
}
