import { describe, expect, it } from 'vitest';

import { application } from '../../../test/features-fixtures.js';
import { ClairscoreError } from '../../core/index.js';
import type { Problem } from './domain-checks.js';
import { parseApplicationJson, validateApplication } from './validate-application.js';

/** The problems of an invalid application (fails the test when it is accepted). */
function problems(run: () => unknown): Problem[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ClairscoreError);
    const e = error as ClairscoreError;
    expect(e.code).toBe('CS_ERR_INVALID_APPLICATION');
    expect(e.status).toBe(400);
    return e.details.problems as Problem[];
  }
  throw new Error('the application was accepted');
}

describe('validateApplication', () => {
  it('accepts a complete application and ties its history rows to it', () => {
    const input = validateApplication({
      ...application(7),
      TARGET: 1,
      bureau: [{ SK_ID_BUREAU: 1, CREDIT_ACTIVE: 'Active', AMT_CREDIT_SUM: 10 }],
      bureau_balance: [{ SK_ID_BUREAU: 1, MONTHS_BALANCE: 0, STATUS: 'X' }],
    });
    expect(input.application.SK_ID_CURR).toBe(7);
    expect(input.history.bureau).toEqual([
      { SK_ID_BUREAU: 1, CREDIT_ACTIVE: 'Active', AMT_CREDIT_SUM: 10, SK_ID_CURR: 7 },
    ]);
    expect(input.history.bureau_balance).toEqual([{ SK_ID_BUREAU: 1, MONTHS_BALANCE: 0, STATUS: 'X' }]);
    expect(input.history.credit_card_balance).toEqual([]);
  });

  it('lists every problem at once, each with its path', () => {
    const app: Record<string, unknown> = { ...application(7) };
    delete app.AMT_CREDIT;
    delete app.DAYS_BIRTH;
    const found = problems(() =>
      validateApplication({
        ...app,
        AMT_INCOME_TOTAL: '100000',
        CNT_CHILDREN: 1.5,
        NAME_INCOME_TYPE: 'Astronaut',
        AMT_ANNUITY: -10,
        FLAG_OWN_CAR: 'maybe',
        FLAG_MOBIL: 2,
        NICKNAME: 'Bob',
        bureau: [
          { SK_ID_BUREAU: 1, CREDIT_ACTIVE: 'Dormant', AMT_CREDIT_SUM_OVERDUE: -5 },
          { SK_ID_BUREAU: 1, SK_ID_CURR: 8 },
          { CREDIT_ACTIVE: 'Active' },
        ],
        installments_payments: 'none',
      }),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        { path: '/AMT_CREDIT', message: 'required field is missing' },
        { path: '/DAYS_BIRTH', message: 'required field is missing' },
        { path: '/AMT_INCOME_TOTAL', message: 'expected a number' },
        { path: '/CNT_CHILDREN', message: 'expected an integer' },
        {
          path: '/NAME_INCOME_TYPE',
          message: expect.stringMatching(/^unknown category "Astronaut": one of "Working"/),
        },
        { path: '/AMT_ANNUITY', message: 'must not be negative (got -10)' },
        { path: '/FLAG_OWN_CAR', message: 'unknown category "maybe": one of "N", "Y"' },
        { path: '/FLAG_MOBIL', message: 'a flag is 0 or 1 (got 2)' },
        { path: '/NICKNAME', message: 'unknown field' },
        { path: '/bureau/0/CREDIT_ACTIVE', message: expect.stringContaining('unknown category "Dormant"') },
        { path: '/bureau/0/AMT_CREDIT_SUM_OVERDUE', message: 'must not be negative (got -5)' },
        { path: '/bureau/1/SK_ID_CURR', message: 'belongs to another application (7 expected)' },
        { path: '/bureau/1/SK_ID_BUREAU', message: 'duplicate SK_ID_BUREAU 1' },
        { path: '/bureau/2/SK_ID_BUREAU', message: 'required field is missing' },
        { path: '/installments_payments', message: expect.stringMatching(/array/i) },
      ]),
    );
    expect(found).toHaveLength(15);
  });

  it('refuses what is not an application object', () => {
    expect(problems(() => validateApplication([1, 2]))).toEqual([{ path: '', message: 'expected object' }]);
    expect(problems(() => validateApplication(null))).toHaveLength(1);
  });

  it('reports malformed JSON as a problem of the document', () => {
    const found = problems(() => parseApplicationJson('{"SK_ID_CURR": 1,'));
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toBe('');
    expect(found[0]!.message).toMatch(/^malformed JSON/);
  });

  it('keeps text that looks like SQL as plain data', () => {
    const text = `'); DROP TABLE bureau; --`;
    const input = validateApplication({
      ...application(7),
      previous_application: [{ SK_ID_PREV: 1, NAME_GOODS_CATEGORY: text, NAME_CONTRACT_STATUS: 'Approved' }],
    });
    expect(input.history.previous_application[0]!.NAME_GOODS_CATEGORY).toBe(text);
    const found = problems(() => validateApplication({ ...application(7), OCCUPATION_TYPE: text }));
    expect(found).toEqual([
      { path: '/OCCUPATION_TYPE', message: expect.stringContaining('unknown category') },
    ]);
  });
});
