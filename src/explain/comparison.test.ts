import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openDatabase, type Database } from '../data/index.js';
import { readSchemaFile } from '../features/index.js';
import { Comparison } from './comparison.js';
import { AGE_BANDS, INCOME_BANDS } from './group-filter.js';
import { PopulationStats } from './population-stats.js';
import { fixtureWorkspace } from './test-fixture.js';

let db: Database;
let comparison: Comparison;
let clientId: number;

beforeAll(async () => {
  const workspace = await fixtureWorkspace();
  db = await openDatabase(workspace, { readOnly: true });
  const schema = readSchemaFile(workspace);
  comparison = await Comparison.open(db, schema, await PopulationStats.load(db, schema));
  clientId = Number((await db.query('SELECT min("SK_ID_CURR") AS id FROM application_train'))[0]!.id);
});

afterAll(() => db?.close());

/** Clients of a group counted straight from the application tables. */
async function handCount(where: string, params: (string | number)[]): Promise<number> {
  const rows = await db.query(
    `SELECT count(*) AS n FROM (SELECT * FROM application_train UNION ALL BY NAME SELECT * FROM application_test) WHERE ${where}`,
    params,
  );
  return Number(rows[0]!.n);
}

const sum = (counts: readonly number[]): number => counts.reduce((a, b) => a + b, 0);

