import { describe, expect, it } from 'vitest';

import type { HistorySignals } from '../types.js';
import { generateSample, num, parseRows } from './test-support.js';

const sample = generateSample(1500, 71);

/** HistorySignals as SQL over the written files would compute them (NULLs ignored). */
function recompute(index: number): HistorySignals {
  const rows = sample.histories[index]!.rows;
  const bureau = parseRows('bureau', rows.bureau);
  const balance = parseRows('bureau_balance', rows.bureau_balance);
  const prev = parseRows('previous_application', rows.previous_application);
  const pos = parseRows('POS_CASH_balance', rows.POS_CASH_balance);
  const inst = parseRows('installments_payments', rows.installments_payments);
  const cc = parseRows('credit_card_balance', rows.credit_card_balance);
  const active = bureau.filter((r) => r.CREDIT_ACTIVE === 'Active');
  const withDebt = active.filter((r) => r.AMT_CREDIT_SUM_DEBT !== '');
  const lateness = inst
    .filter((r) => r.DAYS_ENTRY_PAYMENT !== '')
    .map((r) => num(r.DAYS_ENTRY_PAYMENT) - num(r.DAYS_INSTALMENT));
  const limited = cc.filter((r) => num(r.AMT_CREDIT_LIMIT_ACTUAL) > 0);
  const max = (values: number[]) => values.reduce((m, v) => (v > m ? v : m), 0);
  return {
    bureauCount: bureau.length,
    bureauActiveCount: active.length,
    bureauMaxDaysOverdue: max(bureau.map((r) => num(r.CREDIT_DAY_OVERDUE))),
    bureauWorstStatus: max(balance.map((r) => (/^[0-5]$/.test(r.STATUS!) ? num(r.STATUS) : 0))),
    bureauActiveDebt: withDebt.reduce((s, r) => s + num(r.AMT_CREDIT_SUM_DEBT), 0),
    prevCount: prev.length,
    prevRefusedCount: prev.filter((r) => r.NAME_CONTRACT_STATUS === 'Refused').length,
    instCount: inst.length,
    instLateCount: lateness.filter((d) => d > 0).length,
    instMaxDaysLate: max(lateness),
    instShortfallCount: inst.filter((r) => r.AMT_PAYMENT !== '' && num(r.AMT_PAYMENT) < num(r.AMT_INSTALMENT))
      .length,
    posMaxDpd: max(pos.map((r) => num(r.SK_DPD))),
    ccMeanUtilisation:
      limited.length === 0
        ? null
        : limited.reduce((s, r) => s + num(r.AMT_BALANCE) / num(r.AMT_CREDIT_LIMIT_ACTUAL), 0) /
          limited.length,
  };
}

describe('HistorySignals', () => {
  it('equal the same quantities recomputed from the parsed rows, for every client', () => {
    for (let i = 0; i < sample.histories.length; i++) {
      const expected = recompute(i);
      const actual = sample.histories[i]!.signals;
      const { bureauActiveDebt, ccMeanUtilisation, ...exact } = expected;
      expect(actual).toMatchObject(exact);
      expect(actual.bureauActiveDebt).toBeCloseTo(bureauActiveDebt, 4);
      if (ccMeanUtilisation === null) expect(actual.ccMeanUtilisation).toBeNull();
      else expect(actual.ccMeanUtilisation).toBeCloseTo(ccMeanUtilisation, 12);
    }
  });

  it('vary across clients (none is constant)', () => {
    const signals = sample.histories.map((h) => h.signals);
    for (const key of Object.keys(signals[0]!) as (keyof HistorySignals)[]) {
      expect(new Set(signals.map((s) => s[key])).size, key).toBeGreaterThan(1);
    }
  });
});
