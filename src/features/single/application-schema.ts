import { Type, type TObject, type TSchema } from '@sinclair/typebox';

import { COLUMN_FACTS, tableSpec, type ColumnSpec, type TableName } from '../../data/index.js';
import { HISTORY_TABLES } from './application-input.js';

const MAX_ID = Number.MAX_SAFE_INTEGER;

/** The JSON type of a column; the description is the message shown when a value has the wrong type. */
function valueSchema(column: ColumnSpec, required: boolean): TSchema {
  const base =
    column.type === 'int'
      ? Type.Integer({ minimum: -MAX_ID, maximum: MAX_ID })
      : column.type === 'float'
        ? Type.Number()
        : Type.String({ maxLength: 200 });
  const noun = column.type === 'int' ? 'an integer' : column.type === 'float' ? 'a number' : 'a string';
  if (required) return { ...base, description: `expected ${noun}` };
  return Type.Optional(Type.Union([base, Type.Null()], { description: `expected ${noun} or null` }));
}

/** Missing in a handful of real rows (12, 2 and 1 of 307,511): their rounded missing rate reads 0. */
const RARELY_MISSING = new Set(['AMT_ANNUITY', 'CNT_FAM_MEMBERS', 'DAYS_LAST_PHONE_CHANGE']);

/** Application fields missing nowhere in the real table are required; the others may be null or absent. */
function applicationRequired(name: string): boolean {
  if (name === 'TARGET' || RARELY_MISSING.has(name)) return false;
  const facts = COLUMN_FACTS.application_train.find((c) => c.name === name);
  return facts !== undefined && facts.missingRate === 0;
}

function rowSchema(table: TableName): TObject {
  const spec = tableSpec(table);
  // the child's SK_ID_CURR may be left out: it is the application's
  const required = (name: string): boolean => spec.keyColumns.includes(name) && name !== 'SK_ID_CURR';
  const properties = Object.fromEntries(spec.columns.map((c) => [c.name, valueSchema(c, required(c.name))]));
  return Type.Object(properties, { additionalProperties: false });
}

/**
 * One application as JSON: the application_train fields (TARGET optional) plus optional
 * arrays of its history rows under the real table names. Unknown fields are refused, so a
 * misspelt field is reported rather than silently read as missing.
 */
export function applicationJsonSchema(): TObject {
  const application = tableSpec('application_train').columns.map((c) => [
    c.name,
    valueSchema(c, applicationRequired(c.name)),
  ]);
  const history = HISTORY_TABLES.map((t) => [
    t,
    Type.Optional(Type.Array(rowSchema(t), { maxItems: 100_000 })),
  ]);
  return Type.Object(Object.fromEntries([...application, ...history]), { additionalProperties: false });
}
