import type { FeatureSource, TableRefs, Text } from '../types.js';
import {
  count,
  expand,
  feature,
  levelShares,
  share,
  type Aggregate,
  type Measure,
  scopeFor,
} from './builders.js';

const TABLES = ['credit_card_balance'] as const;

/** Monthly card balances with utilisation and payment ratios, each flagged when it is its card's latest month. */
function from(t: TableRefs): string {
  const latest = `SELECT "SK_ID_PREV", max("MONTHS_BALANCE") AS card_last_month FROM ${t.credit_card_balance} GROUP BY "SK_ID_PREV"`;
  return (
    `(SELECT c.*, c."MONTHS_BALANCE" = l.card_last_month AS is_last_month, c."MONTHS_BALANCE" >= -12 AS is_recent, ` +
    `c."AMT_BALANCE" / NULLIF(c."AMT_CREDIT_LIMIT_ACTUAL", 0) AS utilisation, ` +
    `c."AMT_DRAWINGS_CURRENT" / NULLIF(c."AMT_CREDIT_LIMIT_ACTUAL", 0) AS drawing_limit_ratio, ` +
    `c."AMT_PAYMENT_TOTAL_CURRENT" / NULLIF(c."AMT_INST_MIN_REGULARITY", 0) AS payment_min_ratio ` +
    `FROM ${t.credit_card_balance} AS c JOIN (${latest}) AS l ON l."SK_ID_PREV" = c."SK_ID_PREV") AS c`
  );
}

const m = (name: string, en: string, fr: string, kind: Measure['kind'], sql = `"${name}"`): Measure => ({
  name,
  sql,
  label: { en, fr },
  kind,
});
const M = {
  MONTHS_BALANCE: m('MONTHS_BALANCE', 'month of the balance', 'mois du relevé', 'months'),
  AMT_BALANCE: m('AMT_BALANCE', 'balance', 'solde', 'money'),
  AMT_CREDIT_LIMIT_ACTUAL: m('AMT_CREDIT_LIMIT_ACTUAL', 'card limit', 'plafond de la carte', 'money'),
  AMT_DRAWINGS_ATM_CURRENT: m(
    'AMT_DRAWINGS_ATM_CURRENT',
    'cash withdrawals (ATM)',
    'retraits au distributeur',
    'money',
  ),
  AMT_DRAWINGS_CURRENT: m('AMT_DRAWINGS_CURRENT', 'drawings', 'utilisations', 'money'),
  AMT_DRAWINGS_OTHER_CURRENT: m(
    'AMT_DRAWINGS_OTHER_CURRENT',
    'other drawings',
    'autres utilisations',
    'money',
  ),
  AMT_DRAWINGS_POS_CURRENT: m('AMT_DRAWINGS_POS_CURRENT', 'purchases', 'achats', 'money'),
  AMT_INST_MIN_REGULARITY: m('AMT_INST_MIN_REGULARITY', 'minimum instalment', 'échéance minimale', 'money'),
  AMT_PAYMENT_CURRENT: m('AMT_PAYMENT_CURRENT', 'payment', 'paiement', 'money'),
  AMT_PAYMENT_TOTAL_CURRENT: m('AMT_PAYMENT_TOTAL_CURRENT', 'total payment', 'paiement total', 'money'),
  AMT_RECEIVABLE_PRINCIPAL: m(
    'AMT_RECEIVABLE_PRINCIPAL',
    'principal receivable',
    'principal à recevoir',
    'money',
  ),
  AMT_RECIVABLE: m('AMT_RECIVABLE', 'amount receivable', 'montant à recevoir', 'money'),
  AMT_TOTAL_RECEIVABLE: m('AMT_TOTAL_RECEIVABLE', 'total receivable', 'total à recevoir', 'money'),
  CNT_DRAWINGS_ATM_CURRENT: m(
    'CNT_DRAWINGS_ATM_CURRENT',
    'number of ATM withdrawals',
    'nombre de retraits au distributeur',
    'count',
  ),
  CNT_DRAWINGS_CURRENT: m('CNT_DRAWINGS_CURRENT', 'number of drawings', "nombre d'utilisations", 'count'),
  CNT_DRAWINGS_OTHER_CURRENT: m(
    'CNT_DRAWINGS_OTHER_CURRENT',
    'number of other drawings',
    "nombre d'autres utilisations",
    'count',
  ),
  CNT_DRAWINGS_POS_CURRENT: m('CNT_DRAWINGS_POS_CURRENT', 'number of purchases', "nombre d'achats", 'count'),
  CNT_INSTALMENT_MATURE_CUM: m('CNT_INSTALMENT_MATURE_CUM', 'instalments paid', 'échéances payées', 'count'),
  SK_DPD: m('SK_DPD', 'days past due', 'jours de retard', 'days'),
  SK_DPD_DEF: m('SK_DPD_DEF', 'days past due (with tolerance)', 'jours de retard (avec tolérance)', 'days'),
  UTILISATION: m(
    'UTILISATION',
    'utilisation (balance / limit)',
    'utilisation (solde / plafond)',
    'ratio',
    'utilisation',
  ),
  DRAWING_LIMIT_RATIO: m(
    'DRAWING_LIMIT_RATIO',
    'drawings / limit',
    'utilisations / plafond',
    'ratio',
    'drawing_limit_ratio',
  ),
  PAYMENT_MIN_RATIO: m(
    'PAYMENT_MIN_RATIO',
    'payment / minimum instalment',
    'paiement / échéance minimale',
    'ratio',
    'payment_min_ratio',
  ),
};

