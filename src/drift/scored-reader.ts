/**
 * Reads the applications the scoring service stored: workspace/scored/YYYY-MM-DD.jsonl (UTC
 * day), one JSON object per line, {scoredAt, modelVersion, probability, application}.
 * The service may be writing the newest file: a last line without its newline that does not
 * parse is a truncated write, skipped and reported. Any other bad line is an error naming
 * the file, the line and what is wrong.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { ClairscoreError } from '../core/index.js';
import { tableSpec } from '../data/index.js';
import type { ColumnSpec } from './column-drift.js';
import type { ColumnValues } from './column-values.js';
import { memorySource, type DataSource } from './data-source.js';

export type FieldValue = string | number | null;

export interface ScoredApplication {
  readonly scoredAt: string;
  readonly modelVersion: string;
  readonly probability: number;
  readonly application: Readonly<Record<string, FieldValue>>;
  /** Where the line was read (for error messages). */
  readonly file: string;
  readonly line: number;
}

export interface SkippedLine {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

export interface ScoredSet {
  readonly applications: readonly ScoredApplication[];
  /** Files read, in day order. */
  readonly files: readonly string[];
  readonly skipped: readonly SkippedLine[];
}

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;

/** --since: an ISO date (2026-11-01, UTC midnight) or date-time; a usage error otherwise. */
export function parseSince(text: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00.000Z`) : new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime())) {
    throw new ClairscoreError(
      'CS_ERR_USAGE',
      `--since must be an ISO date such as 2026-11-01 or 2026-11-01T08:00:00Z (got "${text}").`,
    );
  }
  return date;
}

function malformed(file: string, line: number, reason: string): ClairscoreError {
  return new ClairscoreError(
    'CS_ERR_MALFORMED_SCORED',
    `${file}, line ${line}: ${reason}. The scored files are written by the scoring service; fix or move the file aside.`,
    { file, line, reason },
  );
}

/** The problem with one parsed line, or undefined when it is a valid scored application. */
function problemOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const record = value as Record<string, unknown>;
  if (typeof record.scoredAt !== 'string' || Number.isNaN(Date.parse(record.scoredAt))) {
    return 'scoredAt must be an ISO date-time string';
  }
  if (typeof record.modelVersion !== 'string') return 'modelVersion must be a string';
  const p = record.probability;
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) return 'probability must be a number between 0 and 1';
  const app = record.application;
  if (typeof app !== 'object' || app === null || Array.isArray(app)) return 'application must be an object';
  for (const [field, v] of Object.entries(app)) {
    if (v !== null && typeof v !== 'string' && typeof v !== 'number') {
      return `application.${field} must be a number, a string or null`;
    }
  }
  return undefined;
}

/** Every scored application in `folder` scored at or after `since` (all when undefined). */
export function readScoredApplications(folder: string, since?: Date): ScoredSet {
  if (!existsSync(folder)) return { applications: [], files: [], skipped: [] };
  const firstDay = since?.toISOString().slice(0, 10);
  const names = readdirSync(folder)
    .filter((n) => DAY_FILE.test(n))
    .filter((n) => firstDay === undefined || n.slice(0, 10) >= firstDay)
    .sort();
  const applications: ScoredApplication[] = [];
  const skipped: SkippedLine[] = [];
  const files: string[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    files.push(file);
    const lines = readFileSync(file, 'utf8').split('\n');
    const terminated = lines.at(-1) === '';
    if (terminated) lines.pop();
    lines.forEach((text, index) => {
      const line = index + 1;
      if (text.trim() === '') return;
      const last = index === lines.length - 1 && !terminated;
      let value: unknown;
      try {
        value = JSON.parse(text) as unknown;
      } catch (error) {
        if (last) {
          skipped.push({ file, line, reason: `truncated last line (${text.length} characters, no newline)` });
          return;
        }
        throw malformed(file, line, `not valid JSON (${(error as Error).message})`);
      }
      const problem = problemOf(value);
      if (problem !== undefined) throw malformed(file, line, problem);
      const record = value as Omit<ScoredApplication, 'file' | 'line'>;
      if (since !== undefined && Date.parse(record.scoredAt) < since.getTime()) return;
      applications.push({ ...record, file, line });
    });
  }
  return { applications, files, skipped };
}

/**
 * The scored applications as a data set. Columns are application_train's (typed by the
 * schema) that appear in at least one application, plus unknown fields (listed as such).
 */
export function scoredSource(set: ScoredSet, name = 'scored applications'): DataSource {
  const known = new Map(tableSpec('application_train').columns.map((c) => [c.name, c.type]));
  const seen = new Set<string>();
  for (const a of set.applications) for (const field of Object.keys(a.application)) seen.add(field);
  const columns: ColumnSpec[] = [
    ...[...known].filter(([n]) => seen.has(n)).map(([n, storage]) => ({ name: n, storage })),
    ...[...seen].filter((n) => !known.has(n)).map((n) => ({ name: n, storage: 'string' as const })),
  ];
  const rows = set.applications.length;
  const values: Record<string, ColumnValues> = {};
  for (const column of columns) {
    if (column.storage === 'string') {
      values[column.name] = set.applications.map((a) => {
        const v = a.application[column.name];
        return v === undefined || v === null ? null : String(v);
      });
      continue;
    }
    const numbers = new Float64Array(rows);
    set.applications.forEach((a, i) => {
      const v = a.application[column.name];
      if (typeof v === 'string') {
        throw malformed(a.file, a.line, `application.${column.name} must be a number (got "${v}")`);
      }
      numbers[i] = v === undefined || v === null ? Number.NaN : v;
    });
    values[column.name] = numbers;
  }
  return memorySource(name, columns, values);
}
