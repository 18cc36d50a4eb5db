import { describe, expect, it } from 'vitest';

import { isClairscoreError } from '../../core/index.js';
import { tableSpec } from '../schema/index.js';
import { planColumns } from './column-plan.js';

const bureau = tableSpec('bureau');
const names = bureau.columns.map((c) => c.name);

function errorOf(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (isClairscoreError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a ClairscoreError');
}

describe('planColumns', () => {
  it('maps columns in any order and ignores unknown ones', () => {
    const header = ['EXTRA', ...[...names].reverse()];
    const plan = planColumns('bureau.csv', header, bureau, false);
    expect(plan.fileColumns[0]).toBeNull();
    expect(plan.fileColumns[1]?.name).toBe(names[names.length - 1]);
    expect(plan.ignored).toEqual(['EXTRA']);
    expect(plan.filled).toEqual([]);
  });

  it('names every missing column in one error, and suggests the flag only for non-key columns', () => {
    const header = names.filter((n) => n !== 'AMT_ANNUITY' && n !== 'CREDIT_TYPE');
    const error = errorOf(() => planColumns('bureau.csv', header, bureau, false));
    expect(error.code).toBe('CS_ERR_MISSING_COLUMNS');
    expect(error.message).toContain('CREDIT_TYPE, AMT_ANNUITY');
    expect(error.message).toContain('--allow-missing-columns');
    expect(planColumns('bureau.csv', header, bureau, true).filled).toEqual(['CREDIT_TYPE', 'AMT_ANNUITY']);

    const noKey = names.filter((n) => n !== 'SK_ID_BUREAU');
    const keyError = errorOf(() => planColumns('bureau.csv', noKey, bureau, true));
    expect(keyError.code).toBe('CS_ERR_MISSING_COLUMNS');
    expect(keyError.message).toContain('Key columns (SK_ID_BUREAU) cannot be left out');
  });

  it('rejects a header that is not this table: another table, a data row, a duplicate name', () => {
    const other = errorOf(() =>
      planColumns(
        'bureau.csv',
        tableSpec('bureau_balance').columns.map((c) => c.name),
        bureau,
        false,
      ),
    );
    expect(other).toMatchObject({ code: 'CS_ERR_BAD_HEADER' });
    expect(other.message).toContain('it is the header of bureau_balance.csv');
    const data = errorOf(() => planColumns('bureau.csv', ['215354', '5714462', 'Closed'], bureau, false));
    expect(data.message).toContain('looks like a data row');
    const twice = errorOf(() => planColumns('bureau.csv', [...names, 'CREDIT_TYPE'], bureau, false));
    expect(twice).toMatchObject({ code: 'CS_ERR_BAD_HEADER' });
    expect(twice.message).toContain(
      `column CREDIT_TYPE appears twice in the header (columns 15 and ${names.length + 1})`,
    );
  });
});
