import type { TableName } from '../data/index.js';

/** A text in the two languages of the product. */
export interface Text {
  readonly en: string;
  readonly fr: string;
}

export type Lang = keyof Text;

/**
 * How a value is shown to a person: days as years or months, ratios as %, money with
 * thousands separators, flags as yes/no, category codes as their level.
 */
export type DisplayKind =
  'days' | 'months' | 'money' | 'ratio' | 'flag' | 'count' | 'score' | 'category' | 'number';

/** The six groups of features computed from tables, one per table family. */
export const SOURCE_NAMES = [
  'application',
  'bureau',
  'previous',
  'pos_cash',
  'installments',
  'credit_card',
] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

/** Where a feature comes from: a source, or `combined` (computed from features of several sources). */
export type FeatureOrigin = SourceName | 'combined';

/** One feature: its SQL, its meaning and how to show it. Defined once, used by every path. */
export interface FeatureDef {
  readonly name: string;
  /** Expression in the source's SELECT (an aggregate for the history sources). */
  readonly sql: string;
  readonly kind: DisplayKind;
  readonly label: Text;
  readonly description: Text;
  /** Unit shown next to a value ("days", "currency units", ...). */
  readonly unit: Text;
  /** Tables the feature is computed from. */
  readonly tables: readonly TableName[];
  /** A count: 0 (not missing) for a client without any row in the source. */
  readonly zeroWhenNone?: boolean;
  /** The client can act on it (amount, annuity, term, goods price, personal contribution). */
  readonly actionable?: boolean;
  /** Personal attribute (gender, family status, age) used for fairness views. */
  readonly sensitive?: boolean;
}

/** A group of features computed by one SELECT ... GROUP BY SK_ID_CURR (or per application row). */
export interface FeatureSource {
  readonly name: SourceName;
  /** Tables the SELECT reads (an absent optional table is replaced by an empty one). */
  readonly tables: readonly TableName[];
  readonly features: readonly FeatureDef[];
  /** FROM clause text (a table or a subquery with per-row helper columns), given the table names. */
  from(tables: TableRefs): string;
  /** The history sources aggregate by client; the application source keeps one row per application. */
  readonly grouped: boolean;
}

/** Quoted SQL names of the eight tables (the real names by default; tests may point elsewhere). */
export type TableRefs = Readonly<Record<TableName, string>>;
