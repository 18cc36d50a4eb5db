import { describe, expect, it } from 'vitest';

import { generateSample, groupBy, num, parseRows, share } from './test-support.js';
import { monthEnd, monthOf } from './timeline.js';

const sample = generateSample(3000, 51);
const prev = parseRows('previous_application', sample.lines.previous_application);
const prevById = new Map(prev.map((r) => [r.SK_ID_PREV!, r]));
const pos = parseRows('POS_CASH_balance', sample.lines.POS_CASH_balance);
const posByLoan = groupBy(pos, 'SK_ID_PREV');
const instByLoan = groupBy(
  parseRows('installments_payments', sample.lines.installments_payments),
  'SK_ID_PREV',
);

describe('POS_CASH_balance', () => {
  it('has monthly rows for every approved cash or consumer loan with dates, and only those', () => {
    const expected = prev
      .filter(
        (r) =>
          r.NAME_CONTRACT_STATUS === 'Approved' &&
          r.NAME_CONTRACT_TYPE !== 'Revolving loans' &&
          r.DAYS_FIRST_DUE !== '',
      )
      .map((r) => r.SK_ID_PREV)
      .sort();
    expect([...posByLoan.keys()].sort()).toEqual(expected);
  });

  it('runs months consecutively from the decision month to at most -1', () => {
    for (const [id, rows] of posByLoan) {
      const months = rows.map((r) => num(r.MONTHS_BALANCE));
      const first = Math.max(-96, monthOf(num(prevById.get(id)!.DAYS_DECISION)));
      expect(months, id).toEqual(months.map((_, i) => first + i));
      expect(months[months.length - 1]).toBeLessThanOrEqual(-1);
    }
  });

  it('counts instalments down from the term and ends Completed with nothing left', () => {
    const bad: string[] = [];
    for (const [id, rows] of posByLoan) {
      const term = num(prevById.get(id)!.CNT_PAYMENT);
      let previous = Infinity;
      rows.forEach((r, i) => {
        if (r.CNT_INSTALMENT === '') return;
        const future = num(r.CNT_INSTALMENT_FUTURE);
        if (num(r.CNT_INSTALMENT) !== term) bad.push(`${id} term`);
        if (future < 0 || future > previous) bad.push(`${id} ${r.MONTHS_BALANCE} future ${future}`);
        previous = future;
        if (r.NAME_CONTRACT_STATUS === 'Completed' && (i !== rows.length - 1 || future !== 0)) {
          bad.push(`${id} completed`);
        }
      });
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(Math.abs(share(pos, (r) => r.NAME_CONTRACT_STATUS === 'Active') - 0.913)).toBeLessThan(0.04);
    expect(Math.abs(share(pos, (r) => r.NAME_CONTRACT_STATUS === 'Completed') - 0.071)).toBeLessThan(0.03);
  });

  it('reports days past due exactly when an instalment is still unpaid at month end', () => {
    let overdueMonths = 0;
    const bad: string[] = [];
    for (const [id, rows] of posByLoan) {
      const loan = prevById.get(id)!;
      const firstDue = num(loan.DAYS_FIRST_DUE);
      // Settlement day per instalment number: its last payment, Infinity if unpaid.
      const settled = new Map<number, number>();
      for (const p of instByLoan.get(id) ?? []) {
        const k = num(p.NUM_INSTALMENT_NUMBER);
        const day = p.DAYS_ENTRY_PAYMENT === '' ? Infinity : num(p.DAYS_ENTRY_PAYMENT);
        settled.set(k, Math.max(settled.get(k) ?? -Infinity, day));
      }
      const settledOf = (k: number) => settled.get(k) ?? Infinity;
      for (const r of rows) {
        if (r.NAME_CONTRACT_STATUS === 'Completed' || r.NAME_CONTRACT_STATUS === 'Returned to the store')
          continue;
        const end = monthEnd(num(r.MONTHS_BALANCE));
        const dpd = num(r.SK_DPD);
        const where = `${id} month ${r.MONTHS_BALANCE}`;
        if (dpd > 0) {
          overdueMonths++;
          // The oldest unpaid instalment fell due dpd - 1 days before month end.
          const k = (end - dpd + 1 - firstDue) / 30 + 1;
          if (!Number.isInteger(k) || !(settledOf(k) > end)) bad.push(`${where}: dpd ${dpd} but #${k} paid`);
        } else {
          // Nothing due by month end (up to an early repayment) is still unpaid.
          const lastDay = Math.min(end, num(loan.DAYS_LAST_DUE));
          for (let k = 1; firstDue + 30 * (k - 1) <= lastDay && k <= num(loan.CNT_PAYMENT); k++) {
            if (settledOf(k) > end) bad.push(`${where}: #${k} unpaid but dpd 0`);
          }
        }
        const def = num(r.SK_DPD_DEF);
        if (def !== 0 && def !== dpd) bad.push(`${where}: dpd_def ${def}`);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(overdueMonths).toBeGreaterThan(0);
  });
});
