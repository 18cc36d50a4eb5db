import { type Categorical, categorical, factCategorical, quantileSampler } from './sampling.js';

// The level tables and distributions of previous_application, read from the real rows:
// which (contract type, status) cells exist, and what each cell's other columns look like.

export const Cell = {
  CashApproved: 0,
  CashCanceled: 1,
  CashRefused: 2,
  ConsumerApproved: 3,
  ConsumerRefused: 4,
  ConsumerUnused: 5,
  ConsumerCanceled: 6,
  CardCanceled: 7,
  CardRefused: 8,
  CardApproved: 9,
} as const;
export type Cell = (typeof Cell)[keyof typeof Cell];

// Joint type x status counts of the 1,000 random real rows (approved cards are added
// per client, see counts.ts, so they are left out here).
export const CELL_WEIGHTS = [194, 189, 98, 345, 40, 15.5, 1.5, 22, 20.5];
export const REFUSED_CELLS: readonly number[] = [Cell.CashRefused, Cell.ConsumerRefused, Cell.CardRefused];
export const CELL_TYPE = [
  'Cash loans',
  'Cash loans',
  'Cash loans',
  'Consumer loans',
  'Consumer loans',
  'Consumer loans',
  'Consumer loans',
  'Revolving loans',
  'Revolving loans',
  'Revolving loans',
];
export const CELL_STATUS = [
  'Approved',
  'Canceled',
  'Refused',
  'Approved',
  'Refused',
  'Unused offer',
  'Canceled',
  'Canceled',
  'Refused',
  'Approved',
];
// NAME_TYPE_SUITE is missing 48.6% overall, far more often for canceled requests.
export const SUITE_MISSING = [0.31, 0.97, 0.33, 0.34, 0.51, 0.67, 0.9, 1, 0.5, 0.52];

// Approved loans are older than the other applications (DAYS_FIRST_DUE median -805 while
// DAYS_DECISION's is -544): canceled and refused requests are mostly recent.
export const DECISION_APPROVED = quantileSampler([
  [0, -2922],
  [0.01, -2850],
  [0.25, -1500],
  [0.5, -800],
  [0.75, -450],
  [0.99, -50],
  [1, -1],
]);
export const DECISION_OTHER = quantileSampler([
  [0, -2922],
  [0.01, -2700],
  [0.25, -560],
  [0.5, -260],
  [0.75, -120],
  [0.99, -8],
  [1, -1],
]);
// Cards are older than the average application: ~37 months of card rows each (3.84M / 104k).
export const CARD_DECISION = quantileSampler([
  [0, -2922],
  [0.25, -1950],
  [0.5, -1150],
  [0.75, -520],
  [1, -30],
]);

