import type { Rng } from '../../../core/index.js';
import type { Behaviour } from './behaviour.js';
import { clamp, money, roundTo, wholeFloat, amount } from './sampling.js';
import type { SignalTally } from './signals.js';
import { HORIZON_MONTHS, monthEnd, monthOf } from './timeline.js';

/**
 * credit_card_balance of a Home Credit card (an approved revolving loan), month by month,
 * and its payments in installments_payments (NUM_INSTALMENT_VERSION 0).
 *
 * The balance evolves: last month's balance minus this month's payment, plus drawings
 * towards the utilisation the client aims at, plus interest. Drawings never take the
 * balance past the limit; interest on an unpaid balance can, a little. Risky clients aim
 * higher, miss minimum payments (then SK_DPD counts up) and pay less.
 */

export interface CardLoan {
  /** "SK_ID_PREV,SK_ID_CURR," */
  prefix: string;
  decision: number;
  limit: number;
  /** Day the card was closed (LAST_DUE of the application), NaN while open. */
  closeDay: number;
}

const LIMIT_STEP = 22500;

export function writeCard(
  rng: Rng,
  card: CardLoan,
  b: Behaviour,
  ccRows: string[],
  instRows: string[],
  tally: SignalTally,
): void {
  const prefix = card.prefix;
  const firstMonth = Math.max(monthOf(card.decision), HORIZON_MONTHS);
  const closeMonth = Number.isNaN(card.closeDay) ? 1 : monthOf(card.closeDay);
  const lastMonth = Number.isNaN(card.closeDay) ? -1 : Math.min(-1, closeMonth + rng.int(1, 10));
  // Card profile: dormant cards barely move; the rest draw towards their target utilisation.
  // Safer clients more often leave the card unused or clear it every month.
  const dormant = rng.chance(clamp(0.45 - 0.12 * b.risk, 0.1, 0.8));
  const drawP = dormant ? 0.03 : rng.uniform(0.1, 0.5);
  const utilLogit = b.cardUtilLogit + rng.normal(0, 1);
  const payShare = rng.chance(clamp(0.3 - 0.1 * b.risk, 0.05, 0.6)) ? 1 : rng.uniform(0, 0.35);
  const nanMode = rng.chance(0.38);
  const interestRate = 0.012 + 0.01 * rng.next();
  const feeP = rng.uniform(0.3, 0.8);
  const dueOffset = rng.int(0, 20);
  const signed = rng.chance(0.06);
  const dropToZeroP = rng.chance(0.5) ? 0.05 : 0;
  let limit = card.limit;
  let balance = 0;
  let dpd = 0;
  let matured = 0;
  let used = false;
  let instNumber = 0;

  for (let m = firstMonth; m <= lastMonth; m++) {
    if (m > closeMonth) {
      // Closed card: a few 'Completed' months with nothing left.
      tally.cardMonth(0, 0);
      ccRows.push(
        `${prefix}${m},0.0,0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0,0.0,0.0,${matured}.0,Completed,0,0`,
      );
      continue;
    }
    // Limit: raised now and then, sometimes cut to 0 once the card is cleared.
    if (balance === 0 && limit > 0 && dropToZeroP > 0 && rng.chance(dropToZeroP)) limit = 0;
    else if (limit > 0 && rng.chance(0.015)) limit = roundTo(limit * 1.5, LIMIT_STEP);

    // Payment against last month's balance.
    const minInst = balance > 0 ? money(balance * 0.05) : 0;
    let pay = 0;
    if (balance > 0) {
      if (rng.chance(b.cardMissP)) pay = rng.chance(0.5) ? 0 : money(minInst * rng.uniform(0.1, 0.9));
      else {
        pay = minInst + (balance - minInst) * payShare;
        pay = rng.chance(0.5) ? Math.min(balance, Math.ceil(pay / 2250) * 2250) : money(pay);
      }
    } else if (rng.chance(nanMode ? 0.05 : feeP)) pay = money(rng.uniform(5, 1500));
    const missed = minInst > 0 && pay < minInst;
    dpd = missed ? (dpd === 0 ? rng.int(1, 30) : dpd + 30) : 0;
    if (minInst > 0 && !missed) matured++;
    const after = balance > pay ? balance - pay : 0;

    // Drawings towards the target utilisation, within the limit.
    let atm = 0;
    let pos = 0;
    let other = 0;
    let cntAtm = 0;
    let cntPos = 0;
    let cntOther = 0;
    if (limit > 0 && dpd <= 60 && rng.chance(drawP)) {
      const target = limit * clamp(1 / (1 + Math.exp(-(utilLogit + rng.normal(0, 0.4)))), 0.02, 1);
      const want = target - after;
      if (want >= 450) {
        const u = rng.next();
        if (u < 0.6) {
          atm = Math.min(roundTo(want, 450), Math.floor((limit - after) / 450) * 450);
          cntAtm = atm > 0 ? 1 + rng.poisson(atm / 60000) : 0;
        } else if (u < 0.995) {
          pos = money(want);
          cntPos = 1 + rng.poisson(3);
        } else {
          other = Math.min(roundTo(want, 450), Math.floor((limit - after) / 450) * 450);
          cntOther = other > 0 ? 1 : 0;
        }
      }
    }
    const drawings = atm + pos + other;
    if (drawings > 0) used = true;
    const principal = money(after + drawings);
    const interest = after > 0 ? money(after * interestRate) : 0;
    balance = money(principal + interest);

    let status = 'Active';
    if (m === firstMonth && signed && !used) status = 'Signed';
    else if (dpd > 90 && balance > 0 && rng.chance(0.05)) status = 'Demand';

    // Idle months of some cards leave the drawing breakdown and the payment unrecorded.
    const idleNaN = nanMode && drawings === 0 && balance === 0;
    const beforeUse = nanMode && !used && m - firstMonth < 16;
    const receivable = balance > 0 && rng.chance(0.03) ? money(balance - rng.uniform(0, 300)) : balance;
    const balanceText = amount(balance);
    const receivableText = receivable === balance ? balanceText : amount(receivable);
    const dpdDef = balance > 1000 ? dpd : 0;
    tally.cardMonth(balance, limit);
    ccRows.push(
      `${prefix}${m},${balanceText},${limit},` +
        (idleNaN ? ',' : `${amount(atm)},`) +
        `${amount(drawings)},` +
        (idleNaN ? ',,' : `${amount(other)},${amount(pos)},`) +
        (beforeUse ? ',' : `${amount(minInst)},`) +
        (idleNaN && pay === 0 ? ',' : `${amount(pay)},`) +
        `${amount(pay >= minInst && minInst > 0 ? pay : 0)},${amount(principal)},` +
        `${receivableText},${receivableText},` +
        (idleNaN ? ',' : `${cntAtm}.0,`) +
        `${cntAtm + cntPos + cntOther},` +
        (idleNaN ? ',,' : `${cntOther}.0,${cntPos}.0,`) +
        (beforeUse ? '' : `${matured}.0`) +
        `,${status},${dpd},${dpdDef}`,
    );

    // The month's payment as card instalment(s): prescribed = paid, unless the minimum was missed.
    if (pay > 0) {
      instNumber++;
      const due = monthEnd(m) - dueOffset;
      let entry = rng.chance(0.05 + b.cardMissP)
        ? due + rng.int(1, 12)
        : due - (rng.chance(0.65) ? 0 : rng.int(1, 20));
      if (entry > -1) entry = -1;
      const prescribed = missed ? minInst : pay;
      if (!missed && rng.chance(0.7)) {
        const first = money(pay * rng.uniform(0.1, 0.9));
        const firstDay = entry - rng.int(1, 10);
        writeCardInstalment(instRows, tally, prefix, instNumber, due, firstDay, first, first);
        writeCardInstalment(
          instRows,
          tally,
          prefix,
          instNumber,
          due,
          entry,
          money(pay - first),
          money(pay - first),
        );
      } else writeCardInstalment(instRows, tally, prefix, instNumber, due, entry, prescribed, pay);
    }
  }
}

function writeCardInstalment(
  rows: string[],
  tally: SignalTally,
  prefix: string,
  number: number,
  due: number,
  entry: number,
  prescribed: number,
  paid: number,
): void {
  tally.instalment(due, entry, prescribed, paid);
  rows.push(
    `${prefix}0.0,${number},${wholeFloat(due)},${wholeFloat(entry)},${amount(prescribed)},${amount(paid)}`,
  );
}
