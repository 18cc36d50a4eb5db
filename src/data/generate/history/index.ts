import type { GenerateHistory } from '../types.js';
import { behaviourOf } from './behaviour.js';
import { writeBureau } from './bureau.js';
import { drawCounts } from './counts.js';
import { writePrevious } from './previous.js';
import { SignalTally } from './signals.js';

export { HISTORY_HEADERS } from './headers.js';

/**
 * One client's rows in the six secondary tables, with the signals TRUE_PD reads.
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