export const WEEKDAY = factCategorical('previous_application', 'WEEKDAY_APPR_PROCESS_START');
export const SUITE = factCategorical('previous_application', 'NAME_TYPE_SUITE', [['Group of people', 0.001]]);
export const REJECT = categorical([
  ['HC', 0.58],
  ['LIMIT', 0.23],
  ['SCO', 0.098],
  ['SCOFR', 0.042],
  ['VERIF', 0.035],
  ['XNA', 0.014],
  ['SYSTEM', 0.001],
]);
export const CASH_PURPOSE = categorical([
  ['Repairs', 18],
  ['Other', 18],
  ['Urgent needs', 11],
  ['Journey', 3],
  ['Buying a used car', 2],
  ['Education', 2],
  ['Building a house or an annex', 2],
  ['Everyday expenses', 2],
  ['Buying a new car', 1],
  ['Payments on other loans', 1],
  ['Furniture', 1],
  ['Medicine', 1],
  ['Gasification / water supply', 1],
  ['Car repairs', 0.5],
  ['Purchase of electronic equipment', 0.5],
  ['Buying a home', 0.3],
  ['Buying a holiday home / land', 0.3],
]);
export const CASH_CHANNEL = categorical([
  ['Credit and cash offices', 80],
  ['Country-wide', 8],
  ['AP+ (Cash loan)', 6],
  ['Contact center', 5],
  ['Regional / Local', 1],
  ['Channel of corporate sales', 0.5],
  ['Stone', 0.5],
]);
export const CARD_CHANNEL = categorical([
  ['Credit and cash offices', 62],
  ['Country-wide', 17],
  ['AP+ (Cash loan)', 10],
  ['Contact center', 6],
  ['Regional / Local', 4],
  ['Stone', 1],
]);
export const POS_CHANNEL = categorical([
  ['Country-wide', 53],
  ['Stone', 32],
  ['Regional / Local', 15],
]);
export const CASH_INDUSTRY = categorical([
  ['XNA', 91],
  ['Consumer electronics', 5],
  ['Connectivity', 4],
]);
export const CARD_INDUSTRY = categorical([
  ['XNA', 77],
  ['Consumer electronics', 15],
  ['Connectivity', 8],
]);
// Cash products: combination fixes the product type (X-Sell / Street) and yield group.
export const CASH_PRODUCTS = [
  ['Cash X-Sell: middle', 'x-sell', 'middle'],
  ['Cash X-Sell: low', 'x-sell', 'low_normal'],
  ['Cash Street: high', 'walk-in', 'high'],
  ['Cash X-Sell: high', 'x-sell', 'high'],
  ['Cash Street: low', 'walk-in', 'low_normal'],
  ['Cash Street: middle', 'walk-in', 'middle'],
] as const;
export const CASH_PRODUCT_APPROVED = categorical(
  CASH_PRODUCTS.map((p, i) => [p[0], [69, 56, 36, 35, 7, 7][i]!] as const),
);
export const CASH_PRODUCT_REFUSED = categorical(
  CASH_PRODUCTS.map((p, i) => [p[0], [11, 23, 12, 6, 10, 14][i]!] as const),
);
export const CASH_TERMS = [6, 10, 12, 18, 24, 30, 36, 42, 48, 54, 60];
export const CASH_TERM_PICK = categorical(
  CASH_TERMS.map((t, i) => [String(t), [45, 3, 180, 91, 117, 20, 73, 9, 43, 5, 33][i]!] as const),
);
export const CONSUMER_TERMS = [3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 16, 18, 20, 24, 30, 36, 48];
export const CONSUMER_TERM_PICK = categorical(
  CONSUMER_TERMS.map(
    (t, i) => [String(t), [3, 62, 12, 414, 6, 66, 4, 387, 542, 10, 13, 64, 2, 152, 1, 8, 1][i]!] as const,
  ),
);
// Consumer (POS) products: a product line fixes the likely goods and seller industry.
export interface PosLine {
  readonly name: string;
  readonly withInterest: number;
  readonly goods: Categorical;
}
export const POS_LINES: readonly PosLine[] = [
  {
    name: 'household',
    withInterest: 0.78,
    goods: categorical([
      ['Consumer Electronics', 33],
      ['Audio/Video', 30],
      ['Computers', 20],
      ['Mobile', 5],
      ['Photo / Cinema Equipment', 3],
      ['XNA', 2],
      ['Furniture', 1.5],
      ['Office Appliances', 1.5],
      ['Construction Materials', 1],
      ['Medical Supplies', 0.3],
      ['Sport and Leisure', 0.3],
      ['Other', 0.3],
    ]),
  },
  {
    name: 'mobile',
    withInterest: 0.83,
    goods: categorical([
      ['Mobile', 83],
      ['Computers', 10],
      ['Photo / Cinema Equipment', 4],
      ['Audio/Video', 1.5],
      ['XNA', 1.5],
    ]),
  },
  {
    name: 'industry',
    withInterest: 0.8,
    goods: categorical([
      ['Furniture', 38],
      ['Construction Materials', 20],
      ['Clothing and Accessories', 20],
      ['Vehicles', 1.5],
      ['Homewares', 1.5],
      ['Medical Supplies', 1.5],
      ['Medicine', 1.5],
      ['Auto Accessories', 1],
      ['Gardening', 1],
      ['Other', 1],
      ['Fitness', 0.6],
      ['Jewelry', 0.3],
      ['Tourism', 0.3],
      ['Sport and Leisure', 0.3],
    ]),
  },
  {
    name: 'other',
    withInterest: 0.95,
    goods: categorical([
      ['Auto Accessories', 40],
      ['Homewares', 10],
      ['Jewelry', 10],
      ['Sport and Leisure', 8],
      ['Vehicles', 8],
      ['Audio/Video', 6],
      ['Direct Sales', 4],
      ['Other', 4],
      ['Construction Materials', 4],
      ['Education', 2],
      ['Medical Supplies', 2],
      ['Gardening', 2],
    ]),
  },
];
export const POS_LINE_PICK = categorical([
  ['household', 47],
  ['mobile', 32],
  ['industry', 18],
  ['other', 3],
]);
export const SELLER_OF_GOODS: Record<string, Categorical> = (() => {
  const electronics = categorical([
    ['Consumer electronics', 85],
    ['Connectivity', 15],
  ]);
  const industry = categorical([['Industry', 1]]);
  const construction = categorical([
    ['Construction', 85],
    ['Furniture', 15],
  ]);
  return {
    Mobile: categorical([
      ['Connectivity', 92],
      ['Consumer electronics', 8],
    ]),
    'Consumer Electronics': electronics,
    'Audio/Video': electronics,
    Computers: electronics,
    'Photo / Cinema Equipment': electronics,
    'Office Appliances': electronics,
    XNA: electronics,
    Furniture: categorical([
      ['Furniture', 90],
      ['Construction', 5],
      ['Consumer electronics', 5],
    ]),
    'Construction Materials': construction,
    Homewares: construction,
    Gardening: construction,
    'Clothing and Accessories': categorical([['Clothing', 1]]),
    'Auto Accessories': categorical([
      ['Auto technology', 50],
      ['Industry', 50],
    ]),
    Vehicles: categorical([
      ['Industry', 50],
      ['Auto technology', 50],
    ]),
    Jewelry: categorical([
      ['Industry', 70],
      ['Jewelry', 30],
    ]),
    'Direct Sales': categorical([['MLM partners', 1]]),
    Tourism: categorical([['XNA', 1]]),
    'Medical Supplies': industry,
    Medicine: industry,
    Fitness: industry,
    'Sport and Leisure': industry,
    Education: industry,
    Other: industry,
  };
})();
export const YIELD_WITH_INTEREST = categorical([
  ['middle', 42],
  ['high', 26],
  ['low_normal', 32],
]);
export const YIELD_MOBILE = categorical([
  ['high', 62],
  ['middle', 20],
  ['low_normal', 18],
]);
export const YIELD_WITHOUT_INTEREST = categorical([
  ['low_action', 70],
  ['low_normal', 25],
  ['middle', 5],
]);
/** Monthly interest by yield group. */
export const YIELD_RATE: Record<string, number> = {
  low_action: 0.006,
  low_normal: 0.017,
  middle: 0.028,
  high: 0.038,
};
export const DOWN_SHARES = [0.05, 0.1, 0.1, 0.1, 0.15, 0.2, 0.2, 0.3, 0.4];
export const CARD_LIMITS = [
  45000, 67500, 90000, 112500, 135000, 180000, 225000, 270000, 315000, 450000, 675000, 900000,
];
export const CARD_LIMIT_PICK = categorical(
  CARD_LIMITS.map((v, i) => [String(v), [12, 8, 12, 8, 20, 12, 10, 7, 3, 6, 1, 1][i]!] as const),
);
export const RATE_PRIMARY = quantileSampler([
  [0, 0.035],
  [0.01, 0.143374],
  [0.25, 0.165788],
  [0.5, 0.189136],
  [0.75, 0.193018],
  [1, 0.2],
]);
export const RATE_PRIVILEGED = quantileSampler([
  [0, 0.37],
  [0.01, 0.641892],
  [0.25, 0.736522],
  [0.5, 0.835095],
  [0.75, 0.851216],
  [1, 0.87],
]);
