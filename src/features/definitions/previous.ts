import { PREVIOUS_LEVELS, PREVIOUS_MEASURES as M } from './previous-measures.js';
import type { FeatureDef, FeatureSource, TableRefs, Text } from '../types.js';
import {
  count,
  expand,
  feature,
  levelShares,
  share,
  where,
  type Aggregate,
  type Plan,
  scopeFor,
} from './builders.js';

const TABLES = ['previous_application'] as const;
/** In previous_application, 365243 in these day columns means "no date" (SCHEMA.md §2.5). */
const SENTINEL_DAYS = [
  'DAYS_FIRST_DRAWING',
  'DAYS_FIRST_DUE',
  'DAYS_LAST_DUE_1ST_VERSION',
  'DAYS_LAST_DUE',
  'DAYS_TERMINATION',
];
/** Orders a client's applications from the oldest decision to the latest, ties broken by id. */
const LATEST = `{'d': "DAYS_DECISION", 'id': "SK_ID_PREV"}`;

/** Previous applications, sentinels cleaned, with per-application ratios. */
function from(t: TableRefs): string {
  const cleaned = SENTINEL_DAYS.map((c) => `NULLIF("${c}", 365243) AS "${c}"`).join(', ');
  return (
    `(SELECT * REPLACE (${cleaned}), ` +
    `"DAYS_TERMINATION" = 365243 AS open_ended, ` +
    // scope conditions computed once per row, not once per aggregate
    `"NAME_CONTRACT_STATUS" = 'Approved' AS is_approved, "NAME_CONTRACT_STATUS" = 'Refused' AS is_refused, ` +
    `"DAYS_DECISION" >= -365 AS is_recent, ` +
    `"AMT_APPLICATION" / NULLIF("AMT_CREDIT", 0) AS app_credit_ratio, ` +
    `"AMT_APPLICATION" - "AMT_CREDIT" AS app_credit_diff, ` +
    `"AMT_CREDIT" / NULLIF("AMT_GOODS_PRICE", 0) AS credit_goods_ratio, ` +
    `"AMT_ANNUITY" / NULLIF("AMT_CREDIT", 0) AS annuity_credit_ratio, ` +
    `"AMT_ANNUITY" * "CNT_PAYMENT" / NULLIF("AMT_CREDIT", 0) AS total_payment_ratio, ` +
    `("AMT_ANNUITY" * "CNT_PAYMENT" / NULLIF("AMT_CREDIT", 0) - 1) * 12 / NULLIF("CNT_PAYMENT", 0) AS implied_rate, ` +
    `NULLIF("DAYS_LAST_DUE_1ST_VERSION", 365243) - NULLIF("DAYS_FIRST_DUE", 365243) AS planned_duration, ` +
    `NULLIF("DAYS_LAST_DUE", 365243) - NULLIF("DAYS_LAST_DUE_1ST_VERSION", 365243) AS last_due_gap ` +
    `FROM ${t.previous_application}) AS p`
  );
}

const scope = scopeFor(TABLES);
const ALL = scope(
  'PREV',
  undefined,
  'Previous applications',
  'Demandes précédentes',
  "the client's previous applications",
  'les demandes précédentes du client',
);
const APPROVED = scope(
  'PREV_APPROVED',
  'is_approved',
  'Previous applications, approved',
  'Demandes précédentes, acceptées',
  "the client's approved previous applications",
  'les demandes précédentes acceptées du client',
);
const REFUSED = scope(
  'PREV_REFUSED',
  'is_refused',
  'Previous applications, refused',
  'Demandes précédentes, refusées',
  "the client's refused previous applications",
  'les demandes précédentes refusées du client',
);
const RECENT = scope(
  'PREV_12M',
  'is_recent',
  'Previous applications, last 12 months',
  'Demandes précédentes, 12 derniers mois',
  "the client's applications decided in the last 12 months",
  'les demandes du client décidées depuis 12 mois',
);

const MONEY: Aggregate[] = ['min', 'max', 'mean'];
const DAYS: Aggregate[] = ['min', 'max', 'mean'];

