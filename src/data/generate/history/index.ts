import type { GenerateHistory } from '../types.js';
import { behaviourOf } from './behaviour.js';
import { writeBureau } from './bureau.js';
import { drawCounts } from './counts.js';
import { writePrevious } from './previous.js';
import { SignalTally } from './signals.js';

export { HISTORY_HEADERS } from './headers.js';

/**
 * One client's rows in the six secondary tables, and the signals TRUE_PD reads.
 *
 * How it is modelled (one concept per file):
 * - counts.ts: gamma-Poisson counts of bureau credits and applications, scaled by
 *   creditAppetite (and age for bureau), calibrated to the real totals and zero shares;
 *   ~29% of clients hold a Home Credit card.
 * - behaviour.ts: repayment habits from latentRisk (late, short, split payments, defaults,
 *   missed card minimums, card utilisation, refusals), each averaging its real rate.
 * - bureau.ts: credits with start, planned end, fate and a month-by-month delinquency
 *   history written as bureau_balance (C after closing, X stretches, 1..5 runs).
 * - previous.ts: applications drawn as real (contract type x status) cells, every other
 *   column following from the cell; approved cash / consumer loans go to installments.ts
 *   (the payment schedule) and pos-cash.ts (monthly snapshot read off that schedule), the
 *   card to credit-card.ts (balance dynamics and its payments as version-0 instalments).
 * - signals.ts: HistorySignals tallied from the values as written.
 *
 * Deliberate departures from SCHEMA.md: POS_CASH_balance comes out ~5% above the real
 * 10.0M rows at full size (each loan gets a row per month from decision to completion);
 * unused offers carry CODE_REJECT_REASON 'CLIENT' as in the real rows; DAYS_ENDDATE_FACT
 * is filled for closed credits only (Sold / Bad debt stay empty like active ones).
 *
 * Deterministic given the rng state; SK_ID_BUREAU / SK_ID_PREV are taken from `ids`.
 */
export const generateHistory: GenerateHistory = (rng, applicant, ids) => {
  const counts = drawCounts(rng, applicant);
  const behaviour = behaviourOf(rng, applicant);
  const tally = new SignalTally();
  const bureau: string[] = [];
  const bureauBalance: string[] = [];
  const previous: string[] = [];
  const pos: string[] = [];
  const installments: string[] = [];
  const card: string[] = [];
  writeBureau(rng, applicant, counts, ids, bureau, bureauBalance, tally);
  writePrevious(rng, applicant, counts, behaviour, ids, { previous, pos, installments, card }, tally);
  return {
    rows: {
      bureau,
      bureau_balance: bureauBalance,
      previous_application: previous,
      POS_CASH_balance: pos,
      installments_payments: installments,
      credit_card_balance: card,
    },
    signals: tally.finish(),
  };
};
