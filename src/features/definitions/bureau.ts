import { BUREAU_MEASURES as M } from './bureau-measures.js';
import type { FeatureDef, FeatureSource, TableRefs } from '../types.js';
import {
  count,
  expand,
  feature,
  levelShares,
  scoped,
  share,
  where,
  type Plan,
  type Scope,
  scopeFor,
} from './builders.js';

const TABLES = ['bureau', 'bureau_balance'] as const;
const DPD_STATUSES = `('1', '2', '3', '4', '5')`;
const STATUSES = ['0', '1', '2', '3', '4', '5', 'C', 'X'] as const;

/**
 * Each Credit Bureau credit with its monthly history summarised (months, months past due,
 * worst and last status) and per-credit ratios; the client aggregates are taken over these rows.
 */
function from(t: TableRefs): string {
  const statusCounts = STATUSES.map(
    (s) => `${where('count', '1', `"STATUS" = '${s}'`)} AS bb_status_${s}`,
  ).join(', ');
  const monthly =
    `SELECT "SK_ID_BUREAU", count(*) AS bb_months, min("MONTHS_BALANCE") AS bb_first_month, ` +
    `${where('count', '1', `"STATUS" IN ${DPD_STATUSES}`)} AS bb_dpd_months, ` +
    `${where('count', '1', `"STATUS" IN ${DPD_STATUSES} AND "MONTHS_BALANCE" >= -12`)} AS bb_dpd_months_12m, ` +
    `max(TRY_CAST("STATUS" AS INTEGER)) AS bb_worst_status, ` +
    // the status of the latest month; (month, status) orders ties so every run picks the same row
    `arg_max(TRY_CAST("STATUS" AS INTEGER), {'m': "MONTHS_BALANCE", 's': "STATUS"}) AS bb_last_status, ` +
    `${statusCounts} FROM ${t.bureau_balance} GROUP BY "SK_ID_BUREAU"`;
  return (
    `(SELECT b.*, bb.* EXCLUDE ("SK_ID_BUREAU"), ` +
    // scope conditions computed once per row, not once per aggregate
    `b."CREDIT_ACTIVE" = 'Active' AS is_active, b."CREDIT_ACTIVE" = 'Closed' AS is_closed, ` +
    `b."DAYS_CREDIT" >= -365 AS is_recent, ` +
    `b."DAYS_CREDIT_ENDDATE" - b."DAYS_CREDIT" AS credit_duration, ` +
    `b."DAYS_ENDDATE_FACT" - b."DAYS_CREDIT_ENDDATE" AS enddate_gap, ` +
    `b."AMT_CREDIT_SUM_DEBT" / NULLIF(b."AMT_CREDIT_SUM", 0) AS debt_ratio, ` +
    `b."AMT_CREDIT_SUM_OVERDUE" / NULLIF(b."AMT_CREDIT_SUM_DEBT", 0) AS overdue_ratio, ` +
    `b."AMT_CREDIT_SUM_DEBT" / NULLIF(b."AMT_CREDIT_SUM_LIMIT", 0) AS limit_use, ` +
    `b."AMT_ANNUITY" / NULLIF(b."AMT_CREDIT_SUM", 0) AS annuity_ratio, ` +
    `CAST(bb.bb_dpd_months AS DOUBLE) / NULLIF(bb.bb_months, 0) AS bb_dpd_share ` +
    `FROM ${t.bureau} AS b LEFT JOIN (${monthly}) AS bb ON bb."SK_ID_BUREAU" = b."SK_ID_BUREAU") AS b`
  );
}

const scope = scopeFor(TABLES);

const ALL = scope(
  'BURO',
  undefined,
  'Bureau',
  'Bureau',
  "the client's Credit Bureau credits",
  'les crédits du client au bureau de crédit',
);
const ACTIVE = scope(
  'BURO_ACTIVE',
  'is_active',
  'Bureau, active credits',
  'Bureau, crédits actifs',
  "the client's active Credit Bureau credits",
  'les crédits actifs du client au bureau de crédit',
);
const CLOSED = scope(
  'BURO_CLOSED',
  'is_closed',
  'Bureau, closed credits',
  'Bureau, crédits clos',
  "the client's closed Credit Bureau credits",
  'les crédits clos du client au bureau de crédit',
);
const RECENT = scope(
  'BURO_12M',
  'is_recent',
  'Bureau, credits opened in the last 12 months',
  'Bureau, crédits ouverts depuis 12 mois',
  "the client's Credit Bureau credits opened in the last 12 months",
  'les crédits du client ouverts depuis 12 mois',
);

