import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  buildFeatureTable,
  FeatureEngine,
  type BuildSummary,
  type FeatureSchema,
} from '../src/features/index.js';
import { readSchemaFile } from '../src/features/schema-store.js';
import type { InputRow } from '../src/features/single/application-input.js';
import {
  allFeatureRows,
  application,
  featureRow,
  sameValue,
  removeTempWorkspaces,
  tempWorkspace,
  withConnection,
  writeWorkspace,
} from './features-fixtures.js';

const workspace = tempWorkspace('tiny');
const INCOME = 200_000;
const INJECTION = `x'); DROP TABLE previous_application; --`;

// 1001: two bureau credits, one of them overdue; 1002: instalments paid early, late and short,
// previous applications approved then refused; 1003: no history at all, pensioner, XNA employer.
const bureau: InputRow[] = [
  {
    SK_ID_CURR: 1001,
    SK_ID_BUREAU: 1,
    CREDIT_ACTIVE: 'Active',
    CREDIT_CURRENCY: 'currency 1',
    DAYS_CREDIT: -400,
    CREDIT_DAY_OVERDUE: 10,
    DAYS_CREDIT_ENDDATE: 300,
    AMT_CREDIT_SUM: 100_000,
    AMT_CREDIT_SUM_DEBT: 40_000,
    AMT_CREDIT_SUM_OVERDUE: 5_000,
    CNT_CREDIT_PROLONG: 0,
    CREDIT_TYPE: 'Consumer credit',
    DAYS_CREDIT_UPDATE: -5,
  },
  {
    SK_ID_CURR: 1001,
    SK_ID_BUREAU: 2,
    CREDIT_ACTIVE: 'Closed',
    CREDIT_CURRENCY: 'currency 1',
    DAYS_CREDIT: -1000,
    CREDIT_DAY_OVERDUE: 0,
    DAYS_CREDIT_ENDDATE: -300,
    DAYS_ENDDATE_FACT: -200,
    AMT_CREDIT_SUM: 50_000,
    AMT_CREDIT_SUM_DEBT: 0,
    AMT_CREDIT_SUM_OVERDUE: 0,
    CNT_CREDIT_PROLONG: 1,
    CREDIT_TYPE: 'Credit card',
    DAYS_CREDIT_UPDATE: -190,
  },
  // a filler client, so that bureau features vary across clients
  {
    SK_ID_CURR: 1010,
    SK_ID_BUREAU: 3,
    CREDIT_ACTIVE: 'Closed',
    CREDIT_CURRENCY: 'currency 1',
    DAYS_CREDIT: -2000,
    CREDIT_DAY_OVERDUE: 0,
    AMT_CREDIT_SUM: 10_000,
    AMT_CREDIT_SUM_DEBT: 0,
    AMT_CREDIT_SUM_OVERDUE: 0,
    CNT_CREDIT_PROLONG: 0,
    CREDIT_TYPE: 'Consumer credit',
    DAYS_CREDIT_UPDATE: -900,
  },
];
const bureauBalance: InputRow[] = [
  { SK_ID_BUREAU: 1, MONTHS_BALANCE: 0, STATUS: '0' },
  { SK_ID_BUREAU: 1, MONTHS_BALANCE: -1, STATUS: '1' },
  { SK_ID_BUREAU: 1, MONTHS_BALANCE: -2, STATUS: '2' },
  { SK_ID_BUREAU: 2, MONTHS_BALANCE: -30, STATUS: 'C' },
  { SK_ID_BUREAU: 2, MONTHS_BALANCE: -31, STATUS: '0' },
];
const previous = (
  id: number,
  curr: number,
  status: string,
  decision: number,
  extra: InputRow = {},
): InputRow => ({
  SK_ID_PREV: id,
  SK_ID_CURR: curr,
  NAME_CONTRACT_TYPE: 'Cash loans',
  NAME_CONTRACT_STATUS: status,
  DAYS_DECISION: decision,
  WEEKDAY_APPR_PROCESS_START: 'MONDAY',
  HOUR_APPR_PROCESS_START: 10,
  FLAG_LAST_APPL_PER_CONTRACT: 'Y',
  NFLAG_LAST_APPL_IN_DAY: 1,
  NAME_CASH_LOAN_PURPOSE: 'XNA',
  NAME_PAYMENT_TYPE: 'XNA',
  CODE_REJECT_REASON: 'XAP',
  NAME_CLIENT_TYPE: 'Repeater',
  NAME_GOODS_CATEGORY: 'XNA',
  NAME_PORTFOLIO: 'Cash',
  NAME_PRODUCT_TYPE: 'x-sell',
  CHANNEL_TYPE: 'Credit and cash offices',
  SELLERPLACE_AREA: -1,
  NAME_SELLER_INDUSTRY: 'XNA',
  NAME_YIELD_GROUP: 'middle',
  PRODUCT_COMBINATION: 'Cash',
  ...extra,
});
const previousRows: InputRow[] = [
  previous(11, 1002, 'Approved', -130, {
    AMT_APPLICATION: 3_000,
    AMT_CREDIT: 2_700,
    AMT_ANNUITY: 300,
    CNT_PAYMENT: 10,
    DAYS_TERMINATION: 365_243,
    DAYS_FIRST_DUE: -100,
  }),
  previous(12, 1002, 'Refused', -20, {
    AMT_APPLICATION: 5_000,
    AMT_CREDIT: 5_000,
    CODE_REJECT_REASON: 'HC',
    NAME_GOODS_CATEGORY: INJECTION,
  }),
  previous(13, 1010, 'Approved', -700, { AMT_APPLICATION: 1_000, AMT_CREDIT: 1_000, DAYS_TERMINATION: -100 }),
];
const instalment = (number: number, due: number, amount: number, paid: number, day: number): InputRow => ({
  SK_ID_PREV: 11,
  SK_ID_CURR: 1002,
  NUM_INSTALMENT_VERSION: 1,
  NUM_INSTALMENT_NUMBER: number,
  DAYS_INSTALMENT: due,
  DAYS_ENTRY_PAYMENT: day,
  AMT_INSTALMENT: amount,
  AMT_PAYMENT: paid,
});
const instalments: InputRow[] = [
  instalment(1, -100, 1_000, 1_000, -105), // 5 days early
  instalment(2, -70, 1_000, 600, -60), // paid in two parts: 20 days late in the end, and 100 short
  instalment(2, -70, 1_000, 300, -50),
  instalment(3, -40, 1_000, 1_000, -40), // on the day
  { ...instalment(1, -300, 500, 500, -310), SK_ID_PREV: 13, SK_ID_CURR: 1010 },
];

