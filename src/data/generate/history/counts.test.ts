import { describe, expect, it } from 'vitest';

import { Rng } from '../../../core/index.js';
import { drawCounts } from './counts.js';
import { sampleApplicant } from './sample-applicants.js';
import { generateSample, HISTORY_TABLES } from './test-support.js';

const CLIENTS = 5000;
const sample = generateSample(CLIENTS, 81);

function clientsWith(table: (typeof HISTORY_TABLES)[number]): number {
  return sample.histories.filter((h) => h.rows[table].length > 0).length / CLIENTS;
}

function perClientWith(table: (typeof HISTORY_TABLES)[number]): number {
  const holders = sample.histories.filter((h) => h.rows[table].length > 0);
  return holders.reduce((s, h) => s + h.rows[table].length, 0) / holders.length;
}

describe('history counts per client', () => {
  it('average 5.6 bureau credits and 4.9 applications per client holding any', () => {
    expect(Math.abs(perClientWith('bureau') - 5.61)).toBeLessThan(0.6);
    expect(Math.abs(perClientWith('previous_application') - 4.93)).toBeLessThan(0.5);
  });

  it('leave ~14% of clients without bureau credits and ~5% without applications', () => {
    expect(Math.abs(clientsWith('bureau') - 305811 / 356255)).toBeLessThan(0.03);
    expect(Math.abs(clientsWith('previous_application') - 338857 / 356255)).toBeLessThan(0.02);
    expect(Math.abs(clientsWith('POS_CASH_balance') - 337252 / 356255)).toBeLessThan(0.03);
    expect(Math.abs(clientsWith('installments_payments') - 339587 / 356255)).toBeLessThan(0.03);
    expect(Math.abs(clientsWith('credit_card_balance') - 103558 / 356255)).toBeLessThan(0.03);
  });

  it('scale to the full Kaggle table sizes', () => {
    const fullSize: Record<string, number> = {
      bureau: 1_716_428,
      bureau_balance: 27_299_925,
      previous_application: 1_670_214,
      POS_CASH_balance: 10_001_358,
      installments_payments: 13_605_401,
      credit_card_balance: 3_840_312,
    };
    for (const t of HISTORY_TABLES) {
      const perClient = sample.lines[t].length / CLIENTS;
      const expected = fullSize[t]! / 356_255;
      // Within 15% (POS_CASH_balance runs ~5% long, see index.ts).
      expect(Math.abs(perClient / expected - 1), t).toBeLessThan(0.15);
    }
  });

  it('are right-skewed and grow with creditAppetite', () => {
    const rng = new Rng(3, 3);
    const applicantRng = new Rng(4, 4);
    const draw = (appetite: number) =>
      Array.from({ length: 4000 }, (_, i) =>
        drawCounts(rng, sampleApplicant(applicantRng, i, { creditAppetite: appetite })),
      );
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const low = draw(-1);
    const high = draw(1);
    expect(mean(high.map((c) => c.bureau))).toBeGreaterThan(1.5 * mean(low.map((c) => c.bureau)));
    expect(mean(high.map((c) => c.previous))).toBeGreaterThan(1.4 * mean(low.map((c) => c.previous)));
    const bureau = sample.histories.map((h) => h.rows.bureau.length).sort((a, b) => a - b);
    const median = bureau[bureau.length >> 1]!;
    expect(mean(bureau)).toBeGreaterThan(median);
    expect(bureau[Math.floor(bureau.length * 0.99)]).toBeGreaterThan(3 * mean(bureau));
  });
});