const ALL_PLAN: Plan = [
  [M.DAYS_CREDIT, ['min', 'max', 'mean', 'std']],
  [M.CREDIT_DAY_OVERDUE, ['max', 'mean', 'sum']],
  [M.DAYS_CREDIT_ENDDATE, ['min', 'max', 'mean']],
  [M.DAYS_ENDDATE_FACT, ['min', 'max', 'mean']],
  [M.AMT_CREDIT_MAX_OVERDUE, ['max', 'mean', 'sum']],
  [M.CNT_CREDIT_PROLONG, ['max', 'mean', 'sum']],
  [M.AMT_CREDIT_SUM, ['max', 'mean', 'sum']],
  [M.AMT_CREDIT_SUM_DEBT, ['max', 'mean', 'sum']],
  [M.AMT_CREDIT_SUM_LIMIT, ['max', 'mean', 'sum']],
  [M.AMT_CREDIT_SUM_OVERDUE, ['max', 'mean', 'sum']],
  [M.DAYS_CREDIT_UPDATE, ['min', 'max', 'mean']],
  [M.AMT_ANNUITY, ['max', 'mean', 'sum']],
  [M.CREDIT_DURATION, ['max', 'mean']],
  [M.ENDDATE_GAP, ['min', 'max', 'mean']],
  [M.DEBT_RATIO, ['max', 'mean']],
  [M.OVERDUE_RATIO, ['max', 'mean']],
  [M.LIMIT_USE, ['max', 'mean']],
  [M.ANNUITY_RATIO, ['mean']],
  [M.BB_MONTHS, ['max', 'mean', 'sum']],
  [M.BB_FIRST_MONTH, ['min']],
  [M.BB_DPD_MONTHS, ['max', 'mean', 'sum']],
  [M.BB_DPD_MONTHS_12M, ['max', 'sum']],
  [M.BB_DPD_SHARE, ['max', 'mean']],
  [M.BB_WORST_STATUS, ['max', 'mean']],
  [M.BB_LAST_STATUS, ['max', 'mean']],
];
const ACTIVE_PLAN: Plan = [
  [M.DAYS_CREDIT, ['min', 'max', 'mean']],
  [M.CREDIT_DAY_OVERDUE, ['max', 'mean', 'sum']],
  [M.DAYS_CREDIT_ENDDATE, ['min', 'max', 'mean']],
  [M.AMT_CREDIT_MAX_OVERDUE, ['max', 'mean']],
  [M.CNT_CREDIT_PROLONG, ['sum']],
  [M.AMT_CREDIT_SUM, ['max', 'mean', 'sum']],
  [M.AMT_CREDIT_SUM_DEBT, ['max', 'mean', 'sum']],
  [M.AMT_CREDIT_SUM_LIMIT, ['mean', 'sum']],
  [M.AMT_CREDIT_SUM_OVERDUE, ['max', 'mean', 'sum']],
  [M.DAYS_CREDIT_UPDATE, ['min', 'mean']],
  [M.AMT_ANNUITY, ['max', 'mean', 'sum']],
  [M.CREDIT_DURATION, ['mean']],
  [M.DEBT_RATIO, ['max', 'mean']],
  [M.OVERDUE_RATIO, ['mean']],
  [M.LIMIT_USE, ['mean']],
  [M.BB_MONTHS, ['mean']],
  [M.BB_DPD_MONTHS, ['sum']],
  [M.BB_WORST_STATUS, ['max', 'mean']],
  [M.BB_LAST_STATUS, ['max']],
];
const CLOSED_PLAN: Plan = [
  [M.DAYS_CREDIT, ['min', 'max', 'mean']],
  [M.DAYS_CREDIT_ENDDATE, ['max', 'mean']],
  [M.DAYS_ENDDATE_FACT, ['min', 'max', 'mean']],
  [M.AMT_CREDIT_MAX_OVERDUE, ['max', 'mean']],
  [M.CNT_CREDIT_PROLONG, ['sum']],
  [M.AMT_CREDIT_SUM, ['max', 'mean', 'sum']],
  [M.AMT_CREDIT_SUM_DEBT, ['max', 'sum']],
  [M.DAYS_CREDIT_UPDATE, ['max', 'mean']],
  [M.AMT_ANNUITY, ['max', 'mean']],
  [M.CREDIT_DURATION, ['mean']],
  [M.ENDDATE_GAP, ['mean']],
  [M.BB_MONTHS, ['mean']],
  [M.BB_DPD_MONTHS, ['sum']],
  [M.BB_WORST_STATUS, ['max', 'mean']],
];
const RECENT_PLAN: Plan = [
  [M.AMT_CREDIT_SUM, ['sum']],
  [M.AMT_CREDIT_SUM_DEBT, ['sum']],
  [M.CREDIT_DAY_OVERDUE, ['max']],
];

const CREDIT_TYPES = [
  'Consumer credit',
  'Credit card',
  'Car loan',
  'Mortgage',
  'Microloan',
  'Loan for business development',
  'Another type of loan',
  'Unknown type of loan',
  'Loan for working capital replenishment',
  'Cash loan (non-earmarked)',
  'Real estate loan',
];

