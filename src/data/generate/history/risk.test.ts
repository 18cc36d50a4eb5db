import { describe, expect, it } from 'vitest';

import { generateSample, num, parseRows, share } from './test-support.js';

// The same applicant mix twice, once safe and once risky.
const safe = generateSample(2500, 91, () => ({ latentRisk: -1.2 }));
const risky = generateSample(2500, 91, () => ({ latentRisk: 1.2 }));

function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

describe('latentRisk drives the histories', () => {
  it('raises the refusal share', () => {
    const refused = (s: typeof safe) =>
      share(
        parseRows('previous_application', s.lines.previous_application),
        (r) => r.NAME_CONTRACT_STATUS === 'Refused',
      );
    expect(refused(risky)).toBeGreaterThan(refused(safe) * 1.5);
  });

  it('raises late and short instalment payments', () => {
    const inst = (s: typeof safe) => parseRows('installments_payments', s.lines.installments_payments);
    const late = (s: typeof safe) =>
      share(inst(s), (r) => num(r.DAYS_ENTRY_PAYMENT) > num(r.DAYS_INSTALMENT));
    const short = (s: typeof safe) => share(inst(s), (r) => num(r.AMT_PAYMENT) < num(r.AMT_INSTALMENT));
    expect(late(risky)).toBeGreaterThan(late(safe) * 2);
    expect(short(risky)).toBeGreaterThan(short(safe) * 1.5);
  });

  it('raises bureau overdue statuses and overdue days', () => {
    const bad = (s: typeof safe) =>
      share(parseRows('bureau_balance', s.lines.bureau_balance), (r) => /^[1-5]$/.test(r.STATUS!));
    expect(bad(risky)).toBeGreaterThan(bad(safe) * 3);
    const overdue = (s: typeof safe) =>
      mean(s.histories.map((h) => (h.signals.bureauMaxDaysOverdue > 0 ? 1 : 0)));
    expect(overdue(risky)).toBeGreaterThan(overdue(safe) * 3);
  });

  it('raises POS days past due and card utilisation', () => {
    const dpd = (s: typeof safe) => mean(s.histories.map((h) => (h.signals.posMaxDpd > 0 ? 1 : 0)));
    expect(dpd(risky)).toBeGreaterThan(dpd(safe) * 1.5);
    const util = (s: typeof safe) =>
      mean(
        s.histories.flatMap((h) =>
          h.signals.ccMeanUtilisation === null ? [] : [h.signals.ccMeanUtilisation],
        ),
      );
    expect(util(risky)).toBeGreaterThan(util(safe) + 0.1);
  });
});
