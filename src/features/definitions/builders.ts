import type { TableName } from '../../data/index.js';
import type { DisplayKind, FeatureDef, Text } from '../types.js';

/** The unit shown next to a value of each kind, unless a feature says otherwise. */
export const KIND_UNITS: Readonly<Record<DisplayKind, Text>> = {
  days: { en: 'days', fr: 'jours' },
  months: { en: 'months', fr: 'mois' },
  money: { en: 'currency units', fr: 'unités monétaires' },
  ratio: { en: 'ratio', fr: 'ratio' },
  flag: { en: 'yes/no', fr: 'oui/non' },
  count: { en: 'count', fr: 'nombre' },
  score: { en: 'score from 0 to 1', fr: 'score de 0 à 1' },
  category: { en: 'category', fr: 'catégorie' },
  number: { en: 'value', fr: 'valeur' },
};

/** A per-row quantity of a history table that aggregates summarise. */
export interface Measure {
  /** Name part of the features, e.g. AMT_CREDIT_SUM_DEBT. */
  readonly name: string;
  /** SQL over one row of the source's FROM clause. */
  readonly sql: string;
  readonly label: Text;
  readonly kind: DisplayKind;
  readonly unit?: Text;
}

/** A subset of a client's rows: all of them, the active credits, the last 12 months, ... */
export interface Scope {
  /** Prefix of the feature names, e.g. BURO or ACTIVE. */
  readonly prefix: string;
  /** SQL condition on a row; none = every row. */
  readonly filter?: string;
  /** Short name shown before the measure: "Bureau, active credits". */
  readonly label: Text;
  /** What the rows are, for descriptions: "the client's active Credit Bureau credits". */
  readonly over: Text;
  readonly tables: readonly TableName[];
}

export type Aggregate = 'mean' | 'min' | 'max' | 'sum' | 'std';

const AGG_SQL: Record<Aggregate, string> = {
  mean: 'avg',
  min: 'min',
  max: 'max',
  sum: 'sum',
  std: 'stddev_samp',
};
const AGG_WORD: Record<Aggregate, Text> = {
  mean: { en: 'mean', fr: 'moyenne' },
  min: { en: 'minimum', fr: 'minimum' },
  max: { en: 'maximum', fr: 'maximum' },
  sum: { en: 'total', fr: 'total' },
  std: { en: 'standard deviation', fr: 'écart-type' },
};
const AGG_DESC: Record<Aggregate, Text> = {
  mean: { en: 'Mean', fr: 'Moyenne' },
  min: { en: 'Smallest value', fr: 'Plus petite valeur' },
  max: { en: 'Largest value', fr: 'Plus grande valeur' },
  sum: { en: 'Total', fr: 'Total' },
  std: { en: 'Standard deviation', fr: 'Écart-type' },
};

/**
 * An aggregate over the rows meeting a condition: `fn(CASE WHEN cond THEN x END)`, the same
 * values as `fn(x) FILTER (WHERE cond)` (NULLs are skipped), but DuckDB's cost for FILTER
 * clauses grows with their number squared (400 of them: 0.3 s even on six rows).
 */
export function where(fn: string, value: string, condition?: string): string {
  if (!condition) return `${fn}(${value})`;
  return `${fn}(CASE WHEN ${condition} THEN ${value} END)`;
}

/** `fn(x)` over the scope's rows; `count` counts the rows. */
export function scoped(scope: Scope, fn: string, value: string): string {
  if (fn === 'count' && value === '*') return scope.filter ? where('count', '1', scope.filter) : 'count(*)';
  return where(fn, value, scope.filter);
}

/** "Bureau, active credits: current debt, mean" / "Bureau, crédits actifs : dette actuelle, moyenne". */
function labelOf(scope: Scope, what: Text, word?: Text): Text {
  const tail = (lang: keyof Text): string => (word ? `${what[lang]}, ${word[lang]}` : what[lang]);
  return { en: `${scope.label.en}: ${tail('en')}`, fr: `${scope.label.fr} : ${tail('fr')}` };
}

/** The kind of an aggregate: a total of flags is a count, a spread is a plain number. */
function aggregateKind(kind: DisplayKind, aggregate: Aggregate): DisplayKind {
  if (kind === 'flag') return aggregate === 'sum' ? 'count' : 'ratio';
  if (aggregate === 'std' && (kind === 'ratio' || kind === 'score')) return 'number';
  return kind;
}