// 40 training clients: 20 Working, 12 Pensioner, 1 Student (rare: below the threshold of 10)
const trainApplications = [
  application(1001, { AMT_INCOME_TOTAL: INCOME, TARGET: 1 }),
  application(1002, { TARGET: 0, AMT_CREDIT: 500_000, AMT_ANNUITY: 25_000 }),
  application(1003, {
    TARGET: 0,
    DAYS_EMPLOYED: 365_243,
    ORGANIZATION_TYPE: 'XNA',
    NAME_INCOME_TYPE: 'Pensioner',
  }),
  ...Array.from({ length: 37 }, (_, i) =>
    application(1010 + i, {
      TARGET: i % 5 === 0 ? 1 : 0,
      NAME_INCOME_TYPE: i < 19 ? 'Working' : i < 36 ? 'Pensioner' : 'Student',
      AMT_INCOME_TOTAL: 100_000 + 1_000 * i,
      CODE_GENDER: i % 2 === 0 ? 'F' : 'M',
    }),
  ),
];

let summary: BuildSummary;
let schema: FeatureSchema;
/** Every defined feature (before drops), and the stored table's rows. */
let all: Record<number, Record<string, number | null>>;
let rows: Record<number, Record<string, number | null>>;

afterAll(removeTempWorkspaces);

beforeAll(async () => {
  await writeWorkspace(workspace, {
    application_train: trainApplications,
    application_test: [application(2001, { NAME_INCOME_TYPE: 'Businessman' })],
    bureau,
    bureau_balance: bureauBalance,
    previous_application: previousRows,
    installments_payments: instalments,
  });
  summary = await buildFeatureTable(workspace);
  schema = readSchemaFile(workspace);
  rows = await withConnection(workspace, async (c) => {
    const out: Record<number, Record<string, number | null>> = {};
    for (const id of [1001, 1002, 1003, 2001]) out[id] = await featureRow(c, id);
    return out;
  });
  all = Object.fromEntries(await allFeatureRows(workspace));
});

