import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';

import { COL, type AppRow } from '../src/data/generate/application/columns.js';
import type { HistorySignals } from '../src/data/generate/types.js';
import { COLUMN_FACTS } from '../src/data/schema/index.js';

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `cs-gen-${prefix}-`));
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** A CSV file as rows of raw fields (header first), quotes resolved. */
export function readCsv(file: string): string[][] {
  return parse(readFileSync(file, 'utf8'), { relaxColumnCount: false }) as string[][];
}

export function firstLine(file: string): string {
  const text = readFileSync(file, 'utf8');
  return text.slice(0, text.indexOf('\n'));
}

const TRAIN = COLUMN_FACTS.application_train;

/** Parses a written application line (train or test layout) back into typed values. */
export function parseAppRow(header: readonly string[], fields: readonly string[]): AppRow {
  const row: AppRow = new Array(TRAIN.length).fill(null);
  header.forEach((name, i) => {
    const text = fields[i]!;
    const at = COL[name as keyof typeof COL];
    if (text === '') return;
    row[at] = TRAIN[at]!.dtype === 'string' ? text : Number(text);
  });
  return row;
}

type Json = Record<string, unknown>;

/** Runs queries over the CSV files of a folder (one view per Kaggle table, typed as in the schema). */
export async function queryFolder(dir: string, ...sql: readonly string[]): Promise<Json[][]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const table of Object.keys(COLUMN_FACTS) as (keyof typeof COLUMN_FACTS)[]) {
      const types = COLUMN_FACTS[table]
        .map(
          (c) =>
            `'${c.name}': '${c.dtype === 'int' ? 'BIGINT' : c.dtype === 'float' ? 'DOUBLE' : 'VARCHAR'}'`,
        )
        .join(', ');
      await connection.run(
        `CREATE VIEW ${table} AS SELECT * FROM read_csv('${path.join(dir, `${table}.csv`)}', header = true, columns = {${types}})`,
      );
    }
    const results: Json[][] = [];
    for (const text of sql) results.push((await connection.runAndReadAll(text)).getRowObjectsJS() as Json[]);
    return results;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const STATUS_RANK: Readonly<Record<string, number>> = {
  C: 0,
  X: 0,
  '0': 0,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 5,
};

/**
 * HistorySignals of some clients recomputed from the written secondary files alone,
 * following the definitions in types.ts (missing values never count as late or short).
 */
export async function signalsFromFiles(
  dir: string,
  clients: readonly number[],
): Promise<Map<number, HistorySignals>> {
  const ids = clients.join(', ');
  const [bureau, balance, previous, instalments, pos, card] = (await queryFolder(
    dir,
    `SELECT SK_ID_CURR, CREDIT_ACTIVE, CREDIT_DAY_OVERDUE, AMT_CREDIT_SUM_DEBT FROM bureau WHERE SK_ID_CURR IN (${ids})`,
    `SELECT b.SK_ID_CURR, bb.STATUS FROM bureau_balance bb JOIN bureau b USING (SK_ID_BUREAU) WHERE b.SK_ID_CURR IN (${ids})`,
    `SELECT SK_ID_CURR, NAME_CONTRACT_STATUS FROM previous_application WHERE SK_ID_CURR IN (${ids})`,
    `SELECT SK_ID_CURR, DAYS_INSTALMENT, DAYS_ENTRY_PAYMENT, AMT_INSTALMENT, AMT_PAYMENT FROM installments_payments WHERE SK_ID_CURR IN (${ids})`,
    `SELECT SK_ID_CURR, SK_DPD FROM POS_CASH_balance WHERE SK_ID_CURR IN (${ids})`,
    `SELECT SK_ID_CURR, AMT_BALANCE, AMT_CREDIT_LIMIT_ACTUAL FROM credit_card_balance WHERE SK_ID_CURR IN (${ids})`,
  )) as [Json[], Json[], Json[], Json[], Json[], Json[]];
  const of = (rows: Json[], id: number): Json[] => rows.filter((r) => Number(r.SK_ID_CURR) === id);
  const n = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  const result = new Map<number, HistorySignals>();
  for (const id of clients) {
    const b = of(bureau, id);
    const active = b.filter((r) => r.CREDIT_ACTIVE === 'Active');
    const inst = of(instalments, id);
    let late = 0;
    let maxLate = 0;
    let short = 0;
    for (const r of inst) {
      const entry = n(r.DAYS_ENTRY_PAYMENT);
      const due = n(r.DAYS_INSTALMENT)!;
      if (entry !== null && entry - due > 0) {
        late++;
        maxLate = Math.max(maxLate, entry - due);
      }
      const paid = n(r.AMT_PAYMENT);
      if (paid !== null && paid < n(r.AMT_INSTALMENT)!) short++;
    }
    const months = of(card, id).filter((r) => (n(r.AMT_CREDIT_LIMIT_ACTUAL) ?? 0) > 0);
    const prev = of(previous, id);
    result.set(id, {
      bureauCount: b.length,
      bureauActiveCount: active.length,
      bureauMaxDaysOverdue: Math.max(0, ...b.map((r) => n(r.CREDIT_DAY_OVERDUE) ?? 0)),
      bureauWorstStatus: Math.max(0, ...of(balance, id).map((r) => STATUS_RANK[String(r.STATUS)] ?? 0)),
      bureauActiveDebt: active.reduce((s, r) => s + (n(r.AMT_CREDIT_SUM_DEBT) ?? 0), 0),
      prevCount: prev.length,
      prevRefusedCount: prev.filter((r) => r.NAME_CONTRACT_STATUS === 'Refused').length,
      instCount: inst.length,
      instLateCount: late,
      instMaxDaysLate: maxLate,
      instShortfallCount: short,
      posMaxDpd: Math.max(0, ...of(pos, id).map((r) => n(r.SK_DPD) ?? 0)),
      ccMeanUtilisation:
        months.length === 0
          ? null
          : months.reduce((s, r) => s + n(r.AMT_BALANCE)! / n(r.AMT_CREDIT_LIMIT_ACTUAL)!, 0) / months.length,
    });
  }
  return result;
}

/** Pearson correlation of paired values. */
export function correlation(pairs: readonly (readonly [number, number])[]): number {
  const n = pairs.length;
  const mx = pairs.reduce((s, p) => s + p[0], 0) / n;
  const my = pairs.reduce((s, p) => s + p[1], 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

export { COL };
