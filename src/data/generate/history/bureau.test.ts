import { describe, expect, it } from 'vitest';

import { generateSample, groupBy, num, parseRows, share } from './test-support.js';

const sample = generateSample(3000, 21);
const bureau = parseRows('bureau', sample.lines.bureau);
const balance = parseRows('bureau_balance', sample.lines.bureau_balance);
const balanceByCredit = groupBy(balance, 'SK_ID_BUREAU');

describe('bureau', () => {
  it('fills DAYS_ENDDATE_FACT for closed credits only, never for active ones', () => {
    for (const r of bureau) {
      const fact = num(r.DAYS_ENDDATE_FACT);
      if (r.CREDIT_ACTIVE === 'Closed') {
        expect(fact).toBeLessThanOrEqual(-1);
        expect(fact).toBeGreaterThanOrEqual(num(r.DAYS_CREDIT));
      } else expect(fact).toBeNaN();
    }
  });

  it('keeps days in range: DAYS_CREDIT in -2922..0, DAYS_CREDIT_UPDATE between it and 0', () => {
    const bad = bureau.filter((r) => {
      const dc = num(r.DAYS_CREDIT);
      const update = num(r.DAYS_CREDIT_UPDATE);
      return dc < -2922 || dc > 0 || update < dc || update > 0 || num(r.DAYS_CREDIT_ENDDATE) < dc;
    });
    expect(bad).toEqual([]);
    // Planned ends lie mostly ahead of the credit start, some in the far future (cards).
    const ends = bureau.filter((r) => r.DAYS_CREDIT_ENDDATE !== '').map((r) => num(r.DAYS_CREDIT_ENDDATE));
    expect(ends.filter((d) => d > 20000).length / ends.length).toBeGreaterThan(0.005);
    expect(ends.filter((d) => d > 0).length / ends.length).toBeGreaterThan(0.2);
  });

  it('keeps active debt within the credit sum and closed debt mostly zero', () => {
    const active = bureau.filter((r) => r.CREDIT_ACTIVE === 'Active' && r.AMT_CREDIT_SUM_DEBT !== '');
    expect(active.filter((r) => num(r.AMT_CREDIT_SUM_DEBT) > num(r.AMT_CREDIT_SUM))).toEqual([]);
    const closed = bureau.filter((r) => r.CREDIT_ACTIVE === 'Closed' && r.AMT_CREDIT_SUM_DEBT !== '');
    expect(share(closed, (r) => num(r.AMT_CREDIT_SUM_DEBT) === 0)).toBeGreaterThan(0.9);
  });

  it('matches the real CREDIT_ACTIVE shares and missing rates', () => {
    expect(share(bureau, (r) => r.CREDIT_ACTIVE === 'Closed')).toBeCloseTo(0.618, 1);
    expect(share(bureau, (r) => r.CREDIT_ACTIVE === 'Active')).toBeCloseTo(0.378, 1);
    const missing: Record<string, number> = {
      AMT_CREDIT_MAX_OVERDUE: 0.629,
      AMT_ANNUITY: 0.745,
      AMT_CREDIT_SUM_LIMIT: 0.322,
      AMT_CREDIT_SUM_DEBT: 0.14,
      DAYS_CREDIT_ENDDATE: 0.069,
      DAYS_ENDDATE_FACT: 0.38,
    };
    for (const [column, rate] of Object.entries(missing)) {
      expect(Math.abs(share(bureau, (r) => r[column] === '') - rate), column).toBeLessThan(0.03);
    }
    // Credit cards carry the credit limits.
    const limits = bureau.filter((r) => num(r.AMT_CREDIT_SUM_LIMIT) > 0);
    expect(limits.length).toBeGreaterThan(0);
    expect(limits.every((r) => r.CREDIT_TYPE === 'Credit card')).toBe(true);
  });
});

describe('bureau_balance', () => {
  it('runs MONTHS_BALANCE 0, -1, -2, ... per credit, at most 96 months back', () => {
    for (const [id, months] of balanceByCredit) {
      const seq = months.map((r) => num(r.MONTHS_BALANCE));
      expect(seq, id).toEqual(seq.map((_, i) => 0 - i));
      expect(seq.length).toBeLessThanOrEqual(97);
    }
  });

  it('starts no earlier than the credit (DAYS_CREDIT / 30)', () => {
    for (const r of bureau) {
      const months = balanceByCredit.get(r.SK_ID_BUREAU!);
      if (!months) continue;
      const oldest = num(months[months.length - 1]!.MONTHS_BALANCE);
      expect(oldest).toBeGreaterThanOrEqual(Math.floor(num(r.DAYS_CREDIT) / 30.4375));
    }
  });

  it('covers about half the credits with about 33 months each', () => {
    expect(balanceByCredit.size / bureau.length).toBeGreaterThan(0.4);
    expect(balanceByCredit.size / bureau.length).toBeLessThan(0.56);
    expect(balance.length / balanceByCredit.size).toBeGreaterThan(28);
    expect(balance.length / balanceByCredit.size).toBeLessThan(40);
  });

  it('agrees with the bureau row: C only after closing, overdue credits show status >= 1 now', () => {
    for (const r of bureau) {
      const months = balanceByCredit.get(r.SK_ID_BUREAU!);
      if (!months) continue;
      if (r.CREDIT_ACTIVE === 'Active') expect(months.some((m) => m.STATUS === 'C')).toBe(false);
      if (r.CREDIT_ACTIVE === 'Closed') {
        const closedMonth = Math.floor(num(r.DAYS_ENDDATE_FACT) / 30.4375);
        for (const m of months) {
          if (m.STATUS === 'C') expect(num(m.MONTHS_BALANCE)).toBeGreaterThan(closedMonth);
        }
      }
      if (num(r.CREDIT_DAY_OVERDUE) > 0) expect(num(months[0]!.STATUS)).toBeGreaterThanOrEqual(1);
    }
  });

  it('has the real status mix: C, 0 and X common, 1..5 rare', () => {
    const shares: Record<string, number> = { C: 0.482, '0': 0.289, X: 0.215 };
    for (const [status, expected] of Object.entries(shares)) {
      expect(Math.abs(share(balance, (r) => r.STATUS === status) - expected), status).toBeLessThan(0.05);
    }
    const overdue = share(balance, (r) => r.STATUS >= '1' && r.STATUS <= '5');
    expect(overdue).toBeGreaterThan(0.005);
    expect(overdue).toBeLessThan(0.03);
  });
});
