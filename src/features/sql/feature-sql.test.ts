import { DOUBLE, DuckDBInstance, LIST, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTableSql } from '../batch/table-presence.js';
import { CATEGORICAL_COLUMNS, SOURCES, allFeatures } from '../definitions/index.js';
import { quoteLiteral } from '../definitions/builders.js';
import { bureauSource } from '../definitions/bureau.js';
import type { FeatureSource } from '../types.js';
import { categoriesSql, OTHER_CODE, rareThreshold } from './categories-sql.js';
import { combinedInputs, combinedSql } from './combined-sql.js';
import { definitionSql } from './definition-sql.js';
import { findDropped } from './drop-analysis.js';
import { defaultTableRefs, projectionSql, sourceSql } from './feature-sql.js';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
const rows = async (sql: string): Promise<Record<string, unknown>[]> =>
  (await connection.runAndReadAll(sql)).getRowObjectsJS();

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

describe('source and projection SQL', () => {
  const tiny: FeatureSource = {
    ...bureauSource,
    features: bureauSource.features.filter((f) =>
      ['BURO_COUNT', 'BURO_AMT_CREDIT_SUM_MEAN'].includes(f.name),
    ),
  };

  it('groups a history source by client, over the given table names', () => {
    const tables = { ...defaultTableRefs(), bureau: 'my_bureau', bureau_balance: 'my_balance' };
    const sql = sourceSql(tiny, tables);
    expect(sql).toMatch(
      /^SELECT "SK_ID_CURR", count\(\*\) AS "BURO_COUNT", avg\("AMT_CREDIT_SUM"\) AS "BURO_AMT_CREDIT_SUM_MEAN" FROM /,
    );
    expect(sql).toContain('FROM my_bureau AS b LEFT JOIN');
    expect(sql).toContain('FROM my_balance GROUP BY "SK_ID_BUREAU"');
    expect(sql).toMatch(/GROUP BY "SK_ID_CURR"$/);
  });

  it('joins every source to the applications, counts 0 when missing, categories as integers', () => {
    const sql = projectionSql(
      SOURCES,
      allFeatures().filter((p) => ['BURO_COUNT', 'CODE_GENDER', 'HISTORY_SOURCE_COUNT'].includes(p.def.name)),
    );
    expect(sql).toContain('CAST(coalesce("BURO_COUNT", 0) AS DOUBLE) AS "BURO_COUNT"');
    expect(sql).toContain('CAST("CODE_GENDER" AS INTEGER) AS "CODE_GENDER"');
    expect(sql).toContain('LEFT JOIN src_bureau ON src_bureau."SK_ID_CURR" = a."SK_ID_CURR"');
    expect(sql).toContain('CAST(CAST(coalesce("BURO_COUNT", 0) > 0 AS INTEGER) +');
  });

  it('runs on real tables: the bureau source over two credits', async () => {
    await connection.run(createTableSql('bureau'));
    await connection.run(createTableSql('bureau_balance'));
    await connection.run(
      `INSERT INTO bureau ("SK_ID_CURR", "SK_ID_BUREAU", "AMT_CREDIT_SUM") VALUES (1, 10, 100), (1, 11, 300), (2, 12, 50)`,
    );
    const result = await rows(`${sourceSql(tiny, defaultTableRefs())} ORDER BY 1`);
    expect(result).toEqual([
      { SK_ID_CURR: 1n, BURO_COUNT: 2n, BURO_AMT_CREDIT_SUM_MEAN: 200 },
      { SK_ID_CURR: 2n, BURO_COUNT: 1n, BURO_AMT_CREDIT_SUM_MEAN: 50 },
    ]);
  });

  it('hashes one definition text holding every source and the projection', () => {
    const text = definitionSql(SOURCES, allFeatures(), defaultTableRefs());
    for (const s of SOURCES) expect(text).toContain(`-- src_${s.name}\n`);
    expect(text).toContain('-- feature_category_maps\n');
  });
});

describe('category dictionary SQL', () => {
  it('codes levels by falling frequency, XNA and NULL left out, rare levels OTHER', async () => {
    const values = [
      ...Array(12).fill('a'),
      ...Array(11).fill('b'),
      ...Array(11).fill(`c'q`),
      'rare',
      'XNA',
      null,
    ];
    const list = values.map((v) => (v === null ? 'NULL' : quoteLiteral(v))).join(', ');
    // the other categorical columns are empty here
    const others = CATEGORICAL_COLUMNS.filter((c) => c !== 'ORGANIZATION_TYPE').map(
      (c) => `CAST(NULL AS VARCHAR) AS "${c}"`,
    );
    await connection.run(
      `CREATE TABLE train AS SELECT unnest([${list}]) AS "ORGANIZATION_TYPE", ${others.join(', ')}`,
    );
    const sql = categoriesSql('train', rareThreshold(1000));
    expect(await rows(sql)).toEqual([
      { feature: 'ORGANIZATION_TYPE', level: 'a', code: 1, count: 12n },
      { feature: 'ORGANIZATION_TYPE', level: 'b', code: 2, count: 11n },
      { feature: 'ORGANIZATION_TYPE', level: `c'q`, code: 3, count: 11n },
      { feature: 'ORGANIZATION_TYPE', level: 'rare', code: OTHER_CODE, count: 1n },
    ]);
    expect(rareThreshold(307_511)).toBe(31);
  });
});

describe('constant and duplicate columns', () => {
  it('finds them on the training rows only, duplicates verified exactly', async () => {
    await connection.run(`CREATE TABLE wide AS SELECT * FROM (VALUES
      (1, 1, 5.0, 1.0, 1.0, NULL, 2.0, 7.0),
      (2, 1, 5.0, 2.0, 2.0, NULL, NULL, 7.0),
      (3, 1, 5.0, NULL, NULL, NULL, 3.0, 7.0),
      (4, 0, 9.0, 8.0, 9.0, 1.0, 1.0, 8.0)
    ) t("SK_ID_CURR", is_train, c, a, a_copy, empty, b, test_varies)`);
    const dropped = await findDropped(connection, 'wide', ['c', 'a', 'a_copy', 'empty', 'b', 'test_varies']);
    expect(dropped).toEqual([
      { name: 'c', reason: 'constant' },
      { name: 'a_copy', reason: 'duplicate', duplicateOf: 'a' },
      { name: 'empty', reason: 'constant' },
      { name: 'test_varies', reason: 'constant' },
    ]);
  });
});

describe('combined features SQL', () => {
  it('reads the named inputs and evaluates the same expressions over given values', async () => {
    const combined = allFeatures()
      .filter((p) => p.origin === 'combined')
      .map((p) => p.def);
    const names = new Set(allFeatures().map((p) => p.def.name));
    const ratio = combined.find((d) => d.name === 'BURO_ACTIVE_DEBT_INCOME_RATIO')!;
    expect(combinedInputs(ratio, names)).toEqual(['BURO_ACTIVE_AMT_CREDIT_SUM_DEBT_SUM', 'AMT_INCOME_TOTAL']);
    const sql = combinedSql([ratio], ['BURO_ACTIVE_AMT_CREDIT_SUM_DEBT_SUM', 'AMT_INCOME_TOTAL']);
    const prepared = await connection.prepare(sql);
    prepared.bindList(1, listValue([40_000, 200_000]), LIST(DOUBLE));
    expect((await prepared.runAndReadAll()).getRowObjectsJS()).toEqual([
      { BURO_ACTIVE_DEBT_INCOME_RATIO: 0.2 },
    ]);
  });
});
