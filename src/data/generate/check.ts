import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

import { DuckDBInstance } from '@duckdb/node-api';

import { ClairscoreError } from '../../core/index.js';
import { COLUMN_FACTS, SQL_TYPE, TABLE_NAMES, type ColumnFacts } from '../schema/index.js';
import { countLines } from './line-count.js';

/** One application column, generated against the real reference. */
export interface ColumnCheck {
  readonly column: string;
  readonly missing: { readonly generated: number; readonly reference: number };
  /** Median for numeric columns, most frequent level for categorical ones. */
  readonly stat: 'median' | 'top';
  readonly generated: number | string | null;
  readonly reference: number | string;
  /** Share of the top level among non-missing values (categorical only). */
  readonly share?: { readonly generated: number; readonly reference: number };
  /** Why the column differs beyond tolerance; absent when it matches. */
  readonly flag?: string;
}

export interface CheckReport {
  readonly dir: string;
  readonly trainRows: number;
  readonly targetRate: { readonly generated: number; readonly reference: number };
  /** Data rows of each Kaggle file (null when the file is absent). */
  readonly files: readonly { readonly file: string; readonly rows: number | null }[];
  readonly bureauPerClient: number | null;
  readonly previousPerClient: number | null;
  readonly columns: readonly ColumnCheck[];
  readonly flagged: number;
}

const REFERENCE_TARGET_RATE = 0.080729;
/**
 * Tolerances, each plus three standard errors of sampling noise: missing share +-2 points;
 * the real median must lie between the generated 45th and 55th percentiles (robust for
 * clustered values such as incomes on multiples of 22,500); top-level share +-3 points.
 */
const MISSING_TOLERANCE = 0.02;
const MEDIAN_RANK_TOLERANCE = 0.05;
const SHARE_TOLERANCE = 0.03;
/** Identifiers and the label are not compared column-wise (the TARGET rate is reported apart). */
const NOT_COMPARED = new Set(['SK_ID_CURR', 'TARGET']);

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * Compares a generated (or real) data set with the reference statistics of SCHEMA.md:
 * per application_train column, missing share and median or top level; plus the TARGET
 * rate, row counts of all eight files and secondary rows per client.
 */
