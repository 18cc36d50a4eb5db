import type { FeatureSource, TableRefs, Text } from '../types.js';
import { count, expand, feature, share, scopeFor, measure } from './builders.js';

const TABLES = ['installments_payments'] as const;
/** A payment this far below the instalment (in currency units) counts as short; below it is rounding. */
const SHORT_TOLERANCE = 0.005;

/**
 * One row per instalment: a partially paid instalment repeats in the file (one row per
 * payment), so payments are summed first and the last payment day decides lateness.
 */
function from(t: TableRefs): string {
  const perInstalment =
    `SELECT "SK_ID_CURR", "SK_ID_PREV", "NUM_INSTALMENT_VERSION", "NUM_INSTALMENT_NUMBER", "DAYS_INSTALMENT", ` +
    `max("AMT_INSTALMENT") AS amt_instalment, sum("AMT_PAYMENT") AS amt_paid, count(*) AS payments, ` +
    `max("DAYS_ENTRY_PAYMENT") AS last_entry ` +
    `FROM ${t.installments_payments} ` +
    `GROUP BY "SK_ID_CURR", "SK_ID_PREV", "NUM_INSTALMENT_VERSION", "NUM_INSTALMENT_NUMBER", "DAYS_INSTALMENT"`;
  return (
    `(SELECT i.*, greatest(last_entry - "DAYS_INSTALMENT", 0) AS dpd, ` +
    `greatest("DAYS_INSTALMENT" - last_entry, 0) AS dbd, ` +
    `greatest(amt_instalment - coalesce(amt_paid, 0), 0) AS shortfall, ` +
    `coalesce(amt_paid, 0) / NULLIF(amt_instalment, 0) AS pay_ratio, ` +
    `last_entry > "DAYS_INSTALMENT" AS late, "DAYS_INSTALMENT" >= -365 AS is_recent, ` +
    `coalesce(amt_paid, 0) < amt_instalment - ${SHORT_TOLERANCE} AS short ` +
    `FROM (${perInstalment}) AS i) AS i`
  );
}

const m = measure;
const M = {
  DPD: m('DPD', 'dpd', 'days paid late', 'jours de retard de paiement', 'days'),
  DBD: m('DBD', 'dbd', 'days paid early', "jours d'avance de paiement", 'days'),
  SHORTFALL: m('SHORTFALL', 'shortfall', 'amount unpaid', 'montant impayé', 'money'),
  PAY_RATIO: m('PAY_RATIO', 'pay_ratio', 'paid / due', 'payé / dû', 'ratio'),
  AMT_INSTALMENT: m('AMT_INSTALMENT', 'amt_instalment', 'amount due', 'montant dû', 'money'),
  AMT_PAID: m('AMT_PAID', 'amt_paid', 'amount paid', 'montant payé', 'money'),
  DAYS_INSTALMENT: m('DAYS_INSTALMENT', '"DAYS_INSTALMENT"', 'due date', "date d'échéance", 'days'),
  LAST_ENTRY: m('DAYS_ENTRY_PAYMENT', 'last_entry', 'payment date', 'date de paiement', 'days'),
  PAYMENTS: m('PAYMENTS', 'payments', 'payments per instalment', 'paiements par échéance', 'count'),
  VERSION: m(
    'NUM_INSTALMENT_VERSION',
    '"NUM_INSTALMENT_VERSION"',
    'calendar version',
    'version du calendrier',
    'number',
  ),
  NUMBER: m(
    'NUM_INSTALMENT_NUMBER',
    '"NUM_INSTALMENT_NUMBER"',
    'instalment number',
    "numéro d'échéance",
    'count',
  ),
};

const scope = scopeFor(TABLES);
const ALL = scope(
  'INSTAL',
  undefined,
  'Instalments',
  'Échéances',
  "the instalments of the client's previous loans",
  'les échéances des prêts précédents du client',
);
const RECENT = scope(
  'INSTAL_12M',
  'is_recent',
  'Instalments, last 12 months',
  'Échéances, 12 derniers mois',
  'the instalments due in the last 12 months',
  'les échéances des 12 derniers mois',
);

const noun = (en: string, fr: string): Text => ({ en, fr });

/** Instalments of previous loans (due vs paid, on time vs late), aggregated per client. */
export const installmentsSource: FeatureSource = {
  name: 'installments',
  tables: TABLES,
  grouped: true,
  from,
  features: [
    count(ALL, 'COUNT', noun('instalments', 'échéances')),
    count(RECENT, 'COUNT', noun('instalments', 'échéances')),
    count(
      { ...ALL, filter: 'late' },
      'LATE_COUNT',
      noun('instalments paid late', 'échéances payées en retard'),
    ),
    count(
      { ...ALL, filter: 'short' },
      'SHORT_COUNT',
      noun('instalments paid short', 'échéances payées partiellement'),
    ),
    feature({
      name: 'INSTAL_LOAN_COUNT',
      sql: 'count(DISTINCT "SK_ID_PREV")',
      kind: 'count',
      label: { en: 'Instalments: number of loans', fr: 'Échéances : nombre de prêts' },
      tables: TABLES,
      zeroWhenNone: true,
    }),
    share(ALL, 'LATE', 'late', noun('paid late', 'payées en retard')),
    share(ALL, 'SHORT', 'short', noun('paid short', 'payées partiellement')),
    share(
      ALL,
      'LATE_30',
      'dpd > 30',
      noun('paid more than 30 days late', 'payées avec plus de 30 jours de retard'),
    ),
    share(
      ALL,
      'CARD',
      `"NUM_INSTALMENT_VERSION" = 0`,
      noun('of credit card instalments', 'de carte de crédit'),
    ),
    share(RECENT, 'LATE', 'late', noun('paid late', 'payées en retard')),
    share(RECENT, 'SHORT', 'short', noun('paid short', 'payées partiellement')),
    ...expand(ALL, [
      [M.DPD, ['max', 'mean', 'sum', 'std']],
      [M.DBD, ['max', 'mean', 'sum']],
      [M.SHORTFALL, ['max', 'mean', 'sum']],
      [M.PAY_RATIO, ['min', 'max', 'mean']],
      [M.AMT_INSTALMENT, ['max', 'mean', 'sum']],
      [M.AMT_PAID, ['min', 'max', 'mean', 'sum']],
      [M.DAYS_INSTALMENT, ['min', 'max']],
      [M.LAST_ENTRY, ['max', 'mean']],
      [M.PAYMENTS, ['max', 'mean', 'sum']],
      [M.VERSION, ['max', 'mean']],
      [M.NUMBER, ['max', 'mean']],
    ]),
    ...expand(RECENT, [
      [M.DPD, ['max', 'mean', 'sum']],
      [M.DBD, ['mean']],
      [M.SHORTFALL, ['sum', 'max']],
      [M.PAY_RATIO, ['mean', 'min']],
      [M.AMT_INSTALMENT, ['sum']],
      [M.AMT_PAID, ['sum']],
    ]),
  ],
};
