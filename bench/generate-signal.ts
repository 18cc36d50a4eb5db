/**
 * How much signal a generated data set carries: LightGBM on application features alone vs
 * application + history aggregates (computed by SQL from the written files, as a data
 * scientist would), against the Bayes limit AUC(TRUE_PD, TARGET) on the same held-out rows.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/generate-signal.js DIR [--valid-share 0.25]
 *
 * Targets (SCHEMA.md section 3): app-only about 0.74-0.76, app + history 0.78-0.80, Bayes 0.80-0.83.
 */
import path from 'node:path';

import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

import { COLUMN_FACTS, HISTORY_TABLE_NAMES } from '../src/data/schema/index.js';
import { Dataset, denseMatrix, rocAuc, train } from '../src/model/index.js';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) {
  console.error('usage: node dist/bench/generate-signal.js DIR [--valid-share 0.25]');
  process.exit(2);
}
const validShare = Number(args[args.indexOf('--valid-share') + 1] ?? 0.25) || 0.25;

const q = (name: string): string => `"${name}"`;
const csv = (table: string, facts: readonly { name: string; dtype: string }[]): string =>
  `read_csv('${path.join(dir, `${table}.csv`)}', header = true, columns = {${facts
    .map((c) => `'${c.name}': '${c.dtype === 'int' ? 'BIGINT' : c.dtype === 'float' ? 'DOUBLE' : 'VARCHAR'}'`)
    .join(', ')}})`;

const APP = COLUMN_FACTS.application_train;
const numeric = APP.filter((c) => c.dtype !== 'string' && c.name !== 'SK_ID_CURR' && c.name !== 'TARGET');
const categorical = APP.filter((c) => c.dtype === 'string');

/** Application features: raw numeric columns, categorical codes, the usual domain ratios. */
const APP_SQL = `
  SELECT a.SK_ID_CURR, a.TARGET, t.TRUE_PD,
    ${numeric.map((c) => `a.${q(c.name)}::DOUBLE AS ${q(c.name)}`).join(',\n    ')},
    ${categorical.map((c) => `(dense_rank() OVER (ORDER BY a.${q(c.name)}) - 1)::DOUBLE AS ${q(c.name)}`).join(',\n    ')},
    a.AMT_CREDIT / a.AMT_INCOME_TOTAL AS credit_income,
    a.AMT_ANNUITY / a.AMT_INCOME_TOTAL AS annuity_income,
    a.AMT_CREDIT / a.AMT_GOODS_PRICE AS credit_goods,
    a.AMT_ANNUITY / a.AMT_CREDIT AS payment_rate,
    CASE WHEN a.DAYS_EMPLOYED = 365243 THEN NULL ELSE a.DAYS_EMPLOYED / a.DAYS_BIRTH END AS employed_share,
    (coalesce(a.EXT_SOURCE_1, 0) + coalesce(a.EXT_SOURCE_2, 0) + coalesce(a.EXT_SOURCE_3, 0))
      / nullif((a.EXT_SOURCE_1 IS NOT NULL)::INT + (a.EXT_SOURCE_2 IS NOT NULL)::INT + (a.EXT_SOURCE_3 IS NOT NULL)::INT, 0) AS ext_mean
  FROM app a JOIN truth t USING (SK_ID_CURR)`;

/** History aggregates per client, from the written secondary files. */
const HISTORY_SQL = `
  WITH b AS (
    SELECT SK_ID_CURR, count(*) AS b_count, sum((CREDIT_ACTIVE = 'Active')::INT) AS b_active,
      max(CREDIT_DAY_OVERDUE) AS b_overdue_max, max(AMT_CREDIT_MAX_OVERDUE) AS b_max_overdue_amt,
      sum(CASE WHEN CREDIT_ACTIVE = 'Active' THEN AMT_CREDIT_SUM_DEBT END) AS b_active_debt,
      avg(DAYS_CREDIT) AS b_days_credit_mean, sum(AMT_CREDIT_SUM) AS b_credit_sum
    FROM bureau GROUP BY 1),
  bb AS (
    SELECT b.SK_ID_CURR, max(CASE WHEN STATUS IN ('1','2','3','4','5') THEN STATUS::INT ELSE 0 END) AS bb_worst,
      avg((STATUS IN ('1','2','3','4','5'))::INT) AS bb_dpd_share
    FROM bureau_balance x JOIN bureau b USING (SK_ID_BUREAU) GROUP BY 1),
  p AS (
    SELECT SK_ID_CURR, count(*) AS p_count, avg((NAME_CONTRACT_STATUS = 'Refused')::INT) AS p_refused_share,
      sum((NAME_CONTRACT_STATUS = 'Approved')::INT) AS p_approved, avg(AMT_CREDIT) AS p_credit_mean, max(DAYS_DECISION) AS p_last_decision
    FROM previous_application GROUP BY 1),
  i AS (
    SELECT SK_ID_CURR, count(*) AS i_count, avg((DAYS_ENTRY_PAYMENT > DAYS_INSTALMENT)::INT) AS i_late_share,
      max(DAYS_ENTRY_PAYMENT - DAYS_INSTALMENT) AS i_late_max, avg(greatest(DAYS_ENTRY_PAYMENT - DAYS_INSTALMENT, 0)) AS i_late_mean,
      avg((AMT_PAYMENT < AMT_INSTALMENT)::INT) AS i_short_share, sum(AMT_INSTALMENT - AMT_PAYMENT) / nullif(sum(AMT_INSTALMENT), 0) AS i_short_amount
    FROM installments_payments GROUP BY 1),
  pc AS (SELECT SK_ID_CURR, max(SK_DPD) AS pos_dpd_max, avg(SK_DPD) AS pos_dpd_mean, max(SK_DPD_DEF) AS pos_dpd_def_max FROM POS_CASH_balance GROUP BY 1),
  cc AS (
    SELECT SK_ID_CURR, avg(CASE WHEN AMT_CREDIT_LIMIT_ACTUAL > 0 THEN AMT_BALANCE / AMT_CREDIT_LIMIT_ACTUAL END) AS cc_util_mean,
      max(CASE WHEN AMT_CREDIT_LIMIT_ACTUAL > 0 THEN AMT_BALANCE / AMT_CREDIT_LIMIT_ACTUAL END) AS cc_util_max, max(SK_DPD) AS cc_dpd_max
    FROM credit_card_balance GROUP BY 1)
  SELECT * FROM b FULL JOIN bb USING (SK_ID_CURR) FULL JOIN p USING (SK_ID_CURR) FULL JOIN i USING (SK_ID_CURR)
    FULL JOIN pc USING (SK_ID_CURR) FULL JOIN cc USING (SK_ID_CURR)`;