const ALL_PLAN: Plan = [
  [M.AMT_ANNUITY, [...MONEY, 'sum']],
  [M.AMT_APPLICATION, [...MONEY, 'sum']],
  [M.AMT_CREDIT, [...MONEY, 'sum']],
  [M.AMT_DOWN_PAYMENT, MONEY],
  [M.AMT_GOODS_PRICE, MONEY],
  [M.HOUR_APPR_PROCESS_START, ['min', 'max', 'mean']],
  [M.RATE_DOWN_PAYMENT, ['min', 'max', 'mean']],
  [M.RATE_INTEREST_PRIMARY, ['min', 'max', 'mean']],
  [M.RATE_INTEREST_PRIVILEGED, ['min', 'max', 'mean']],
  [M.DAYS_DECISION, [...DAYS, 'std']],
  [M.SELLERPLACE_AREA, ['max', 'mean']],
  [M.CNT_PAYMENT, ['min', 'max', 'mean', 'sum']],
  [M.DAYS_FIRST_DRAWING, DAYS],
  [M.DAYS_FIRST_DUE, DAYS],
  [M.DAYS_LAST_DUE_1ST_VERSION, DAYS],
  [M.DAYS_LAST_DUE, DAYS],
  [M.DAYS_TERMINATION, DAYS],
  [M.NFLAG_INSURED_ON_APPROVAL, ['mean', 'sum']],
  [M.NFLAG_LAST_APPL_IN_DAY, ['mean']],
  [M.APP_CREDIT_RATIO, ['min', 'max', 'mean', 'std']],
  [M.APP_CREDIT_DIFF, ['min', 'max', 'mean']],
  [M.CREDIT_GOODS_RATIO, ['max', 'mean']],
  [M.ANNUITY_CREDIT_RATIO, ['min', 'max', 'mean']],
  [M.TOTAL_PAYMENT_RATIO, ['max', 'mean']],
  [M.IMPLIED_RATE, ['min', 'max', 'mean']],
  [M.PLANNED_DURATION, ['max', 'mean']],
  [M.LAST_DUE_GAP, ['max', 'mean']],
];
const APPROVED_PLAN: Plan = [
  [M.AMT_ANNUITY, [...MONEY, 'sum']],
  [M.AMT_APPLICATION, MONEY],
  [M.AMT_CREDIT, [...MONEY, 'sum']],
  [M.AMT_DOWN_PAYMENT, ['max', 'mean']],
  [M.AMT_GOODS_PRICE, MONEY],
  [M.RATE_DOWN_PAYMENT, ['max', 'mean']],
  [M.DAYS_DECISION, DAYS],
  [M.CNT_PAYMENT, ['max', 'mean', 'sum']],
  [M.DAYS_FIRST_DRAWING, ['max', 'mean']],
  [M.DAYS_FIRST_DUE, ['min', 'max', 'mean']],
  [M.DAYS_LAST_DUE_1ST_VERSION, DAYS],
  [M.DAYS_LAST_DUE, ['max', 'mean']],
  [M.DAYS_TERMINATION, ['max', 'mean']],
  [M.NFLAG_INSURED_ON_APPROVAL, ['mean']],
  [M.APP_CREDIT_RATIO, ['min', 'max', 'mean']],
  [M.APP_CREDIT_DIFF, ['max', 'mean']],
  [M.TOTAL_PAYMENT_RATIO, ['max', 'mean']],
  [M.IMPLIED_RATE, ['max', 'mean']],
  [M.PLANNED_DURATION, ['max', 'mean']],
  [M.LAST_DUE_GAP, ['mean']],
];
const REFUSED_PLAN: Plan = [
  [M.AMT_ANNUITY, MONEY],
  [M.AMT_APPLICATION, [...MONEY, 'sum']],
  [M.AMT_CREDIT, MONEY],
  [M.AMT_GOODS_PRICE, ['max', 'mean']],
  [M.DAYS_DECISION, DAYS],
  [M.CNT_PAYMENT, ['max', 'mean']],
  [M.HOUR_APPR_PROCESS_START, ['mean']],
  [M.APP_CREDIT_RATIO, ['max', 'mean']],
  [M.ANNUITY_CREDIT_RATIO, ['mean']],
];
const RECENT_PLAN: Plan = [
  [M.AMT_APPLICATION, ['mean', 'sum']],
  [M.AMT_CREDIT, ['sum']],
  [M.APP_CREDIT_RATIO, ['mean']],
];

