import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  COL,
  correlation,
  parseAppRow,
  readCsv,
  signalsFromFiles,
  tempDir,
} from '../../../test/generate-helpers.js';
import { COLUMN_FACTS, type ColumnFacts } from '../schema/index.js';
import type { AppRow } from './application/columns.js';
import { generateDataset, type GenerateSummary } from './generate-dataset.js';
import { truePd } from './true-pd.js';

/** One mid-sized data set generated in this process, shared by the realism checks below. */
const CLIENTS = 20000;
const dir = tempDir('marginals');
let summary: GenerateSummary;
let header: string[];
let rows: AppRow[];
let raw: string[][];

const column = (name: keyof typeof COL): (number | string | null)[] => rows.map((r) => r[COL[name]]!);
const missingShare = (name: keyof typeof COL): number =>
  column(name).filter((v) => v === null).length / rows.length;
const median = (name: keyof typeof COL): number => {
  const v = column(name)
    .filter((x): x is number => typeof x === 'number')
    .sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)]!;
};
const share = (name: keyof typeof COL, level: string): number => {
  const present = column(name).filter((v) => v !== null);
  return present.filter((v) => v === level).length / present.length;
};
const reference = (name: string): ColumnFacts => COLUMN_FACTS.application_train.find((c) => c.name === name)!;

