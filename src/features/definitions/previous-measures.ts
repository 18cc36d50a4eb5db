import type { Text } from '../types.js';
import { measure, type Measure } from './builders.js';

const noun = (en: string, fr: string): Text => ({ en, fr });

const m = measure;
const col = (name: string, en: string, fr: string, kind: Measure['kind']): Measure =>
  m(name, `"${name}"`, en, fr, kind);

/** Per-application quantities of the previous-application source (columns and helper columns). */
export const PREVIOUS_MEASURES = {
  AMT_ANNUITY: col('AMT_ANNUITY', 'annuity', 'annuité', 'money'),
  AMT_APPLICATION: col('AMT_APPLICATION', 'amount applied for', 'montant demandé', 'money'),
  AMT_CREDIT: col('AMT_CREDIT', 'amount granted', 'montant accordé', 'money'),
  AMT_DOWN_PAYMENT: col('AMT_DOWN_PAYMENT', 'down payment', 'apport', 'money'),
  AMT_GOODS_PRICE: col('AMT_GOODS_PRICE', 'price of the goods', 'prix du bien', 'money'),
  HOUR_APPR_PROCESS_START: col(
    'HOUR_APPR_PROCESS_START',
    'hour of the application',
    'heure de la demande',
    'number',
  ),
  RATE_DOWN_PAYMENT: col('RATE_DOWN_PAYMENT', 'down payment rate', "taux d'apport", 'ratio'),
  RATE_INTEREST_PRIMARY: col(
    'RATE_INTEREST_PRIMARY',
    'interest rate (normalized)',
    "taux d'intérêt (normalisé)",
    'ratio',
  ),
  RATE_INTEREST_PRIVILEGED: col(
    'RATE_INTEREST_PRIVILEGED',
    'privileged interest rate (normalized)',
    "taux d'intérêt privilégié (normalisé)",
    'ratio',
  ),
  DAYS_DECISION: col('DAYS_DECISION', 'time since the decision', 'temps depuis la décision', 'days'),
  SELLERPLACE_AREA: col('SELLERPLACE_AREA', "seller's selling area", 'surface de vente du vendeur', 'number'),
  CNT_PAYMENT: col('CNT_PAYMENT', 'term (number of payments)', 'durée (nombre de paiements)', 'count'),
  DAYS_FIRST_DRAWING: col(
    'DAYS_FIRST_DRAWING',
    'time since the first drawing',
    'temps depuis le premier décaissement',
    'days',
  ),
  DAYS_FIRST_DUE: col(
    'DAYS_FIRST_DUE',
    'time since the first due date',
    'temps depuis la première échéance',
    'days',
  ),
  DAYS_LAST_DUE_1ST_VERSION: col(
    'DAYS_LAST_DUE_1ST_VERSION',
    'planned last due date',
    'dernière échéance prévue',
    'days',
  ),
  DAYS_LAST_DUE: col('DAYS_LAST_DUE', 'last due date', 'dernière échéance', 'days'),
  DAYS_TERMINATION: col('DAYS_TERMINATION', 'expected end', 'fin prévue', 'days'),
  NFLAG_INSURED_ON_APPROVAL: col(
    'NFLAG_INSURED_ON_APPROVAL',
    'insurance requested',
    'assurance demandée',
    'flag',
  ),
  NFLAG_LAST_APPL_IN_DAY: col(
    'NFLAG_LAST_APPL_IN_DAY',
    'last application of the day',
    'dernière demande du jour',
    'flag',
  ),
  APP_CREDIT_RATIO: m(
    'APP_CREDIT_RATIO',
    'app_credit_ratio',
    'amount applied / granted',
    'montant demandé / accordé',
    'ratio',
  ),
  APP_CREDIT_DIFF: m(
    'APP_CREDIT_DIFF',
    'app_credit_diff',
    'amount applied minus granted',
    'montant demandé moins accordé',
    'money',
  ),
  CREDIT_GOODS_RATIO: m(
    'CREDIT_GOODS_RATIO',
    'credit_goods_ratio',
    'amount granted / price of the goods',
    'montant accordé / prix du bien',
    'ratio',
  ),
  ANNUITY_CREDIT_RATIO: m(
    'ANNUITY_CREDIT_RATIO',
    'annuity_credit_ratio',
    'annuity / amount granted',
    'annuité / montant accordé',
    'ratio',
  ),
  TOTAL_PAYMENT_RATIO: m(
    'TOTAL_PAYMENT_RATIO',
    'total_payment_ratio',
    'total repaid / amount granted',
    'total remboursé / montant accordé',
    'ratio',
  ),
  IMPLIED_RATE: m(
    'IMPLIED_RATE',
    'implied_rate',
    'implied yearly interest rate',
    "taux d'intérêt annuel implicite",
    'ratio',
  ),
  PLANNED_DURATION: m('PLANNED_DURATION', 'planned_duration', 'planned duration', 'durée prévue', 'days'),
  LAST_DUE_GAP: m(
    'LAST_DUE_GAP',
    'last_due_gap',
    'actual minus planned last due date',
    'dernière échéance réelle moins prévue',
    'days',
  ),
};

