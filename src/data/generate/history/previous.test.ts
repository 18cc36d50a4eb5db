import { describe, expect, it } from 'vitest';

import { generateSample, num, parseRows, type Row, share } from './test-support.js';

const SENTINEL = 365243;
const DATE_BLOCK = [
  'DAYS_FIRST_DRAWING',
  'DAYS_FIRST_DUE',
  'DAYS_LAST_DUE_1ST_VERSION',
  'DAYS_LAST_DUE',
  'DAYS_TERMINATION',
  'NFLAG_INSURED_ON_APPROVAL',
];

const sample = generateSample(3000, 31);
const prev = parseRows('previous_application', sample.lines.previous_application);
const approved = prev.filter((r) => r.NAME_CONTRACT_STATUS === 'Approved');
const instalmentLoans = approved.filter(
  (r) => r.NAME_CONTRACT_TYPE !== 'Revolving loans' && r.DAYS_FIRST_DUE !== '',
);

function isHalf(value: string): boolean {
  return value === '' || Number.isInteger(num(value) * 2);
}

describe('previous_application', () => {
  it('has the real status shares', () => {
    const expected: Record<string, number> = {
      Approved: 0.636,
      Canceled: 0.206,
      Refused: 0.143,
      'Unused offer': 0.015,
    };
    for (const [status, rate] of Object.entries(expected)) {
      expect(Math.abs(share(prev, (r) => r.NAME_CONTRACT_STATUS === status) - rate), status).toBeLessThan(
        0.025,
      );
    }
  });

  it('leaves the date block empty for every non-approved application and ~5% of approved ones', () => {
    for (const r of prev.filter((x) => x.NAME_CONTRACT_STATUS !== 'Approved')) {
      for (const c of DATE_BLOCK) expect(r[c], c).toBe('');
    }
    const emptyApproved = share(approved, (r) => r.DAYS_FIRST_DUE === '');
    expect(emptyApproved).toBeGreaterThan(0.02);
    expect(emptyApproved).toBeLessThan(0.09);
    // The block is empty or filled as a whole.
    for (const r of approved) {
      const empty = DATE_BLOCK.filter((c) => r[c] === '').length;
      expect([0, DATE_BLOCK.length]).toContain(empty);
    }
  });

  it('uses the 365243 sentinel at the real shares of non-null values', () => {
    const expected: Record<string, [number, number]> = {
      DAYS_FIRST_DRAWING: [0.95, 0.03],
      DAYS_FIRST_DUE: [0.04, 0.02],
      DAYS_LAST_DUE_1ST_VERSION: [0.08, 0.03],
      DAYS_LAST_DUE: [0.2, 0.05],
      DAYS_TERMINATION: [0.2, 0.06],
    };
    for (const [column, [rate, tolerance]] of Object.entries(expected)) {
      const filled = prev.filter((r) => r[column] !== '');
      expect(Math.abs(share(filled, (r) => num(r[column]) === SENTINEL) - rate), column).toBeLessThan(
        tolerance,
      );
    }
  });

  it('dates instalment loans consistently with their term', () => {
    for (const r of instalmentLoans) {
      const decision = num(r.DAYS_DECISION);
      const firstDue = num(r.DAYS_FIRST_DUE);
      const lastDue1st = num(r.DAYS_LAST_DUE_1ST_VERSION);
      const lastDue = num(r.DAYS_LAST_DUE);
      const termination = num(r.DAYS_TERMINATION);
      expect(num(r.DAYS_FIRST_DRAWING)).toBe(SENTINEL);
      expect(firstDue).toBeGreaterThan(decision);
      expect(lastDue1st).toBe(firstDue + 30 * (num(r.CNT_PAYMENT) - 1));
      if (lastDue !== SENTINEL) {
        // Ended (on schedule or early, on an instalment date) before the application.
        expect(lastDue).toBeLessThanOrEqual(lastDue1st);
        expect((lastDue - firstDue) % 30).toBe(0);
        expect(lastDue).toBeLessThan(0);
        expect(termination).toBeGreaterThan(lastDue);
      } else expect(termination).toBe(SENTINEL);
    }
  });

  it('rejects with a reason only when refused', () => {
    for (const r of prev) {
      if (r.NAME_CONTRACT_STATUS === 'Refused') expect(['XAP', 'CLIENT']).not.toContain(r.CODE_REJECT_REASON);
      else if (r.NAME_CONTRACT_STATUS === 'Unused offer') expect(r.CODE_REJECT_REASON).toBe('CLIENT');
      else expect(r.CODE_REJECT_REASON).toBe('XAP');
    }
  });

  it('keeps amounts coherent with the contract type', () => {
    for (const r of prev) {
      for (const c of ['AMT_APPLICATION', 'AMT_CREDIT', 'AMT_GOODS_PRICE', 'AMT_DOWN_PAYMENT']) {
        expect(isHalf(r[c]!), `${c}=${r[c]}`).toBe(true);
      }
      const application = num(r.AMT_APPLICATION);
      const credit = num(r.AMT_CREDIT);
      const n = num(r.CNT_PAYMENT);
      const annuity = num(r.AMT_ANNUITY);
      if (r.NAME_CONTRACT_TYPE === 'Consumer loans') {
        const goods = num(r.AMT_GOODS_PRICE);
        const down = num(r.AMT_DOWN_PAYMENT);
        expect(goods).toBe(application);
        expect(down).toBeGreaterThanOrEqual(0);
        expect(credit).toBeGreaterThanOrEqual(goods - down - 0.5);
        expect(credit).toBeLessThanOrEqual((goods - down) * 1.1 + 0.5);
        if (down > 0) expect(num(r.RATE_DOWN_PAYMENT) / (down / goods)).toBeCloseTo(1.03, 1);
        else expect(num(r.RATE_DOWN_PAYMENT)).toBe(0);
      }
      if (r.NAME_CONTRACT_TYPE === 'Cash loans' && credit > 0) {
        expect(credit).toBeGreaterThanOrEqual(application);
        expect(num(r.AMT_GOODS_PRICE)).toBe(application);
      }
      if (n > 0 && annuity > 0) {
        // An annuity with interest: more than credit / n, less than a usurious rate.
        expect(annuity * n).toBeGreaterThanOrEqual(credit - 1);
        expect(annuity * n).toBeLessThan(credit * 3);
      }
      if (r.NAME_CONTRACT_TYPE === 'Revolving loans' && r.NAME_CONTRACT_STATUS === 'Approved') {
        expect(annuity).toBeCloseTo(credit * 0.05, 2);
        expect(n).toBe(0);
      }
    }
  });

  it('keeps the XNA / XAP placeholders at their real shares', () => {
    const placeholders: [string, string, number][] = [
      ['NAME_CASH_LOAN_PURPOSE', 'XAP', 0.525],
      ['NAME_CASH_LOAN_PURPOSE', 'XNA', 0.412],
      ['NAME_GOODS_CATEGORY', 'XNA', 0.581],
      ['NAME_PORTFOLIO', 'XNA', 0.233],
      ['NAME_PRODUCT_TYPE', 'XNA', 0.635],
      ['NAME_SELLER_INDUSTRY', 'XNA', 0.532],
      ['NAME_PAYMENT_TYPE', 'XNA', 0.378],
      ['NAME_YIELD_GROUP', 'XNA', 0.306],
      ['CODE_REJECT_REASON', 'XAP', 0.842],
    ];
    for (const [column, level, rate] of placeholders) {
      expect(
        Math.abs(share(prev, (r: Row) => r[column] === level) - rate),
        `${column}=${level}`,
      ).toBeLessThan(0.03);
    }
    expect(Math.abs(share(prev, (r) => r.NAME_TYPE_SUITE === '') - 0.486)).toBeLessThan(0.03);
    expect(share(prev, (r) => r.RATE_INTEREST_PRIMARY === '')).toBeGreaterThan(0.99);
  });

  it('decides within the 8-year window before the application', () => {
    expect(prev.filter((r) => num(r.DAYS_DECISION) < -2922 || num(r.DAYS_DECISION) > -1)).toEqual([]);
  });
});
