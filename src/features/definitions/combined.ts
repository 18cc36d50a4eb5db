import type { DisplayKind, FeatureDef } from '../types.js';
import { feature, quoteIdent } from './builders.js';

const f = (name: string): string => quoteIdent(name);
const ratio = (a: string, b: string): string => `CAST(${a} AS DOUBLE) / NULLIF(${b}, 0)`;
const has = (countFeature: string): string => `CAST(coalesce(${f(countFeature)}, 0) > 0 AS INTEGER)`;

const combined = (name: string, sql: string, kind: DisplayKind, en: string, fr: string): FeatureDef =>
  feature({
    name,
    sql,
    kind,
    label: { en, fr },
    description: {
      en: `${en} (application and history together).`,
      fr: `${fr} (demande et historique ensemble).`,
    },
    tables: [
      'application_train',
      'application_test',
      'bureau',
      'previous_application',
      'POS_CASH_balance',
      'installments_payments',
      'credit_card_balance',
    ],
  });

/**
 * Features comparing the application with the client's history. They are computed in the
 * final projection, over the other features by name (names are unique across sources).
 */
export const COMBINED_FEATURES: readonly FeatureDef[] = [
  combined(
    'BURO_ACTIVE_DEBT_INCOME_RATIO',
    ratio(f('BURO_ACTIVE_AMT_CREDIT_SUM_DEBT_SUM'), f('AMT_INCOME_TOTAL')),
    'ratio',
    'Bureau debt on active credits / income',
    'Dette au bureau sur crédits actifs / revenu',
  ),
  combined(
    'BURO_ACTIVE_DEBT_APPLIED_RATIO',
    ratio(f('BURO_ACTIVE_AMT_CREDIT_SUM_DEBT_SUM'), f('AMT_CREDIT')),
    'ratio',
    'Bureau debt on active credits / credit amount applied for',
    'Dette au bureau sur crédits actifs / montant demandé',
  ),
  combined(
    'BURO_ACTIVE_ANNUITY_INCOME_RATIO',
    ratio(f('BURO_ACTIVE_AMT_ANNUITY_SUM'), f('AMT_INCOME_TOTAL')),
    'ratio',
    'Bureau annuities on active credits / income',
    'Annuités au bureau sur crédits actifs / revenu',
  ),
  combined(
    'TOTAL_ANNUITY_INCOME_RATIO',
    ratio(`${f('AMT_ANNUITY')} + coalesce(${f('BURO_ACTIVE_AMT_ANNUITY_SUM')}, 0)`, f('AMT_INCOME_TOTAL')),
    'ratio',
    'All known annuities (this loan and active bureau credits) / income',
    'Toutes les annuités connues (ce prêt et crédits actifs au bureau) / revenu',
  ),
  combined(
    'PREV_APPROVED_CREDIT_CURRENT_RATIO',
    ratio(f('PREV_APPROVED_AMT_CREDIT_MEAN'), f('AMT_CREDIT')),
    'ratio',
    'Mean amount granted before / credit amount applied for',
    'Montant moyen accordé auparavant / montant demandé',
  ),
  combined(
    'PREV_ANNUITY_CURRENT_RATIO',
    ratio(f('PREV_APPROVED_AMT_ANNUITY_MEAN'), f('AMT_ANNUITY')),
    'ratio',
    'Mean previous annuity / annuity applied for',
    'Annuité précédente moyenne / annuité demandée',
  ),
  combined(
    'INSTAL_12M_PAID_INCOME_RATIO',
    ratio(f('INSTAL_12M_AMT_PAID_SUM'), f('AMT_INCOME_TOTAL')),
    'ratio',
    'Instalments paid in the last 12 months / income',
    'Échéances payées sur 12 mois / revenu',
  ),
  combined(
    'CC_LAST_BALANCE_INCOME_RATIO',
    ratio(f('CC_LAST_AMT_BALANCE_SUM'), f('AMT_INCOME_TOTAL')),
    'ratio',
    'Current credit card balances / income',
    'Soldes actuels des cartes / revenu',
  ),
  combined(
    'HISTORY_SOURCE_COUNT',
    [has('BURO_COUNT'), has('PREV_COUNT'), has('POS_COUNT'), has('INSTAL_COUNT'), has('CC_COUNT')].join(
      ' + ',
    ),
    'count',
    'Kinds of credit history known (bureau, previous applications, POS, instalments, cards)',
    "Types d'historique connus (bureau, demandes, POS, échéances, cartes)",
  ),
];