const noun = (en: string, fr: string): Text => ({ en, fr });

/** The latest application (by decision day) and totals compared across applications. */
function latestAndTotals(): FeatureDef[] {
  const latest = (
    name: string,
    value: string,
    kind: FeatureDef['kind'],
    en: string,
    fr: string,
  ): FeatureDef =>
    feature({
      name: `PREV_LAST_${name}`,
      sql: `arg_max(${value}, ${LATEST})`,
      kind,
      label: { en: `Previous applications, latest: ${en}`, fr: `Demande précédente la plus récente : ${fr}` },
      tables: TABLES,
    });
  return [
    latest('REFUSED', `CAST("NAME_CONTRACT_STATUS" = 'Refused' AS INTEGER)`, 'flag', 'refused', 'refusée'),
    latest(
      'APPROVED',
      `CAST("NAME_CONTRACT_STATUS" = 'Approved' AS INTEGER)`,
      'flag',
      'approved',
      'acceptée',
    ),
    latest('AMT_CREDIT', '"AMT_CREDIT"', 'money', 'amount granted', 'montant accordé'),
    latest(
      'APP_CREDIT_RATIO',
      'app_credit_ratio',
      'ratio',
      'amount applied / granted',
      'montant demandé / accordé',
    ),
    latest(
      'CNT_PAYMENT',
      '"CNT_PAYMENT"',
      'count',
      'term (number of payments)',
      'durée (nombre de paiements)',
    ),
    feature({
      name: 'PREV_APPROVED_GRANTED_APPLIED_RATIO',
      sql: `${where('sum', '"AMT_CREDIT"', APPROVED.filter)} / NULLIF(${where('sum', '"AMT_APPLICATION"', APPROVED.filter)}, 0)`,
      kind: 'ratio',
      label: {
        en: 'Previous applications, approved: total granted / total applied for',
        fr: 'Demandes précédentes, acceptées : total accordé / total demandé',
      },
      tables: TABLES,
    }),
    feature({
      name: 'PREV_REFUSED_APPROVED_RATIO',
      sql: `CAST(${where('count', '1', REFUSED.filter)} AS DOUBLE) / NULLIF(${where('count', '1', APPROVED.filter)}, 0)`,
      kind: 'ratio',
      label: {
        en: 'Previous applications: refused / approved',
        fr: 'Demandes précédentes : refusées / acceptées',
      },
      tables: TABLES,
    }),
  ];
}

/** Previous Home Credit applications, aggregated per client. */
export const previousSource: FeatureSource = {
  name: 'previous',
  tables: TABLES,
  grouped: true,
  from,
  features: [
    count(ALL, 'COUNT', noun('applications', 'demandes')),
    count(APPROVED, 'COUNT', noun('applications', 'demandes')),
    count(REFUSED, 'COUNT', noun('applications', 'demandes')),
    count(
      { ...ALL, filter: `"NAME_CONTRACT_STATUS" = 'Canceled'` },
      'CANCELED_COUNT',
      noun('canceled applications', 'demandes annulées'),
    ),
    count(
      { ...APPROVED, filter: `${APPROVED.filter} AND open_ended` },
      'OPEN_COUNT',
      noun('loans without an end date (still running)', 'prêts sans date de fin (en cours)'),
    ),
    count(RECENT, 'COUNT', noun('applications', 'demandes')),
    count(
      { ...RECENT, filter: `${RECENT.filter} AND ${REFUSED.filter}` },
      'REFUSED_COUNT',
      noun('refused applications', 'demandes refusées'),
    ),
    share(RECENT, 'REFUSED', REFUSED.filter!, noun('refused', 'refusées')),
    ...PREVIOUS_LEVELS.flatMap(([column, label, levels]) => levelShares(ALL, column, label, levels)),
    ...expand(ALL, ALL_PLAN),
    ...expand(APPROVED, APPROVED_PLAN),
    ...expand(REFUSED, REFUSED_PLAN),
    ...expand(RECENT, RECENT_PLAN),
    ...latestAndTotals(),
  ],
};
