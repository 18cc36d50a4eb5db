import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValueErrorType } from '@sinclair/typebox/errors';

import { ClairscoreError } from '../../core/index.js';
import {
  HISTORY_TABLES,
  type ApplicationInput,
  type HistoryTable,
  type InputRow,
} from './application-input.js';
import { applicationJsonSchema } from './application-schema.js';
import { checkRow, type Problem } from './domain-checks.js';

const compiled = TypeCompiler.Compile(applicationJsonSchema());
const UNIQUE_KEYS: Partial<Record<HistoryTable, string>> = {
  bureau: 'SK_ID_BUREAU',
  previous_application: 'SK_ID_PREV',
};

type JsonObject = Readonly<Record<string, unknown>>;
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** TypeBox's errors, one per path (the first is the most telling), in plain words. */
function typeProblems(value: unknown): Problem[] {
  if (compiled.Check(value)) return []; // the compiled check is fast; listing errors is not
  const byPath = new Map<string, Problem>();
  for (const error of compiled.Errors(value)) {
    if (byPath.has(error.path)) continue;
    const message =
      error.type === ValueErrorType.ObjectRequiredProperty
        ? 'required field is missing'
        : error.type === ValueErrorType.ObjectAdditionalProperties
          ? 'unknown field'
          : (error.schema.description ?? error.message.replace(/^Expected/, 'expected'));
    byPath.set(error.path, { path: error.path, message });
  }
  return [...byPath.values()];
}

/** Domain checks on whatever has the right shape, so one answer lists every problem. */
function domainProblems(value: JsonObject): Problem[] {
  const problems = checkRow('application', value, '');
  const id = value.SK_ID_CURR;
  for (const table of HISTORY_TABLES) {
    const rows = value[table];
    if (!Array.isArray(rows)) continue;
    const seen = new Set<unknown>();
    rows.forEach((row: unknown, i) => {
      if (!isObject(row)) return;
      const path = `/${table}/${i}`;
      problems.push(...checkRow(table, row, path));
      if (row.SK_ID_CURR !== undefined && row.SK_ID_CURR !== null && row.SK_ID_CURR !== id) {
        problems.push({
          path: `${path}/SK_ID_CURR`,
          message: `belongs to another application (${String(id)} expected)`,
        });
      }
      const key = UNIQUE_KEYS[table];
      if (key && row[key] !== undefined) {
        if (seen.has(row[key]))
          problems.push({ path: `${path}/${key}`, message: `duplicate ${key} ${String(row[key])}` });
        seen.add(row[key]);
      }
    });
  }
  return problems;
}

/** Throws one error listing every problem (path and message). */
function refuse(problems: readonly Problem[]): never {
  const shown = problems.slice(0, 10).map((p) => `${p.path || '(document)'}: ${p.message}`);
  const more = problems.length > shown.length ? `; and ${problems.length - shown.length} more` : '';
  throw new ClairscoreError(
    'CS_ERR_INVALID_APPLICATION',
    `The application is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${shown.join('; ')}${more}.`,
    { problems },
  );
}

/**
 * Checks one application given as parsed JSON: shape and types (TypeBox), then categories,
 * signs, flags and keys. Returns the typed input, each history row tied to the application.
 */
export function validateApplication(value: unknown): ApplicationInput {
  const problems = typeProblems(value);
  if (isObject(value)) problems.push(...domainProblems(value));
  if (problems.length > 0 || !isObject(value)) refuse(problems);
  const id = value.SK_ID_CURR as number;
  const {
    bureau,
    bureau_balance,
    previous_application,
    POS_CASH_balance,
    installments_payments,
    credit_card_balance,
    ...application
  } = value;
  const rows = (table: unknown, withId: boolean): InputRow[] =>
    Array.isArray(table) ? table.map((row: InputRow) => (withId ? { ...row, SK_ID_CURR: id } : row)) : [];
  return {
    application: application as InputRow,
    history: {
      bureau: rows(bureau, true),
      bureau_balance: rows(bureau_balance, false),
      previous_application: rows(previous_application, true),
      POS_CASH_balance: rows(POS_CASH_balance, true),
      installments_payments: rows(installments_payments, true),
      credit_card_balance: rows(credit_card_balance, true),
    },
  };
}

/** Parses and validates an application given as JSON text; malformed JSON is one more listed problem. */
export function parseApplicationJson(text: string): ApplicationInput {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    refuse([{ path: '', message: `malformed JSON: ${(error as Error).message}` }]);
  }
  return validateApplication(value);
}