beforeAll(async () => {
  summary = await generateDataset({ clients: CLIENTS, seed: 2024, out: dir, workers: 0 });
  raw = readCsv(path.join(dir, 'application_train.csv'));
  header = raw[0]!;
  rows = raw.slice(1).map((fields) => parseAppRow(header, fields));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generated application_train', () => {
  it('defaults at the real rate: 8.07% +- 1.5 points', () => {
    expect(summary.trainRows).toBe(rows.length);
    const rate = column('TARGET').filter((t) => t === 1).length / rows.length;
    expect(rate).toBeGreaterThan(0.0657);
    expect(rate).toBeLessThan(0.0957);
    expect(summary.targetRate).toBeCloseTo(rate, 12);
  });

  it('keeps about 13.7% of clients for application_test, ids interleaved from 100002', () => {
    expect(summary.testRows / CLIENTS).toBeGreaterThan(0.125);
    expect(summary.testRows / CLIENTS).toBeLessThan(0.149);
    const ids = column('SK_ID_CURR') as number[];
    expect(ids[0]).toBeGreaterThanOrEqual(100002);
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
    const test = readCsv(path.join(dir, 'application_test.csv')).slice(1);
    const all = [...ids, ...test.map((r) => Number(r[0]))].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: CLIENTS }, (_, i) => 100002 + i));
  });

  it('missing rates follow the real ones', () => {
    expect(Math.abs(missingShare('EXT_SOURCE_1') - 0.5638)).toBeLessThan(0.02);
    expect(Math.abs(missingShare('EXT_SOURCE_3') - 0.1983)).toBeLessThan(0.02);
    expect(Math.abs(missingShare('OWN_CAR_AGE') - 0.6599)).toBeLessThan(0.02);
    expect(Math.abs(missingShare('APARTMENTS_AVG') - 0.5075)).toBeLessThan(0.02);
    expect(Math.abs(missingShare('AMT_REQ_CREDIT_BUREAU_YEAR') - 0.135)).toBeLessThan(0.015);
    // Building-block columns are missing together: all _AVG absent in about 48.6% of rows.
    const avg = header.filter((h) => h.endsWith('_AVG')).map((h) => COL[h as keyof typeof COL]);
    const allAvgMissing = rows.filter((r) => avg.every((i) => r[i] === null)).length / rows.length;
    expect(Math.abs(allAvgMissing - 0.486)).toBeLessThan(0.025);
    // Bureau enquiries and social-circle counts are missing jointly.
    for (const group of [
      ['AMT_REQ_CREDIT_BUREAU_HOUR', 'AMT_REQ_CREDIT_BUREAU_YEAR'],
      ['OBS_30_CNT_SOCIAL_CIRCLE', 'DEF_60_CNT_SOCIAL_CIRCLE'],
    ] as const) {
      expect(rows.every((r) => (r[COL[group[0]]] === null) === (r[COL[group[1]]] === null))).toBe(true);
    }
  });

  it('medians of amounts and age sit near the real ones (10% of the real IQR)', () => {
    for (const name of [
      'AMT_CREDIT',
      'AMT_INCOME_TOTAL',
      'DAYS_BIRTH',
      'AMT_ANNUITY',
      'AMT_GOODS_PRICE',
    ] as const) {
      const q = reference(name).quantiles!;
      expect(Math.abs(median(name) - q.p50!), name).toBeLessThanOrEqual(0.12 * (q.p75! - q.p25!));
    }
  });

  it('top categories keep their real shares (+- 2 points)', () => {
    for (const name of [
      'NAME_CONTRACT_TYPE',
      'CODE_GENDER',
      'NAME_EDUCATION_TYPE',
      'NAME_FAMILY_STATUS',
      'NAME_INCOME_TYPE',
      'ORGANIZATION_TYPE',
      'OCCUPATION_TYPE',
      'WEEKDAY_APPR_PROCESS_START',
    ] as const) {
      const [level, real] = reference(name).levels![0]!;
      expect(Math.abs(share(name, level) - real), `${name}=${level}`).toBeLessThan(0.02);
    }
  });

  it('DAYS_EMPLOYED = 365243 for about 18%, exactly the pensioners and unemployed, with XNA / no phone / no occupation', () => {
    const sentinel = rows.filter((r) => r[COL.DAYS_EMPLOYED] === 365243);
    expect(Math.abs(sentinel.length / rows.length - 0.1801)).toBeLessThan(0.012);
    for (const r of rows) {
      const isSentinel = r[COL.DAYS_EMPLOYED] === 365243;
      expect(r[COL.ORGANIZATION_TYPE] === 'XNA').toBe(isSentinel);
      expect(r[COL.FLAG_EMP_PHONE] === 0).toBe(isSentinel);
      expect(['Pensioner', 'Unemployed'].includes(r[COL.NAME_INCOME_TYPE] as string)).toBe(isSentinel);
      if (isSentinel) expect(r[COL.OCCUPATION_TYPE]).toBeNull();
      else expect(r[COL.DAYS_EMPLOYED] as number).toBeLessThanOrEqual(0);
    }
    // Pensioners are older.
    const age = (r: AppRow): number => -(r[COL.DAYS_BIRTH] as number) / 365.25;
    const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(sentinel.map(age))).toBeGreaterThan(mean(rows.map(age)) + 10);
  });

  it('EXT_SOURCE_1 is tied to age (corr with DAYS_BIRTH about -0.62), other EXT pairs weakly', () => {
    const pairs = (a: keyof typeof COL, b: keyof typeof COL) =>
      rows
        .filter((r) => r[COL[a]] !== null && r[COL[b]] !== null)
        .map((r) => [r[COL[a]] as number, r[COL[b]] as number] as const);
    const age = correlation(pairs('EXT_SOURCE_1', 'DAYS_BIRTH'));
    expect(age).toBeLessThan(-0.55);
    expect(age).toBeGreaterThan(-0.69);
    for (const [a, b] of [
      ['EXT_SOURCE_1', 'EXT_SOURCE_2'],
      ['EXT_SOURCE_1', 'EXT_SOURCE_3'],
      ['EXT_SOURCE_2', 'EXT_SOURCE_3'],
    ] as const) {
      const c = correlation(pairs(a, b));
      expect(c, `${a}~${b}`).toBeGreaterThan(0.05);
      expect(c, `${a}~${b}`).toBeLessThan(0.3);
    }
  });

  it('families, flags, regions and building triples are coherent', () => {
    let couples = 0;
    for (const r of rows) {
      // The rare 'Unknown' family status comes without CNT_FAM_MEMBERS, as in the real file.
      expect(r[COL.CNT_FAM_MEMBERS] === null).toBe(r[COL.NAME_FAMILY_STATUS] === 'Unknown');
      if (r[COL.CNT_FAM_MEMBERS] === null) continue;
      const adults = (r[COL.CNT_FAM_MEMBERS] as number) - (r[COL.CNT_CHILDREN] as number);
      expect([1, 2]).toContain(adults);
      expect(adults === 2).toBe(['Married', 'Civil marriage'].includes(r[COL.NAME_FAMILY_STATUS] as string));
      if (adults === 2) couples++;
      expect(r[COL.FLAG_MOBIL]).toBe(1);
      expect(r[COL.REGION_RATING_CLIENT_W_CITY] as number).toBeLessThanOrEqual(
        r[COL.REGION_RATING_CLIENT] as number,
      );
      expect([1, 2, 3]).toContain(r[COL.REGION_RATING_CLIENT_W_CITY]);
      expect(r[COL.OWN_CAR_AGE] === null).toBe(r[COL.FLAG_OWN_CAR] === 'N');
      const avg = r[COL.APARTMENTS_AVG];
      expect(avg === null).toBe(r[COL.APARTMENTS_MEDI] === null);
      expect(avg === null).toBe(r[COL.APARTMENTS_MODE] === null);
    }
    expect(Math.abs(couples / rows.length - 0.736)).toBeLessThan(0.03);
    const doc3 = column('FLAG_DOCUMENT_3').filter((v) => v === 1).length / rows.length;
    expect(Math.abs(doc3 - 0.71)).toBeLessThan(0.02);
    const triples = rows.filter((r) => r[COL.LIVINGAREA_AVG] !== null);
    const close = triples.filter(
      (r) =>
        Math.abs((r[COL.LIVINGAREA_MEDI] as number) - (r[COL.LIVINGAREA_AVG] as number)) <=
        0.1 * (r[COL.LIVINGAREA_AVG] as number) + 0.002,
    );
    expect(close.length / triples.length).toBeGreaterThan(0.9);
  });

  it('revolving loans repay 5% of the credit and mostly have goods price = credit; cash credit/goods median about 1.12', () => {
    const revolving = rows.filter((r) => r[COL.NAME_CONTRACT_TYPE] === 'Revolving loans');
    const withAnnuity = revolving.filter((r) => r[COL.AMT_ANNUITY] !== null);
    expect(withAnnuity.every((r) => r[COL.AMT_ANNUITY] === 0.05 * (r[COL.AMT_CREDIT] as number))).toBe(true);
    const same =
      revolving.filter((r) => r[COL.AMT_GOODS_PRICE] === r[COL.AMT_CREDIT]).length / revolving.length;
    expect(same).toBeGreaterThan(0.95);
    const ratios = rows
      .filter((r) => r[COL.NAME_CONTRACT_TYPE] === 'Cash loans' && r[COL.AMT_GOODS_PRICE] !== null)
      .map((r) => (r[COL.AMT_CREDIT] as number) / (r[COL.AMT_GOODS_PRICE] as number))
      .sort((a, b) => a - b);
    expect(ratios[Math.floor(ratios.length / 2)]).toBeGreaterThan(1.08);
    expect(ratios[Math.floor(ratios.length / 2)]).toBeLessThan(1.16);
    const incomes = column('AMT_INCOME_TOTAL') as number[];
    expect(incomes.filter((x) => x % 22500 === 0).length / incomes.length).toBeGreaterThan(0.65);
    for (const amount of ['AMT_CREDIT', 'AMT_ANNUITY', 'AMT_GOODS_PRICE'] as const) {
      expect(
        column(amount).every((x) => x === null || Number.isInteger((x as number) * 2)),
        amount,
      ).toBe(true);
    }
  });

  it('never writes the train-only rarities into application_test', () => {
    const test = readCsv(path.join(dir, 'application_test.csv'));
    const testRows = test.slice(1).map((f) => parseAppRow(test[0]!, f));
    for (const r of testRows) {
      expect(r[COL.CODE_GENDER]).not.toBe('XNA');
      expect(r[COL.NAME_FAMILY_STATUS]).not.toBe('Unknown');
      expect(r[COL.NAME_INCOME_TYPE]).not.toBe('Maternity leave');
    }
  });
});