const scope = scopeFor(TABLES);
const ALL = scope(
  'CC',
  undefined,
  'Credit cards',
  'Cartes de crédit',
  "the monthly balances of the client's previous credit cards",
  'les relevés mensuels des cartes de crédit précédentes du client',
);
const LAST = scope(
  'CC_LAST',
  'is_last_month',
  'Credit cards, latest month',
  'Cartes de crédit, dernier mois',
  'the latest monthly balance of each card',
  'le dernier relevé mensuel de chaque carte',
);
const RECENT = scope(
  'CC_12M',
  'is_recent',
  'Credit cards, last 12 months',
  'Cartes de crédit, 12 derniers mois',
  'the card balances of the last 12 months',
  'les relevés de carte des 12 derniers mois',
);

const noun = (en: string, fr: string): Text => ({ en, fr });
const MMS: Aggregate[] = ['max', 'mean', 'sum'];
const BELOW_MIN = `"AMT_PAYMENT_TOTAL_CURRENT" < "AMT_INST_MIN_REGULARITY"`;

/** Monthly balances of previous credit cards, aggregated per client. */
export const creditCardSource: FeatureSource = {
  name: 'credit_card',
  tables: TABLES,
  grouped: true,
  from,
  features: [
    count(ALL, 'COUNT', noun('monthly balances', 'relevés mensuels')),
    count(RECENT, 'COUNT', noun('monthly balances', 'relevés mensuels')),
    feature({
      name: 'CC_CARD_COUNT',
      sql: 'count(DISTINCT "SK_ID_PREV")',
      kind: 'count',
      label: { en: 'Credit cards: number of cards', fr: 'Cartes de crédit : nombre de cartes' },
      tables: TABLES,
      zeroWhenNone: true,
    }),
    share(ALL, 'LATE', `"SK_DPD" > 0`, noun('of months past due', 'des mois en retard')),
    share(
      ALL,
      'BELOW_MIN',
      BELOW_MIN,
      noun('of months paid below the minimum', 'des mois payés sous le minimum'),
    ),
    share(RECENT, 'LATE', `"SK_DPD" > 0`, noun('of months past due', 'des mois en retard')),
    share(
      RECENT,
      'BELOW_MIN',
      BELOW_MIN,
      noun('of months paid below the minimum', 'des mois payés sous le minimum'),
    ),
    ...levelShares(ALL, 'NAME_CONTRACT_STATUS', noun('status', 'statut'), [
      'Active',
      'Completed',
      'Signed',
      'Demand',
      'Sent proposal',
      'Refused',
      'Approved',
    ]),
    ...expand(ALL, [
      [M.MONTHS_BALANCE, ['min', 'max', 'mean']],
      [M.AMT_BALANCE, ['min', ...MMS]],
      [M.AMT_CREDIT_LIMIT_ACTUAL, ['min', 'max', 'mean']],
      [M.AMT_DRAWINGS_ATM_CURRENT, MMS],
      [M.AMT_DRAWINGS_CURRENT, MMS],
      [M.AMT_DRAWINGS_OTHER_CURRENT, MMS],
      [M.AMT_DRAWINGS_POS_CURRENT, MMS],
      [M.AMT_INST_MIN_REGULARITY, ['max', 'mean']],
      [M.AMT_PAYMENT_CURRENT, MMS],
      [M.AMT_PAYMENT_TOTAL_CURRENT, MMS],
      [M.AMT_RECEIVABLE_PRINCIPAL, ['max', 'mean']],
      [M.AMT_RECIVABLE, ['max', 'mean']],
      [M.AMT_TOTAL_RECEIVABLE, MMS],
      [M.CNT_DRAWINGS_ATM_CURRENT, MMS],
      [M.CNT_DRAWINGS_CURRENT, MMS],
      [M.CNT_DRAWINGS_OTHER_CURRENT, ['max', 'mean']],
      [M.CNT_DRAWINGS_POS_CURRENT, MMS],
      [M.CNT_INSTALMENT_MATURE_CUM, ['max', 'mean']],
      [M.SK_DPD, MMS],
      [M.SK_DPD_DEF, MMS],
      [M.UTILISATION, ['min', 'max', 'mean']],
      [M.DRAWING_LIMIT_RATIO, ['max', 'mean']],
      [M.PAYMENT_MIN_RATIO, ['min', 'mean']],
    ]),
    ...expand(LAST, [
      [M.AMT_BALANCE, ['sum']],
      [M.AMT_CREDIT_LIMIT_ACTUAL, ['sum']],
      [M.UTILISATION, ['max', 'mean']],
      [M.SK_DPD, ['max']],
    ]),
    ...expand(RECENT, [
      [M.AMT_BALANCE, ['mean']],
      [M.UTILISATION, ['max', 'mean']],
      [M.AMT_DRAWINGS_CURRENT, ['mean', 'sum']],
      [M.AMT_PAYMENT_TOTAL_CURRENT, ['sum']],
      [M.SK_DPD, ['max', 'mean']],
    ]),
  ],
};
