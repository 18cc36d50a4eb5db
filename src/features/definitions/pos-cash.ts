import type { FeatureSource, TableRefs, Text } from '../types.js';
import { count, expand, feature, levelShares, share, scopeFor, measure } from './builders.js';

const TABLES = ['POS_CASH_balance'] as const;

/** Monthly POS/cash balances, each row flagged when it is its loan's latest month. */
function from(t: TableRefs): string {
  const latest = `SELECT "SK_ID_PREV", max("MONTHS_BALANCE") AS loan_last_month FROM ${t.POS_CASH_balance} GROUP BY "SK_ID_PREV"`;
  return (
    `(SELECT p.*, p."MONTHS_BALANCE" = l.loan_last_month AS is_last_month, p."MONTHS_BALANCE" >= -12 AS is_recent, ` +
    `1 - p."CNT_INSTALMENT_FUTURE" / NULLIF(p."CNT_INSTALMENT", 0) AS paid_share ` +
    `FROM ${t.POS_CASH_balance} AS p JOIN (${latest}) AS l ON l."SK_ID_PREV" = p."SK_ID_PREV") AS p`
  );
}

const m = measure;
const M = {
  MONTHS_BALANCE: m('MONTHS_BALANCE', '"MONTHS_BALANCE"', 'month of the balance', 'mois du relevé', 'months'),
  CNT_INSTALMENT: m('CNT_INSTALMENT', '"CNT_INSTALMENT"', 'term (instalments)', 'durée (échéances)', 'count'),
  CNT_INSTALMENT_FUTURE: m(
    'CNT_INSTALMENT_FUTURE',
    '"CNT_INSTALMENT_FUTURE"',
    'instalments left to pay',
    'échéances restantes',
    'count',
  ),
  SK_DPD: m('SK_DPD', '"SK_DPD"', 'days past due', 'jours de retard', 'days'),
  SK_DPD_DEF: m(
    'SK_DPD_DEF',
    '"SK_DPD_DEF"',
    'days past due (with tolerance)',
    'jours de retard (avec tolérance)',
    'days',
  ),
  PAID_SHARE: m(
    'PAID_SHARE',
    'paid_share',
    'share of the term already paid',
    'part de la durée déjà payée',
    'ratio',
  ),
};

const scope = scopeFor(TABLES);
const ALL = scope(
  'POS',
  undefined,
  'POS and cash loans',
  'Prêts POS et espèces',
  "the monthly balances of the client's previous POS and cash loans",
  'les relevés mensuels des prêts POS et espèces précédents du client',
);
const LAST = scope(
  'POS_LAST',
  'is_last_month',
  'POS and cash loans, latest month',
  'Prêts POS et espèces, dernier mois',
  'the latest monthly balance of each previous POS or cash loan',
  'le dernier relevé mensuel de chaque prêt POS ou espèces',
);
const RECENT = scope(
  'POS_12M',
  'is_recent',
  'POS and cash loans, last 12 months',
  'Prêts POS et espèces, 12 derniers mois',
  'the monthly balances of the last 12 months',
  'les relevés mensuels des 12 derniers mois',
);

const noun = (en: string, fr: string): Text => ({ en, fr });
const LATE = `"SK_DPD" > 0`;

/** Monthly balances of previous POS and cash loans, aggregated per client. */
export const posCashSource: FeatureSource = {
  name: 'pos_cash',
  tables: TABLES,
  grouped: true,
  from,
  features: [
    count(ALL, 'COUNT', noun('monthly balances', 'relevés mensuels')),
    feature({
      name: 'POS_LOAN_COUNT',
      sql: 'count(DISTINCT "SK_ID_PREV")',
      kind: 'count',
      label: { en: 'POS and cash loans: number of loans', fr: 'Prêts POS et espèces : nombre de prêts' },
      tables: TABLES,
      zeroWhenNone: true,
    }),
    count(RECENT, 'COUNT', noun('monthly balances', 'relevés mensuels')),
    share(ALL, 'LATE', LATE, noun('of months past due', 'des mois en retard')),
    share(
      ALL,
      'LATE_DEF',
      `"SK_DPD_DEF" > 0`,
      noun('of months past due (with tolerance)', 'des mois en retard (avec tolérance)'),
    ),
    share(RECENT, 'LATE', LATE, noun('of months past due', 'des mois en retard')),
    share(
      LAST,
      'COMPLETED',
      `"NAME_CONTRACT_STATUS" = 'Completed'`,
      noun('of loans completed', 'des prêts terminés'),
    ),
    ...levelShares(ALL, 'NAME_CONTRACT_STATUS', noun('status', 'statut'), [
      'Active',
      'Completed',
      'Signed',
      'Approved',
      'Returned to the store',
      'Demand',
      'Amortized debt',
    ]),
    ...expand(ALL, [
      [M.MONTHS_BALANCE, ['min', 'max', 'mean']],
      [M.CNT_INSTALMENT, ['min', 'max', 'mean']],
      [M.CNT_INSTALMENT_FUTURE, ['max', 'mean']],
      [M.SK_DPD, ['max', 'mean', 'sum']],
      [M.SK_DPD_DEF, ['max', 'mean', 'sum']],
      [M.PAID_SHARE, ['mean']],
    ]),
    ...expand(LAST, [
      [M.CNT_INSTALMENT_FUTURE, ['sum', 'mean', 'max']],
      [M.PAID_SHARE, ['mean', 'min']],
      [M.SK_DPD, ['max']],
    ]),
    ...expand(RECENT, [
      [M.CNT_INSTALMENT_FUTURE, ['mean']],
      [M.SK_DPD, ['max', 'mean']],
      [M.SK_DPD_DEF, ['max']],
    ]),
  ],
};