/** Categorical columns whose level shares become features, with the levels counted (XNA/XAP left out). */
export const PREVIOUS_LEVELS: readonly (readonly [string, Text, readonly string[]])[] = [
  ['NAME_CONTRACT_STATUS', noun('status', 'statut'), ['Approved', 'Refused', 'Canceled', 'Unused offer']],
  [
    'NAME_CONTRACT_TYPE',
    noun('contract type', 'type de contrat'),
    ['Cash loans', 'Consumer loans', 'Revolving loans'],
  ],
  ['NAME_CLIENT_TYPE', noun('client type', 'type de client'), ['Repeater', 'New', 'Refreshed']],
  [
    'NAME_YIELD_GROUP',
    noun('interest group', 'groupe de taux'),
    ['high', 'middle', 'low_normal', 'low_action'],
  ],
  ['NAME_PORTFOLIO', noun('portfolio', 'portefeuille'), ['POS', 'Cash', 'Cards', 'Cars']],
  ['NAME_PRODUCT_TYPE', noun('product type', 'type de produit'), ['x-sell', 'walk-in']],
  [
    'CHANNEL_TYPE',
    noun('channel', 'canal'),
    [
      'Credit and cash offices',
      'Country-wide',
      'Stone',
      'Regional / Local',
      'Contact center',
      'AP+ (Cash loan)',
      'Channel of corporate sales',
      'Car dealer',
    ],
  ],
  [
    'CODE_REJECT_REASON',
    noun('refusal reason', 'motif de refus'),
    ['HC', 'LIMIT', 'CLIENT', 'SCO', 'SCOFR', 'VERIF', 'SYSTEM'],
  ],
  [
    'NAME_PAYMENT_TYPE',
    noun('payment method', 'mode de paiement'),
    ['Cash through the bank', 'Non-cash from your account', 'Cashless from the account of the employer'],
  ],
  [
    'PRODUCT_COMBINATION',
    noun('product', 'produit'),
    [
      'Cash',
      'POS household with interest',
      'POS mobile with interest',
      'Cash X-Sell: middle',
      'Cash X-Sell: low',
      'POS industry with interest',
      'Card Street',
      'Cash Street: high',
      'Card X-Sell',
      'POS household without interest',
      'Cash X-Sell: high',
      'Cash Street: middle',
      'POS mobile without interest',
      'Cash Street: low',
      'POS industry without interest',
      'POS other with interest',
      'POS others without interest',
    ],
  ],
  [
    'NAME_GOODS_CATEGORY',
    noun('goods category', 'catégorie de bien'),
    [
      'Mobile',
      'Audio/Video',
      'Consumer Electronics',
      'Computers',
      'Furniture',
      'Clothing and Accessories',
      'Construction Materials',
      'Photo / Cinema Equipment',
      'Auto Accessories',
      'Vehicles',
    ],
  ],
  [
    'NAME_SELLER_INDUSTRY',
    noun('seller industry', 'secteur du vendeur'),
    [
      'Consumer electronics',
      'Connectivity',
      'Furniture',
      'Construction',
      'Clothing',
      'Industry',
      'Auto technology',
    ],
  ],
  [
    'NAME_CASH_LOAN_PURPOSE',
    noun('cash loan purpose', 'objet du prêt'),
    ['Repairs', 'Urgent needs', 'Other'],
  ],
  ['NAME_TYPE_SUITE', noun('accompanied by', 'accompagné par'), ['Unaccompanied', 'Family']],
  [
    'FLAG_LAST_APPL_PER_CONTRACT',
    noun('last application for the contract', 'dernière demande du contrat'),
    ['N'],
  ],
];