/** Ratios of totals (not means of ratios) and the pooled share of each monthly status. */
function clientRatios(): FeatureDef[] {
  const ratioOf = (s: Scope, name: string, num: string, den: string, en: string, fr: string): FeatureDef =>
    feature({
      name: `${s.prefix}_${name}`,
      sql: `${scoped(s, 'sum', num)} / NULLIF(${scoped(s, 'sum', den)}, 0)`,
      kind: 'ratio',
      label: { en: `${s.label.en}: ${en}`, fr: `${s.label.fr} : ${fr}` },
      description: {
        en: `Ratio of totals over ${s.over.en}: ${en}.`,
        fr: `Rapport des totaux sur ${s.over.fr} : ${fr}.`,
      },
      tables: TABLES,
    });
  const statuses = STATUSES.map((status) =>
    ratioOf(
      ALL,
      `BB_STATUS_${status}_SHARE`,
      `bb_status_${status}`,
      'bb_months',
      `share of monthly statuses "${status}"`,
      `part des statuts mensuels « ${status} »`,
    ),
  );
  return [
    ratioOf(
      ALL,
      'DEBT_CREDIT_RATIO',
      '"AMT_CREDIT_SUM_DEBT"',
      '"AMT_CREDIT_SUM"',
      'total debt / total credit',
      'dette totale / crédit total',
    ),
    ratioOf(
      ACTIVE,
      'DEBT_CREDIT_RATIO',
      '"AMT_CREDIT_SUM_DEBT"',
      '"AMT_CREDIT_SUM"',
      'total debt / total credit',
      'dette totale / crédit total',
    ),
    ratioOf(
      ALL,
      'OVERDUE_DEBT_RATIO',
      '"AMT_CREDIT_SUM_OVERDUE"',
      '"AMT_CREDIT_SUM_DEBT"',
      'total overdue / total debt',
      'retard total / dette totale',
    ),
    ratioOf(
      ACTIVE,
      'LIMIT_USE_TOTAL',
      '"AMT_CREDIT_SUM_DEBT"',
      '"AMT_CREDIT_SUM_LIMIT"',
      'total debt / total card limit',
      'dette totale / plafond total',
    ),
    ...statuses,
    feature({
      name: 'BURO_CREDIT_INTERVAL_MEAN',
      sql: '(max("DAYS_CREDIT") - min("DAYS_CREDIT")) / NULLIF(count(*) - 1, 0)',
      kind: 'days',
      label: { en: 'Bureau: mean interval between credits', fr: 'Bureau : intervalle moyen entre crédits' },
      tables: TABLES,
    }),
    feature({
      name: 'BURO_CREDIT_TYPE_COUNT',
      sql: 'count(DISTINCT "CREDIT_TYPE")',
      kind: 'count',
      label: { en: 'Bureau: number of credit types', fr: 'Bureau : nombre de types de crédit' },
      tables: TABLES,
    }),
  ];
}

const what = (en: string, fr: string): { en: string; fr: string } => ({ en, fr });

/** Credit Bureau credits and their monthly balances, aggregated per client. */
export const bureauSource: FeatureSource = {
  name: 'bureau',
  tables: TABLES,
  grouped: true,
  from,
  features: [
    count(ALL, 'COUNT', what('credits', 'crédits')),
    count(ACTIVE, 'COUNT', what('credits', 'crédits')),
    count(CLOSED, 'COUNT', what('credits', 'crédits')),
    count(RECENT, 'COUNT', what('credits', 'crédits')),
    count(
      { ...ALL, filter: '"CREDIT_DAY_OVERDUE" > 0' },
      'OVERDUE_COUNT',
      what('credits overdue now', 'crédits en retard actuellement'),
    ),
    count(
      { ...ALL, filter: '"CNT_CREDIT_PROLONG" > 0' },
      'PROLONGED_COUNT',
      what('credits prolonged', 'crédits prolongés'),
    ),
    count(
      { ...ALL, filter: 'bb_dpd_months > 0' },
      'DPD_HISTORY_COUNT',
      what('credits ever past due', 'crédits déjà en retard'),
    ),
    share(
      ALL,
      'OVERDUE',
      '"CREDIT_DAY_OVERDUE" > 0',
      what('of credits overdue now', 'des crédits en retard actuellement'),
    ),
    share(
      ALL,
      'PROLONGED',
      '"CNT_CREDIT_PROLONG" > 0',
      what('of credits prolonged', 'des crédits prolongés'),
    ),
    share(
      ALL,
      'OTHER_CURRENCY',
      `"CREDIT_CURRENCY" <> 'currency 1'`,
      what('of credits in another currency', 'des crédits dans une autre devise'),
    ),
    ...levelShares(ALL, 'CREDIT_ACTIVE', what('status', 'statut'), ['Active', 'Closed', 'Sold', 'Bad debt']),
    ...levelShares(ALL, 'CREDIT_TYPE', what('credit type', 'type de crédit'), CREDIT_TYPES),
    ...expand(ALL, ALL_PLAN),
    ...expand(ACTIVE, ACTIVE_PLAN),
    ...expand(CLOSED, CLOSED_PLAN),
    ...expand(RECENT, RECENT_PLAN),
    ...clientRatios(),
  ],
};