describe('comparison data', () => {
  it('offers the bands and the levels present in the data', () => {
    const options = comparison.filterOptions();
    expect(options.ageBand).toEqual(AGE_BANDS);
    expect(options.incomeBand).toEqual(INCOME_BANDS);
    expect(options.gender).toEqual(expect.arrayContaining(['F', 'M']));
    expect(options.contractType).toContain('Cash loans');
  });

  it('gives distributions whose counts add up to the sizes of all clients, the group and each outcome', async () => {
    const total = await handCount('TRUE', []);
    const women = await handCount(
      `CODE_GENDER = $1 AND -DAYS_BIRTH / 365.25 >= 35 AND -DAYS_BIRTH / 365.25 < 45`,
      ['F'],
    );
    const repaid = Number(
      (await db.query('SELECT count(*) AS n FROM application_train WHERE "TARGET" = 0'))[0]!.n,
    );
    for (const feature of ['AMT_INCOME_TOTAL', 'EXT_SOURCE_1', 'NAME_EDUCATION_TYPE']) {
      const d = await comparison.distribution({
        feature,
        filter: { gender: 'F', ageBand: '35-44' },
        client: { id: clientId },
      });
      expect(d.all.size).toBe(total);
      expect(sum(d.all.counts) + d.all.missing).toBe(total);
      expect(d.group!.size).toBe(women);
      expect(sum(d.group!.counts) + d.group!.missing).toBe(women);
      expect(d.repaid!.size).toBe(repaid);
      expect(d.repaid!.size + d.defaulted!.size).toBe(
        Number((await db.query('SELECT count(*) AS n FROM application_train'))[0]!.n),
      );
      expect(d.binLabels.length).toBe(d.all.counts.length);
      expect(d.client!.percentile === null).toBe(d.client!.value === null);
      if (d.client!.bin !== null) expect(d.all.counts[d.client!.bin]).toBeGreaterThan(0);
    }
  });

  it('counts each bin as a brute force over the raw values does', async () => {
    const d = await comparison.distribution({
      feature: 'AMT_CREDIT',
      bins: 12,
      filter: { incomeBand: '100k-150k' },
    });
    const rows = await db.query(
      `SELECT f."AMT_CREDIT" AS v FROM features f JOIN application_train a USING ("SK_ID_CURR") WHERE a."AMT_INCOME_TOTAL" >= 100000 AND a."AMT_INCOME_TOTAL" < 150000
       UNION ALL SELECT f."AMT_CREDIT" FROM features f JOIN application_test a USING ("SK_ID_CURR") WHERE a."AMT_INCOME_TOTAL" >= 100000 AND a."AMT_INCOME_TOTAL" < 150000`,
    );
    const counts = new Array<number>(12).fill(0);
    const lo = d.edges[0]!;
    const width = d.edges[1]! - d.edges[0]!;
    for (const { v } of rows) counts[Math.min(11, Math.max(0, Math.floor((Number(v) - lo) / width)))]!++;
    expect(d.group!.counts).toEqual(counts);
  });

  it('refuses groups below the minimum size and empty groups', async () => {
    const small = await handCount('NAME_EDUCATION_TYPE = $1', ['Academic degree']);
    expect(small).toBeLessThan(20);
    await expect(
      comparison.distribution({
        feature: 'AMT_CREDIT',
        filter: { education: 'Academic degree' },
        minGroupSize: 20,
      }),
    ).rejects.toMatchObject({ code: 'CS_ERR_GROUP_TOO_SMALL', status: 403 });
    if (small > 0) {
      const d = await comparison.distribution({
        feature: 'AMT_CREDIT',
        filter: { education: 'Academic degree' },
      });
      expect(d.group!.size).toBe(small);
    }
    await expect(
      comparison.distribution({
        feature: 'AMT_CREDIT',
        filter: { ageBand: '<25', incomeBand: '300k+', education: 'Academic degree' },
      }),
    ).rejects.toMatchObject({ code: 'CS_ERR_EMPTY_GROUP' });
    await expect(
      comparison.profile({
        client: { id: clientId },
        filter: { education: 'Academic degree' },
        minGroupSize: 20,
      }),
    ).rejects.toMatchObject({
      code: 'CS_ERR_GROUP_TOO_SMALL',
    });
    expect(await comparison.groupSize({ gender: 'M' })).toBe(await handCount('CODE_GENDER = $1', ['M']));
  });

  it('rejects unknown features, injection attempts, bad filters and unknown clients with clear errors', async () => {
    const bad: [Parameters<Comparison['distribution']>[0], string][] = [
      [{ feature: 'NOT_A_FEATURE' }, 'CS_ERR_UNKNOWN_FEATURE'],
      [{ feature: 'AMT_CREDIT" FROM features; DROP TABLE features; --' }, 'CS_ERR_UNKNOWN_FEATURE'],
      [{ feature: 'amt_credit' }, 'CS_ERR_UNKNOWN_FEATURE'],
      [{ feature: 'AMT_CREDIT', filter: { gender: "F' OR '1'='1" } }, 'CS_ERR_BAD_FILTER'],
      [{ feature: 'AMT_CREDIT', filter: { ageBand: '30-40' as never } }, 'CS_ERR_BAD_FILTER'],
      [{ feature: 'AMT_CREDIT', filter: { SK_ID_CURR: '1' } as never }, 'CS_ERR_BAD_FILTER'],
      [{ feature: 'AMT_CREDIT', filter: { gender: 1 as never } }, 'CS_ERR_BAD_FILTER'],
      [{ feature: 'AMT_CREDIT', client: { id: 999_999_999 } }, 'CS_ERR_UNKNOWN_CLIENT'],
      [{ feature: 'AMT_CREDIT', client: { id: -1 } }, 'CS_ERR_UNKNOWN_CLIENT'],
      [{ feature: 'AMT_CREDIT', bins: 1e9 }, 'CS_ERR_BAD_REQUEST'],
    ];
    for (const [request, code] of bad) {
      await expect(comparison.distribution(request), JSON.stringify(request)).rejects.toMatchObject({ code });
    }
    await expect(comparison.bivariate({ x: 'AMT_CREDIT', y: 'X; --' })).rejects.toMatchObject({
      code: 'CS_ERR_UNKNOWN_FEATURE',
    });
    await expect(comparison.clientValues(42)).rejects.toMatchObject({
      code: 'CS_ERR_UNKNOWN_CLIENT',
      status: 404,
    });
    // the table is intact
    expect(await comparison.groupSize()).toBe(await handCount('TRUE', []));
  });

  it('samples a bounded, deterministic bivariate view with outcomes', async () => {
    const request = {
      x: 'AMT_CREDIT',
      y: 'EXT_SOURCE_2',
      sampleSize: 50,
      filter: { gender: 'F' },
      client: { id: clientId },
    };
    const first = await comparison.bivariate(request);
    const second = await comparison.bivariate(request);
    expect(first.points).toHaveLength(50);
    expect(second.points).toEqual(first.points);
    expect(first.population).toBeGreaterThan(50);
    expect(first.points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    expect(first.points.some((p) => p.target !== null)).toBe(true);
    expect(first.client).not.toBeNull();
  });

  it('profiles the client against the group median on the key features', async () => {
    const profile = await comparison.profile({
      client: { id: clientId },
      filter: { contractType: 'Cash loans' },
    });
    expect(profile.groupSize).toBe(await handCount('NAME_CONTRACT_TYPE = $1', ['Cash loans']));
    expect(profile.axes.length).toBeGreaterThanOrEqual(8);
    const income = profile.axes.find((a) => a.feature === 'AMT_INCOME_TOTAL')!;
    const median = await db.query(
      `SELECT median(f."AMT_INCOME_TOTAL") AS m FROM features f JOIN (SELECT "SK_ID_CURR", "NAME_CONTRACT_TYPE" FROM application_train UNION ALL SELECT "SK_ID_CURR", "NAME_CONTRACT_TYPE" FROM application_test) a USING ("SK_ID_CURR") WHERE a."NAME_CONTRACT_TYPE" = 'Cash loans'`,
    );
    expect(income.groupMedian).toBeCloseTo(Number(median[0]!.m), 6);
    expect(income.groupMedianPercentile).toBeGreaterThan(35);
    expect(income.groupMedianPercentile).toBeLessThan(65);
  });
});
