import { describe, expect, it } from 'vitest';

import {
  aggregates,
  count,
  levelKey,
  levelShares,
  quoteLiteral,
  scoped,
  share,
  where,
  type Scope,
} from './builders.js';

const ACTIVE: Scope = {
  prefix: 'BURO_ACTIVE',
  filter: `"CREDIT_ACTIVE" = 'Active'`,
  label: { en: 'Bureau, active credits', fr: 'Bureau, crédits actifs' },
  over: { en: 'the active credits', fr: 'les crédits actifs' },
  tables: ['bureau'],
};
const ALL: Scope = { ...ACTIVE, prefix: 'BURO', label: { en: 'Bureau', fr: 'Bureau' } };
delete (ALL as { filter?: string }).filter;

describe('SQL builders', () => {
  it('writes scoped aggregates as CASE inside the aggregate (no FILTER clause)', () => {
    expect(where('avg', 'x', 'c > 0')).toBe('avg(CASE WHEN c > 0 THEN x END)');
    expect(where('avg', 'x')).toBe('avg(x)');
    expect(scoped(ACTIVE, 'count', '*')).toBe(`count(CASE WHEN "CREDIT_ACTIVE" = 'Active' THEN 1 END)`);
    expect(scoped(ALL, 'count', '*')).toBe('count(*)');
  });

  it('names, labels and types aggregates from the measure and the scope', () => {
    const [mean, total] = aggregates(
      ACTIVE,
      {
        name: 'CREDIT_DAY_OVERDUE',
        sql: '"CREDIT_DAY_OVERDUE"',
        label: { en: 'days overdue', fr: 'jours de retard' },
        kind: 'days',
      },
      ['mean', 'sum'],
    );
    expect(mean).toMatchObject({
      name: 'BURO_ACTIVE_CREDIT_DAY_OVERDUE_MEAN',
      sql: `avg(CASE WHEN "CREDIT_ACTIVE" = 'Active' THEN "CREDIT_DAY_OVERDUE" END)`,
      kind: 'days',
      label: {
        en: 'Bureau, active credits: days overdue, mean',
        fr: 'Bureau, crédits actifs : jours de retard, moyenne',
      },
      unit: { en: 'days', fr: 'jours' },
      tables: ['bureau'],
    });
    expect(total!.name).toBe('BURO_ACTIVE_CREDIT_DAY_OVERDUE_SUM');
  });

  it('turns aggregated flags into shares and counts', () => {
    const flag = { name: 'F', sql: 'f', label: { en: 'f', fr: 'f' }, kind: 'flag' as const };
    expect(aggregates(ALL, flag, ['mean', 'sum']).map((f) => f.kind)).toEqual(['ratio', 'count']);
  });

  it('makes counts 0 for a client without rows, shares missing', () => {
    expect(count(ALL, 'COUNT', { en: 'credits', fr: 'crédits' })).toMatchObject({
      name: 'BURO_COUNT',
      sql: 'count(*)',
      zeroWhenNone: true,
      label: { en: 'Bureau: number of credits', fr: 'Bureau : nombre de crédits' },
    });
    const overdue = share(ALL, 'OVERDUE', 'x > 0', { en: 'overdue', fr: 'en retard' });
    expect(overdue.sql).toBe('avg(CASE WHEN x > 0 THEN 1.0 ELSE 0.0 END)');
    expect(overdue.zeroWhenNone).toBeUndefined();
  });

  it('quotes level names and makes them name parts', () => {
    const [first] = levelShares(ALL, 'CREDIT_TYPE', { en: 'type', fr: 'type' }, [
      'Cash loan (non-earmarked)',
    ]);
    expect(first!.name).toBe('BURO_CREDIT_TYPE_Cash_loan_non_earmarked_SHARE');
    expect(levelKey('Cash X-Sell: low')).toBe('Cash_X_Sell_low');
    expect(quoteLiteral(`it's`)).toBe(`'it''s'`);
  });
});
