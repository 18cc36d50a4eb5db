import { describe, expect, it } from 'vitest';

import { generateSample, groupBy, num, parseRows, share } from './test-support.js';
import { monthOf } from './timeline.js';

const sample = generateSample(3000, 61);
const prev = parseRows('previous_application', sample.lines.previous_application);
const prevById = new Map(prev.map((r) => [r.SK_ID_PREV!, r]));
const cc = parseRows('credit_card_balance', sample.lines.credit_card_balance);
const ccByCard = groupBy(cc, 'SK_ID_PREV');
const active = cc.filter((r) => r.NAME_CONTRACT_STATUS !== 'Completed');

describe('credit_card_balance', () => {
  it('belongs to approved revolving loans, one card for ~29% of clients', () => {
    for (const id of ccByCard.keys()) {
      const loan = prevById.get(id)!;
      expect(loan.NAME_CONTRACT_TYPE).toBe('Revolving loans');
      expect(loan.NAME_CONTRACT_STATUS).toBe('Approved');
    }
    const clients = new Set(cc.map((r) => r.SK_ID_CURR)).size / sample.applicants.length;
    expect(Math.abs(clients - 0.291)).toBeLessThan(0.04);
  });

  it('runs months consecutively from the decision month, before the application', () => {
    for (const [id, rows] of ccByCard) {
      const months = rows.map((r) => num(r.MONTHS_BALANCE));
      const first = Math.max(-96, monthOf(num(prevById.get(id)!.DAYS_DECISION)));
      expect(months, id).toEqual(months.map((_, i) => first + i));
      expect(months[months.length - 1]).toBeLessThanOrEqual(-1);
    }
  });

  it('keeps the balance within the limit (interest may push it a little over, rarely)', () => {
    const bad = active.filter((r) => {
      const balance = num(r.AMT_BALANCE);
      const limit = num(r.AMT_CREDIT_LIMIT_ACTUAL);
      return balance < 0 || (limit === 0 ? balance > 0 : balance > limit * 1.1) || !Number.isInteger(limit);
    });
    expect(bad).toEqual([]);
    const over = share(active, (r) => num(r.AMT_BALANCE) > num(r.AMT_CREDIT_LIMIT_ACTUAL));
    expect(over).toBeLessThan(0.03);
    expect(share(cc, (r) => r.AMT_CREDIT_LIMIT_ACTUAL === '0')).toBeGreaterThan(0.05);
    expect(share(cc, (r) => num(r.AMT_BALANCE) === 0)).toBeGreaterThan(0.4);
  });

  it('adds up drawings, receivables and counts', () => {
    const bad: string[] = [];
    for (const r of cc) {
      const where = `${r.SK_ID_PREV} ${r.MONTHS_BALANCE}`;
      const parts = [r.AMT_DRAWINGS_ATM_CURRENT, r.AMT_DRAWINGS_OTHER_CURRENT, r.AMT_DRAWINGS_POS_CURRENT];
      const counts = [r.CNT_DRAWINGS_ATM_CURRENT, r.CNT_DRAWINGS_OTHER_CURRENT, r.CNT_DRAWINGS_POS_CURRENT];
      const missing = [...parts, ...counts].filter((v) => v === '').length;
      if (missing !== 0 && missing !== 6) bad.push(`${where}: drawing breakdown partly missing`);
      if (missing === 0) {
        const sum = parts.reduce((s, v) => s + num(v), 0);
        if (Math.abs(sum - num(r.AMT_DRAWINGS_CURRENT)) > 0.01) bad.push(`${where}: drawings ${sum}`);
        const n = counts.reduce((s, v) => s + num(v), 0);
        if (n !== num(r.CNT_DRAWINGS_CURRENT)) bad.push(`${where}: counts ${n}`);
      } else if (num(r.AMT_DRAWINGS_CURRENT) !== 0) bad.push(`${where}: unexplained drawings`);
      if (r.AMT_TOTAL_RECEIVABLE !== r.AMT_RECIVABLE) bad.push(`${where}: receivables differ`);
      if (Math.abs(num(r.AMT_RECIVABLE) - num(r.AMT_BALANCE)) > 300)
        bad.push(`${where}: receivable far from balance`);
      if (num(r.AMT_RECEIVABLE_PRINCIPAL) > num(r.AMT_BALANCE)) bad.push(`${where}: principal above balance`);
      if ((r.AMT_INST_MIN_REGULARITY === '') !== (r.CNT_INSTALMENT_MATURE_CUM === ''))
        bad.push(`${where}: min/cum`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(Math.abs(share(cc, (r) => r.AMT_DRAWINGS_ATM_CURRENT === '') - 0.208)).toBeLessThan(0.05);
    expect(Math.abs(share(cc, (r) => r.AMT_INST_MIN_REGULARITY === '') - 0.089)).toBeLessThan(0.05);
  });

  it('counts matured instalments up and days past due mostly at 0', () => {
    for (const rows of ccByCard.values()) {
      let previous = 0;
      for (const r of rows) {
        if (r.CNT_INSTALMENT_MATURE_CUM === '') continue;
        expect(num(r.CNT_INSTALMENT_MATURE_CUM)).toBeGreaterThanOrEqual(previous);
        previous = num(r.CNT_INSTALMENT_MATURE_CUM);
      }
    }
    const dpd = share(cc, (r) => r.SK_DPD !== '0');
    expect(dpd).toBeGreaterThan(0.005);
    expect(dpd).toBeLessThan(0.08);
    expect(Math.abs(share(cc, (r) => r.NAME_CONTRACT_STATUS === 'Active') - 0.958)).toBeLessThan(0.03);
  });
});
