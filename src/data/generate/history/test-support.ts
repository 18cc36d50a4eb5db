import { parse } from 'csv-parse/sync';

import { Rng } from '../../../core/index.js';
import type { Applicant, ClientHistory, HistoryRows, IdCounters } from '../types.js';
import { HISTORY_HEADERS } from './headers.js';
import { generateHistory } from './index.js';
import { sampleApplicant } from './sample-applicants.js';

/** Helpers shared by the history tests: generate many clients, parse their rows back. */

export type HistoryTable = keyof HistoryRows;
export const HISTORY_TABLES = Object.keys(HISTORY_HEADERS) as HistoryTable[];

export interface HistorySample {
  readonly applicants: Applicant[];
  readonly histories: ClientHistory[];
  readonly ids: IdCounters;
  /** All clients' lines per table, in generation order. */
  readonly lines: Record<HistoryTable, string[]>;
}

export function generateSample(
  count: number,
  seed = 1,
  override: (index: number) => Partial<Applicant> = () => ({}),
): HistorySample {
  const applicantRng = new Rng(seed, 101);
  const rng = new Rng(seed, 202);
  const ids: IdCounters = { nextBureauId: 5_000_000, nextPrevId: 1_000_000 };
  const applicants: Applicant[] = [];
  const histories: ClientHistory[] = [];
  const lines = Object.fromEntries(HISTORY_TABLES.map((t) => [t, [] as string[]])) as Record<
    HistoryTable,
    string[]
  >;
  for (let i = 0; i < count; i++) {
    const applicant = sampleApplicant(applicantRng, 100002 + i, override(i));
    const history = generateHistory(rng, applicant, ids);
    applicants.push(applicant);
    histories.push(history);
    for (const t of HISTORY_TABLES) for (const line of history.rows[t]) lines[t].push(line);
  }
  return { applicants, histories, ids, lines };
}

export type Row = Record<string, string>;

/** Lines of one table parsed as a CSV reader sees them, keyed by the real header names. */
export function parseRows(table: HistoryTable, lines: readonly string[]): Row[] {
  if (lines.length === 0) return [];
  return parse(lines.join('\n'), {
    columns: HISTORY_HEADERS[table].split(','),
    relax_column_count: false,
  }) as Row[];
}

/** A numeric field; NaN when empty. */
export function num(value: string | undefined): number {
  return value === undefined || value === '' ? NaN : Number(value);
}

export function groupBy(rows: readonly Row[], key: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const k = row[key]!;
    const g = groups.get(k);
    if (g) g.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export function share(rows: readonly Row[], test: (row: Row) => boolean): number {
  let n = 0;
  for (const row of rows) if (test(row)) n++;
  return rows.length === 0 ? NaN : n / rows.length;
}