describe('bureau aggregates', () => {
  it('counts and splits the two credits of client 1001, one of them overdue', () => {
    expect(all[1001]).toMatchObject({
      BURO_COUNT: 2,
      BURO_ACTIVE_COUNT: 1,
      BURO_CLOSED_COUNT: 1,
      BURO_OVERDUE_COUNT: 1,
      BURO_OVERDUE_SHARE: 0.5,
      BURO_AMT_CREDIT_SUM_DEBT_SUM: 40_000,
      BURO_AMT_CREDIT_SUM_DEBT_MEAN: 20_000,
      BURO_ACTIVE_AMT_CREDIT_SUM_OVERDUE_MAX: 5_000,
      BURO_CREDIT_DAY_OVERDUE_MEAN: 5,
      BURO_DAYS_CREDIT_MAX: -400,
      BURO_CNT_CREDIT_PROLONG_SUM: 1,
    });
    expect(all[1001]!.BURO_DEBT_CREDIT_RATIO).toBeCloseTo(40_000 / 150_000, 12);
    expect(all[1001]!.BURO_ACTIVE_DEBT_INCOME_RATIO).toBeCloseTo(40_000 / INCOME, 12);
  });

  it('takes the worst monthly status per credit, then per client', () => {
    expect(all[1001]).toMatchObject({
      BURO_BB_WORST_STATUS_MAX: 2,
      BURO_BB_WORST_STATUS_MEAN: 1, // worst 2 on credit 1, 0 on credit 2
      BURO_BB_DPD_MONTHS_SUM: 2,
      BURO_BB_LAST_STATUS_MAX: 0,
      BURO_BB_STATUS_C_SHARE: 0.2,
    });
  });
});

describe('previous applications and instalments', () => {
  it('splits approved and refused applications and reads the 365243 sentinel as missing', () => {
    expect(all[1002]).toMatchObject({
      PREV_COUNT: 2,
      PREV_APPROVED_COUNT: 1,
      PREV_REFUSED_COUNT: 1,
      PREV_NAME_CONTRACT_STATUS_Refused_SHARE: 0.5,
      PREV_LAST_REFUSED: 1,
      PREV_APPROVED_OPEN_COUNT: 1,
      PREV_CODE_REJECT_REASON_HC_SHARE: 0.5,
    });
    expect(all[1002]!.PREV_APPROVED_APP_CREDIT_RATIO_MEAN).toBeCloseTo(3_000 / 2_700, 12);
    expect(all[1002]!.PREV_DAYS_TERMINATION_MAX).toBeNull();
  });

  it('sums a partly paid instalment before judging it late and short', () => {
    expect(all[1002]).toMatchObject({
      INSTAL_COUNT: 3,
      INSTAL_LATE_COUNT: 1,
      INSTAL_SHORT_COUNT: 1,
      INSTAL_DPD_MAX: 20,
      INSTAL_DBD_MAX: 5,
      INSTAL_SHORTFALL_SUM: 100,
      INSTAL_PAY_RATIO_MIN: 0.9,
      INSTAL_PAYMENTS_MAX: 2,
      INSTAL_AMT_PAID_SUM: 2_900,
    });
    expect(all[1002]!.INSTAL_LATE_SHARE).toBeCloseTo(1 / 3, 12);
    expect(all[1002]!.INSTAL_DPD_MEAN).toBeCloseTo(20 / 3, 12);
  });
});

describe('a client without any history', () => {
  it('has counts of 0 but missing means, sums and shares (0 would lie)', () => {
    const row = all[1003]!;
    for (const count of ['BURO_COUNT', 'PREV_COUNT', 'INSTAL_COUNT', 'HISTORY_SOURCE_COUNT'])
      expect(row[count]).toBe(0);
    for (const missing of [
      'BURO_AMT_CREDIT_SUM_DEBT_SUM',
      'BURO_OVERDUE_SHARE',
      'BURO_DAYS_CREDIT_MAX',
      'PREV_LAST_REFUSED',
      'INSTAL_LATE_SHARE',
      'INSTAL_DPD_MEAN',
    ]) {
      expect(row[missing], missing).toBeNull();
    }
  });

  it('reads DAYS_EMPLOYED 365243 as not employed and XNA as missing', () => {
    expect(all[1003]).toMatchObject({ DAYS_EMPLOYED: null, DAYS_EMPLOYED_ANOM: 1, ORGANIZATION_TYPE: null });
    expect(all[1001]).toMatchObject({ DAYS_EMPLOYED: -1200, DAYS_EMPLOYED_ANOM: 0 });
  });
});