/** One feature per aggregate of a measure over a scope, named PREFIX_MEASURE_AGG. */
export function aggregates(scope: Scope, measure: Measure, aggs: readonly Aggregate[]): FeatureDef[] {
  return aggs.map((agg) => {
    const kind = aggregateKind(measure.kind, agg);
    return {
      name: `${scope.prefix}_${measure.name}_${agg.toUpperCase()}`,
      sql: scoped(scope, AGG_SQL[agg], measure.sql),
      kind,
      label: labelOf(scope, measure.label, AGG_WORD[agg]),
      description: {
        en: `${AGG_DESC[agg].en} of "${measure.label.en}" over ${scope.over.en}.`,
        fr: `${AGG_DESC[agg].fr} de « ${measure.label.fr} » sur ${scope.over.fr}.`,
      },
      unit: kind === measure.kind ? (measure.unit ?? KIND_UNITS[kind]) : KIND_UNITS[kind],
      tables: scope.tables,
    };
  });
}

/** Number of the scope's rows (`noun` names them): 0 for a client without any, a true zero, not a missing value. */
export function count(scope: Scope, name: string, noun: Text): FeatureDef {
  return {
    name: `${scope.prefix}_${name}`,
    sql: scoped(scope, 'count', '*'),
    kind: 'count',
    label: labelOf(scope, { en: `number of ${noun.en}`, fr: `nombre de ${noun.fr}` }),
    description: {
      en: `Number of ${noun.en} among ${scope.over.en}.`,
      fr: `Nombre de ${noun.fr} parmi ${scope.over.fr}.`,
    },
    unit: KIND_UNITS.count,
    tables: scope.tables,
    zeroWhenNone: true,
  };
}

/** Share of the scope's rows meeting a condition; missing when the scope has no row. */
export function share(scope: Scope, name: string, condition: string, what: Text): FeatureDef {
  return {
    name: `${scope.prefix}_${name}_SHARE`,
    sql: scoped(scope, 'avg', `CASE WHEN ${condition} THEN 1.0 ELSE 0.0 END`),
    kind: 'ratio',
    label: labelOf(scope, { en: `share ${what.en}`, fr: `part ${what.fr}` }),
    description: {
      en: `Share of ${scope.over.en} ${what.en}.`,
      fr: `Part de ${scope.over.fr} ${what.fr}.`,
    },
    unit: KIND_UNITS.ratio,
    tables: scope.tables,
  };
}

/** Shares of each level of a categorical column, e.g. PREV_NAME_YIELD_GROUP_high_SHARE. */
export function levelShares(
  scope: Scope,
  column: string,
  columnLabel: Text,
  levels: readonly string[],
): FeatureDef[] {
  return levels.map((level) =>
    share(scope, `${column}_${levelKey(level)}`, `${quoteIdent(column)} = ${quoteLiteral(level)}`, {
      en: `with ${columnLabel.en} "${level}"`,
      fr: `avec ${columnLabel.fr} « ${level} »`,
    }),
  );
}

/** A level as a name part: "Consumer credit" -> Consumer_credit, "Cash X-Sell: low" -> Cash_X_Sell_low. */
export function levelKey(level: string): string {
  return level.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

/** A double-quoted SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A single-quoted SQL string literal (only for level names written in the definitions, never for data). */
export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A measure of a history table row: its name part, SQL, label and display kind. */
export function measure(name: string, sql: string, en: string, fr: string, kind: DisplayKind): Measure {
  return { name, sql, label: { en, fr }, kind };
}

/** A scope maker for a source's tables: (prefix, condition, label en/fr, rows en/fr). */
export function scopeFor(
  tables: readonly TableName[],
): (
  prefix: string,
  filter: string | undefined,
  en: string,
  fr: string,
  overEn: string,
  overFr: string,
) => Scope {
  return (prefix, filter, en, fr, overEn, overFr) => ({
    prefix,
    ...(filter ? { filter } : {}),
    label: { en, fr },
    over: { en: overEn, fr: overFr },
    tables,
  });
}

/** Which aggregates of which measures a scope gets. */
export type Plan = readonly (readonly [Measure, readonly Aggregate[]])[];

/** The features of a plan over a scope, in plan order. */
export function expand(scope: Scope, plan: Plan): FeatureDef[] {
  return plan.flatMap(([m, aggs]) => aggregates(scope, m, aggs));
}

/** A plain (non-aggregated) feature, e.g. an application column or a ratio of two. */
export function feature(
  def: Omit<FeatureDef, 'unit' | 'description'> & { unit?: Text; description?: Text },
): FeatureDef {
  return {
    ...def,
    unit: def.unit ?? KIND_UNITS[def.kind],
    description: def.description ?? def.label,
  };
}
