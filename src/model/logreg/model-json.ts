import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

import { ClairscoreError } from '../../core/index.js';
import { levelName, missingName } from './features.js';

export const LOGREG_FORMAT = 'clairscore-logistic-regression';

const Feature = Type.Object(
  {
    name: Type.String(),
    kind: Type.Union([Type.Literal('value'), Type.Literal('missing'), Type.Literal('level')]),
    column: Type.String({ minLength: 1 }),
    level: Type.Optional(Type.Integer({ minimum: 0 })),
    median: Type.Optional(Type.Number()),
    mean: Type.Number(),
    scale: Type.Number({ exclusiveMinimum: 0 }),
    /** Coefficient on the standardised feature. */
    weight: Type.Number(),
  },
  { additionalProperties: false },
);

const Training = Type.Object(
  {
    rows: Type.Integer({ minimum: 1 }),
    weightSum: Type.Number({ exclusiveMinimum: 0 }),
    iterations: Type.Integer({ minimum: 0 }),
    evaluations: Type.Integer({ minimum: 0 }),
    stopReason: Type.Union([
      Type.Literal('gradient'),
      Type.Literal('relative-change'),
      Type.Literal('max-iterations'),
      Type.Literal('line-search'),
    ]),
    converged: Type.Boolean(),
    objective: Type.Number(),
    gradientMaxAbs: Type.Number({ minimum: 0 }),
    seconds: Type.Number({ minimum: 0 }),
  },
  { additionalProperties: false },
);

/** The saved model: preprocessing, coefficients and how the fit went. */
export const LogisticRegressionJson = Type.Object(
  {
    format: Type.Literal(LOGREG_FORMAT),
    formatVersion: Type.Literal(1),
    /** Inverse L2 strength, sklearn's C. */
    C: Type.Number({ exclusiveMinimum: 0 }),
    intercept: Type.Number(),
    /** Matrix columns read, in order of first use. */
    columns: Type.Array(Type.String()),
    features: Type.Array(Feature),
    training: Training,
  },
  { additionalProperties: false },
);
export type LogisticRegressionJson = Static<typeof LogisticRegressionJson>;

function invalid(reason: string): ClairscoreError {
  return new ClairscoreError(
    'CS_ERR_BAD_VALUE',
    `This is not a valid logistic regression model file (${reason}): train the model again or restore the file.`,
    { reason },
  );
}

/** Parses and checks a saved model: its shape, then what the shape cannot say. */
export function parseLogisticRegressionJson(input: string | unknown): LogisticRegressionJson {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw invalid(`not JSON: ${(error as Error).message}`);
    }
  }
  if (!Value.Check(LogisticRegressionJson, value)) {
    const first = Value.Errors(LogisticRegressionJson, value).First();
    throw invalid(first ? `${first.path || '/'}: ${first.message}` : 'unexpected shape');
  }
  const json = value;
  const numbers = [json.C, json.intercept, ...json.features.flatMap((f) => [f.mean, f.scale, f.weight])];
  if (!numbers.every(Number.isFinite)) throw invalid('a non-finite number');
  const names = new Set<string>();
  const columns: string[] = [];
  const kinds = new Map<string, Set<string>>();
  for (const f of json.features) {
    const expected =
      f.kind === 'value'
        ? f.column
        : f.kind === 'missing'
          ? missingName(f.column)
          : levelName(f.column, f.level ?? -1);
    if (f.name !== expected) throw invalid(`feature ${f.name} should be named ${expected}`);
    if (names.has(f.name)) throw invalid(`feature ${f.name} appears twice`);
    names.add(f.name);
    if ((f.kind === 'level') !== (f.level !== undefined))
      throw invalid(`feature ${f.name}: level only on levels`);
    if ((f.kind === 'value') !== (f.median !== undefined && Number.isFinite(f.median)))
      throw invalid(`feature ${f.name}: a finite median on values only`);
    let seen = kinds.get(f.column);
    if (!seen) {
      kinds.set(f.column, (seen = new Set()));
      columns.push(f.column);
    }
    seen.add(f.kind);
    if (seen.has('value') && seen.has('level'))
      throw invalid(`column ${f.column} is both numeric and categorical`);
  }
  if (columns.length !== json.columns.length || columns.some((c, i) => c !== json.columns[i]))
    throw invalid('columns do not list the features’ columns in order');
  return json;
}
