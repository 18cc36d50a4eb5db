import { describe, expect, it } from 'vitest';

import { generateSample, groupBy, num, parseRows, share } from './test-support.js';

const sample = generateSample(3000, 41);
const prevById = new Map(
  parseRows('previous_application', sample.lines.previous_application).map((r) => [r.SK_ID_PREV!, r]),
);
const inst = parseRows('installments_payments', sample.lines.installments_payments);
const loanRows = inst.filter((r) => r.NUM_INSTALMENT_VERSION !== '0.0');
const cardRows = inst.filter((r) => r.NUM_INSTALMENT_VERSION === '0.0');
const paid = inst.filter((r) => r.AMT_PAYMENT !== '');

describe('installments_payments', () => {
  it('follows the loan schedule: instalment k due on DAYS_FIRST_DUE + 30 (k - 1), before the application', () => {
    const bad: string[] = [];
    for (const r of loanRows) {
      const loan = prevById.get(r.SK_ID_PREV!)!;
      const k = num(r.NUM_INSTALMENT_NUMBER);
      const due = num(r.DAYS_INSTALMENT);
      if (!['Cash loans', 'Consumer loans'].includes(loan.NAME_CONTRACT_TYPE!))
        bad.push(`type ${r.SK_ID_PREV}`);
      if (k < 1 || k > num(loan.CNT_PAYMENT)) bad.push(`number ${r.SK_ID_PREV} ${k}`);
      if (due !== num(loan.DAYS_FIRST_DUE) + 30 * (k - 1)) bad.push(`due ${r.SK_ID_PREV} ${k}`);
      if (due > -1 || num(r.DAYS_ENTRY_PAYMENT) > -1) bad.push(`future ${r.SK_ID_PREV} ${k}`);
      // The prescribed amount is the loan's annuity, except the final early-repayment instalment.
      const payoff =
        due === num(loan.DAYS_LAST_DUE) && num(loan.DAYS_LAST_DUE) < num(loan.DAYS_LAST_DUE_1ST_VERSION);
      if (payoff ? num(r.AMT_INSTALMENT) < num(loan.AMT_ANNUITY) : r.AMT_INSTALMENT !== loan.AMT_ANNUITY) {
        bad.push(`amount ${r.SK_ID_PREV} ${k}`);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('numbers instalments 1..k without gaps, partial payments repeating the number and adding up', () => {
    for (const [id, rows] of groupBy(loanRows, 'SK_ID_PREV')) {
      const byNumber = groupBy(rows, 'NUM_INSTALMENT_NUMBER');
      const numbers = [...byNumber.keys()].map(Number).sort((a, b) => a - b);
      expect(numbers, id).toEqual(numbers.map((_, i) => i + 1));
      for (const parts of byNumber.values()) {
        if (parts.length < 2) continue;
        const total = parts.reduce((s, p) => s + num(p.AMT_PAYMENT), 0);
        expect(total).toBeCloseTo(num(parts[0]!.AMT_INSTALMENT), 1);
      }
    }
  });

  it('keeps card payments (version 0) on revolving loans only, at ~29% of rows', () => {
    for (const r of cardRows) expect(prevById.get(r.SK_ID_PREV!)!.NAME_CONTRACT_TYPE).toBe('Revolving loans');
    const v0 = cardRows.length / inst.length;
    expect(v0).toBeGreaterThan(0.2);
    expect(v0).toBeLessThan(0.38);
    expect(share(loanRows, (r) => r.NUM_INSTALMENT_VERSION === '1.0')).toBeGreaterThan(0.85);
  });

  it('pays late in ~8% and short in ~11% of rows, and rarely not at all', () => {
    const late = share(inst, (r) => num(r.DAYS_ENTRY_PAYMENT) > num(r.DAYS_INSTALMENT));
    const short = share(inst, (r) => num(r.AMT_PAYMENT) < num(r.AMT_INSTALMENT));
    expect(late).toBeGreaterThan(0.05);
    expect(late).toBeLessThan(0.11);
    expect(short).toBeGreaterThan(0.07);
    expect(short).toBeLessThan(0.15);
    const missing = 1 - paid.length / inst.length;
    expect(missing).toBeGreaterThan(0);
    expect(missing).toBeLessThan(0.005);
    // Missing payment and missing entry day go together.
    expect(inst.filter((r) => (r.AMT_PAYMENT === '') !== (r.DAYS_ENTRY_PAYMENT === ''))).toEqual([]);
  });
});