async function main(): Promise<void> {
  const started = Date.now();
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  await db.run(`CREATE VIEW app AS SELECT * FROM ${csv('application_train', APP)}`);
  await db.run(
    `CREATE VIEW truth AS SELECT * FROM read_csv('${path.join(dir!, 'truth.csv')}', header = true)`,
  );
  for (const table of HISTORY_TABLE_NAMES) {
    await db.run(`CREATE VIEW ${table} AS SELECT * FROM ${csv(table, COLUMN_FACTS[table])}`);
  }
  await db.run(`CREATE TABLE f_app AS ${APP_SQL}`);
  await db.run(`CREATE TABLE f_hist AS ${HISTORY_SQL}`);
  await db.run(
    `CREATE TABLE f AS SELECT * FROM f_app LEFT JOIN f_hist USING (SK_ID_CURR) ORDER BY SK_ID_CURR`,
  );
  const appColumns = await columnsOf(db, 'f_app');
  const histColumns = (await columnsOf(db, 'f_hist')).filter((c) => c !== 'SK_ID_CURR');
  const appFeatures = appColumns.filter((c) => !['SK_ID_CURR', 'TARGET', 'TRUE_PD'].includes(c));
  // Column-wise, so a full-size data set (307k rows x 150 features) fits in memory.
  const columns = (await db.runAndReadAll(`SELECT * FROM f`)).getColumnsObjectJS();
  const ids = columns.SK_ID_CURR!.map(Number);
  const isValid = ids.map((id) => ((id * 2654435761) >>> 0) / 4294967296 < validShare);
  const pick = (name: string, valid: boolean): number[] =>
    columns[name]!.flatMap((v, i) =>
      isValid[i] === valid ? [v === null || v === undefined ? NaN : Number(v)] : [],
    );
  const nValid = isValid.filter(Boolean).length;
  console.log(
    `${dir}: ${ids.length} train rows (${nValid} held out), ${((Date.now() - started) / 1000).toFixed(1)} s to build features`,
  );
  const labels = {
    fit: Float32Array.from(pick('TARGET', false)),
    valid: Float32Array.from(pick('TARGET', true)),
  };
  const bayes = rocAuc(labels.valid, Float64Array.from(pick('TRUE_PD', true)));
  for (const [name, features] of [
    ['application only', appFeatures],
    ['application + history', [...appFeatures, ...histColumns]],
  ] as const) {
    const matrix = (valid: boolean) => {
      const cols = features.map((c) => pick(c, valid));
      const n = cols[0]!.length;
      const data = new Float64Array(n * features.length);
      for (let r = 0; r < n; r++)
        for (let c = 0; c < features.length; c++) data[r * features.length + c] = cols[c]![r]!;
      return denseMatrix(data, features.length);
    };
    const categoricalFeatures = features.flatMap((c, i) =>
      categorical.some((f) => f.name === c) ? [i] : [],
    );
    using fit = Dataset.fromMatrix(matrix(false), {
      label: labels.fit,
      categoricalFeatures,
      featureNames: features.map((c) => c.replace(/\W/g, '_')),
    });
    using check = Dataset.fromMatrix(matrix(true), { label: labels.valid, reference: fit });
    const t = Date.now();
    const result = train(
      {
        objective: 'binary',
        metric: 'auc',
        learning_rate: 0.03,
        num_leaves: 31,
        min_data_in_leaf: 100,
        feature_fraction: 0.7,
        bagging_fraction: 0.8,
        bagging_freq: 1,
        lambda_l2: 5,
        verbose: -1,
        seed: 1,
        deterministic: true,
      },
      fit,
      { valid: [check], numBoostRound: 3000, earlyStoppingRounds: 150 },
    );
    result.booster.free();
    console.log(
      `${name.padEnd(24)} ${features.length} features: held-out AUC ${result.bestScore![0]!.value.toFixed(4)} at iteration ${result.bestIteration} (${((Date.now() - t) / 1000).toFixed(0)} s)`,
    );
  }
  console.log(`${'Bayes limit'.padEnd(24)} AUC(TRUE_PD, TARGET) on the same rows ${bayes.toFixed(4)}`);
  db.closeSync();
  instance.closeSync();
}

async function columnsOf(db: DuckDBConnection, table: string): Promise<string[]> {
  const reader = await db.runAndReadAll(
    `SELECT column_name FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`,
  );
  return reader.getRowObjectsJS().map((r) => String(r.column_name));
}

await main();