describe('TRUE_PD', () => {
  it('is in (0, 1) for every client and averages near the TARGET rate', () => {
    const truth = readCsv(path.join(dir, 'truth.csv'));
    expect(truth[0]).toEqual(['SK_ID_CURR', 'TRUE_PD']);
    expect(truth.length - 1).toBe(CLIENTS);
    const pds = truth.slice(1).map((r) => Number(r[1]));
    expect(pds.every((p) => p > 0 && p < 1)).toBe(true);
    expect(Math.abs(pds.reduce((s, p) => s + p, 0) / pds.length - 0.0807)).toBeLessThan(0.01);
  });

  it('is a function of the written files: recomputed from the rows and the secondary files it matches truth.csv', async () => {
    const truth = new Map(
      readCsv(path.join(dir, 'truth.csv'))
        .slice(1)
        .map((r) => [Number(r[0]), Number(r[1])]),
    );
    const test = readCsv(path.join(dir, 'application_test.csv'));
    const written = new Map<number, AppRow>();
    for (const r of rows) written.set(r[COL.SK_ID_CURR] as number, r);
    for (const f of test.slice(1)) written.set(Number(f[0]), parseAppRow(test[0]!, f));
    // Every 67th client (about 300), train and test alike.
    const sample = [...written.keys()].filter((_, i) => i % 67 === 0);
    const signals = await signalsFromFiles(dir, sample);
    let withHistory = 0;
    for (const id of sample) {
      const s = signals.get(id)!;
      if (s.instCount > 0 || s.bureauCount > 0) withHistory++;
      expect(Math.abs(truePd(written.get(id)!, s) - truth.get(id)!), `client ${id}`).toBeLessThan(1e-9);
    }
    expect(withHistory).toBeGreaterThan(sample.length * 0.8);
  });

  it('separates defaults from the rest about as well as the real data allows (AUC 0.78-0.85)', () => {
    const truth = new Map(
      readCsv(path.join(dir, 'truth.csv'))
        .slice(1)
        .map((x) => [Number(x[0]), Number(x[1])]),
    );
    const scored = rows.map(
      (r) => [truth.get(r[COL.SK_ID_CURR] as number)!, r[COL.TARGET] as number] as const,
    );
    expect(auc(scored)).toBeGreaterThan(0.78);
    expect(auc(scored)).toBeLessThan(0.85);
  });
});

describe('written values', () => {
  it('int columns never hold a decimal point; float columns always parse as Python reprs', () => {
    const text = readFileSync(path.join(dir, 'application_train.csv'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const facts = COLUMN_FACTS.application_train;
    for (const fields of raw.slice(1, 3001)) {
      fields.forEach((value, i) => {
        if (value === '') return;
        const f = facts[i]!;
        if (f.dtype === 'int') expect(value, f.name).toMatch(/^-?\d+$/);
        if (f.dtype === 'float')
          expect(value, f.name).toMatch(/^-?\d+(\.\d+(e-\d\d)?|e[+-]\d\d)$|^-?\d\.\d+e[+-]\d\d$/);
      });
    }
  });
});

/** ROC AUC of (score, label) pairs (ties counted half). */
function auc(pairs: readonly (readonly [number, number])[]): number {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]![0] === sorted[i]![0]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++)
      if (sorted[k]![1] === 1) {
        rankSum += rank;
        positives++;
      }
    i = j + 1;
  }
  const negatives = sorted.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