export async function checkDataset(dir: string): Promise<CheckReport> {
  const resolved = path.resolve(dir);
  const trainPath = path.join(resolved, 'application_train.csv');
  if (!existsSync(trainPath) || !statSync(trainPath).isFile()) {
    throw new ClairscoreError(
      'CS_ERR_INPUT_NOT_FOUND',
      `No application_train.csv in ${resolved}: point --check at a folder written by \`clairscore generate\` (or the Kaggle download).`,
    );
  }
  const facts = COLUMN_FACTS.application_train;
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const columns = `{${facts.map((f) => `${literal(f.name)}: ${literal(SQL_TYPE[f.dtype])}`).join(', ')}}`;
    try {
      await connection.run(
        `CREATE TABLE app AS SELECT * FROM read_csv(${literal(trainPath)}, header = true, columns = ${columns})`,
      );
    } catch (error) {
      throw new ClairscoreError(
        'CS_ERR_NOT_CSV',
        `${trainPath} is not an application_train file with the Kaggle columns: ${(error as Error).message}`,
      );
    }
    const numeric = facts.filter((f) => f.dtype !== 'string');
    // Per numeric column: its median, and the shares of values below / at most the real median.
    const aggregates = [
      'count(*) AS n',
      ...facts.map((f, i) => `count(${quote(f.name)}) AS c${i}`),
      ...numeric.flatMap((f) => {
        const i = facts.indexOf(f);
        const c = quote(f.name);
        const m = f.quantiles!.p50!;
        return [
          `quantile_cont(${c}, 0.5) AS m${i}`,
          `avg((${c} < ${m})::INT) AS lt${i}`,
          `avg((${c} <= ${m})::INT) AS le${i}`,
        ];
      }),
    ];
    const reader = await connection.runAndReadAll(`SELECT ${aggregates.join(', ')} FROM app`);
    const stats = reader.getRowObjectsJS()[0]!;
    const n = Number(stats.n);
    const checks: ColumnCheck[] = [];
    for (const [i, f] of facts.entries()) {
      if (NOT_COMPARED.has(f.name)) continue;
      const generatedMissing = n === 0 ? 0 : 1 - Number(stats[`c${i}`]) / n;
      const missing = { generated: generatedMissing, reference: f.missingRate };
      if (f.dtype === 'string') {
        const c = quote(f.name);
        const top = await connection.runAndReadAll(
          `SELECT ${c} AS level, count(*) AS k FROM app WHERE ${c} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
        );
        const row = top.getRowObjectsJS()[0];
        const present = Number(stats[`c${i}`]);
        const ofReference = await connection.runAndReadAll(
          `SELECT count(*) AS k FROM app WHERE ${c} = ${literal(f.levels![0]![0])}`,
        );
        const referenceShare = present > 0 ? Number(ofReference.getRowObjectsJS()[0]!.k) / present : 0;
        checks.push(
          categoricalCheck(
            f,
            missing,
            n,
            row ? String(row.level) : null,
            row ? Number(row.k) / present : 0,
            referenceShare,
          ),
        );
      } else {
        const median = stats[`m${i}`];
        const rank = { below: Number(stats[`lt${i}`] ?? 0), atOrBelow: Number(stats[`le${i}`] ?? 0) };
        checks.push(
          numericCheck(f, missing, n, median === null || median === undefined ? null : Number(median), rank),
        );
      }
    }
    const target = await connection.runAndReadAll('SELECT avg(TARGET) AS rate FROM app');
    const rate = Number(target.getRowObjectsJS()[0]!.rate ?? 0);
    const files = await Promise.all(
      TABLE_NAMES.map(async (name) => {
        const file = path.join(resolved, `${name}.csv`);
        return {
          file: `${name}.csv`,
          rows: existsSync(file) ? Math.max(0, (await countLines(file)) - 1) : null,
        };
      }),
    );
    const rowsOf = (name: string): number | null => files.find((f) => f.file === `${name}.csv`)?.rows ?? null;
    const clients = (rowsOf('application_train') ?? 0) + (rowsOf('application_test') ?? 0);
    const perClient = (name: string): number | null => {
      const rows = rowsOf(name);
      return rows === null || clients === 0 ? null : rows / clients;
    };
    return {
      dir: resolved,
      trainRows: n,
      targetRate: { generated: rate, reference: REFERENCE_TARGET_RATE },
      files,
      bureauPerClient: perClient('bureau'),
      previousPerClient: perClient('previous_application'),
      columns: checks,
      flagged: checks.filter((c) => c.flag !== undefined).length,
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Sampling noise of a share p measured on n rows (three standard errors). */
const noise = (p: number, n: number): number => (n > 0 ? 3 * Math.sqrt((p * (1 - p)) / n) : 1);

function missingFlag(missing: ColumnCheck['missing'], n: number): string | undefined {
  const tolerance = MISSING_TOLERANCE + noise(missing.reference, n);
  return Math.abs(missing.generated - missing.reference) > tolerance ? 'missing share' : undefined;
}

function numericCheck(
  f: ColumnFacts,
  missing: ColumnCheck['missing'],
  n: number,
  median: number | null,
  rank: { below: number; atOrBelow: number },
): ColumnCheck {
  const reference = f.quantiles!.p50!;
  const tolerance = MEDIAN_RANK_TOLERANCE + noise(0.5, n);
  const offMedian = median === null || rank.below > 0.5 + tolerance || rank.atOrBelow < 0.5 - tolerance;
  const flags = [missingFlag(missing, n), offMedian ? 'median' : undefined].filter((x) => x !== undefined);
  return {
    column: f.name,
    missing,
    stat: 'median',
    generated: median,
    reference,
    ...(flags.length ? { flag: flags.join(', ') } : {}),
  };
}

function categoricalCheck(
  f: ColumnFacts,
  missing: ColumnCheck['missing'],
  n: number,
  top: string | null,
  share: number,
  /** Generated share of the real top level (a near tie may make another level top). */
  shareOfReference: number,
): ColumnCheck {
  const [reference, referenceShare] = f.levels![0]!;
  const offShare = Math.abs(shareOfReference - referenceShare) > SHARE_TOLERANCE + noise(referenceShare, n);
  const flags = [missingFlag(missing, n), offShare ? `${reference} share` : undefined].filter(
    (x) => x !== undefined,
  );
  return {
    column: f.name,
    missing,
    stat: 'top',
    generated: top,
    reference,
    share: { generated: share, reference: referenceShare },
    ...(flags.length ? { flag: flags.join(', ') } : {}),
  };
}