describe('categories, drops and the schema', () => {
  it('codes levels by training frequency, rare and unseen levels as 0', () => {
    const income = schema.categories.find((c) => c.feature === 'NAME_INCOME_TYPE')!;
    expect(income.levels).toEqual([
      { level: 'Working', code: 1, count: 21 },
      { level: 'Pensioner', code: 2, count: 18 },
      { level: 'Student', code: 0, count: 1 },
    ]);
    expect(rows[1003]!.NAME_INCOME_TYPE).toBe(2);
    expect(rows[2001]!.NAME_INCOME_TYPE).toBe(0); // Businessman: never seen in training
  });

  it('drops constant and duplicate columns, judged on the training rows, and reports them', () => {
    const dropped = new Map(summary.dropped.map((d) => [d.name, d]));
    expect(dropped.get('FLAG_MOBIL')).toEqual({ name: 'FLAG_MOBIL', reason: 'constant' });
    expect(dropped.get('POS_COUNT')?.reason).toBe('constant'); // no POS table at all
    const duplicate = summary.dropped.find((d) => d.reason === 'duplicate')!;
    expect(summary.features + summary.dropped.length).toBe(summary.defined);
    expect(rows[1001]).not.toHaveProperty('FLAG_MOBIL');
    expect(rows[1001]).not.toHaveProperty(duplicate.name);
    expect(rows[1001]).toHaveProperty(duplicate.duplicateOf!);
  });

  it('records the version, the exclusions and the absent tables', () => {
    expect(schema.version).toBe(summary.version);
    expect(schema.excluded).toEqual(['CODE_GENDER']);
    expect(schema.modelFeatures).not.toContain('CODE_GENDER');
    expect(schema.features.find((f) => f.name === 'CODE_GENDER')).toMatchObject({
      model: false,
      sensitive: true,
    });
    expect(schema.absentTables).toEqual(['POS_CASH_balance', 'credit_card_balance']);
    expect(rows[2001]).toMatchObject({ TARGET: null, is_train: 0 });
  });
});

describe('one application at a time', () => {
  it('gives exactly the batch values, the dropped columns left out, injected text kept as data', async () => {
    const engine = await FeatureEngine.create(schema);
    try {
      const history = (id: number): Record<string, InputRow[]> => ({
        bureau: bureau.filter((r) => r.SK_ID_CURR === id),
        bureau_balance: bureauBalance.filter((r) =>
          bureau.some((b) => b.SK_ID_CURR === id && b.SK_ID_BUREAU === r.SK_ID_BUREAU),
        ),
        previous_application: previousRows.filter((r) => r.SK_ID_CURR === id),
        installments_payments: instalments.filter((r) => r.SK_ID_CURR === id),
      });
      for (const id of [1001, 1002, 1003, 1001]) {
        const app = trainApplications.find((a) => a.SK_ID_CURR === id)!;
        const single = await engine.compute({ ...app, ...history(id) });
        expect(Object.keys(single.values)).toEqual(schema.features.map((f) => f.name));
        for (const [name, value] of Object.entries(single.values)) {
          expect(sameValue(value, rows[id]![name]!), `${id} ${name}: ${value} vs ${rows[id]![name]}`).toBe(
            true,
          );
        }
        expect(single.vector).toHaveLength(schema.modelFeatures.length);
      }
    } finally {
      engine.close();
    }
  });
});

describe('the exclusion setting', () => {
  it('refuses an unknown feature name before any work, and can keep the sensitive attributes', async () => {
    await expect(buildFeatureTable(workspace, { exclude: ['CODE_GENDRE'] })).rejects.toMatchObject({
      code: 'CS_ERR_UNKNOWN_FEATURE',
    });
    const included = await buildFeatureTable(workspace, { includeSensitive: true });
    expect(included.excluded).toEqual([]);
    expect(included.version).not.toBe(summary.version); // the model's columns differ
    expect(readSchemaFile(workspace).modelFeatures).toContain('CODE_GENDER');
  });
});
