import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { openDatabaseFile } from '../src/data/database.js';
import { splitCsvRecord } from '../src/data/ingest/csv-scan.js';
import { runCli, SHARED_SAMPLES } from './cli.js';

/** A fresh temporary folder. */
export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `cs-${prefix}-`));
}

/** Copies the first `rows` data rows of every file of a real sample folder into `dir`. */
export function copySample(sample: string, dir: string, rows: number): string {
  mkdirSync(dir, { recursive: true });
  const from = path.join(SHARED_SAMPLES, sample);
  for (const name of readdirSync(from).filter((n) => n.endsWith('.csv'))) {
    const lines = readFileSync(path.join(from, name), 'utf8').split('\n');
    writeFileSync(path.join(dir, name), `${lines.slice(0, rows + 1).join('\n')}\n`);
  }
  return dir;
}

export function copyDir(from: string, to: string): string {
  cpSync(from, to, { recursive: true });
  return to;
}

/** A CSV file as rows of fields, header first (files without line breaks inside fields). */
export function readCsv(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map(splitCsvRecord);
}

export function writeCsv(file: string, rows: readonly (readonly string[])[]): void {
  const quote = (f: string): string => (/[",\n\r]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  writeFileSync(file, `${rows.map((r) => r.map(quote).join(',')).join('\n')}\n`);
}

/** Sets one field: `line` is the 1-based file line (header = 1), `column` a header name. */
export function setField(file: string, line: number, column: string, value: string): void {
  const rows = readCsv(file);
  const index = rows[0]!.indexOf(column);
  if (index < 0 || !rows[line - 1]) throw new Error(`no ${column} at line ${line} of ${file}`);
  rows[line - 1]![index] = value;
  writeCsv(file, rows);
}

export function getField(file: string, line: number, column: string): string {
  const rows = readCsv(file);
  return rows[line - 1]![rows[0]!.indexOf(column)]!;
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Row count of every user table of a DuckDB file, opened read-only. */
export async function tableCounts(dbPath: string): Promise<Record<string, number>> {
  const db = await openDatabaseFile(dbPath, { readOnly: true });
  try {
    const tables = await db.query(`SELECT table_name FROM duckdb_tables() ORDER BY table_name`);
    const counts: Record<string, number> = {};
    for (const t of tables) {
      const [row] = await db.query(`SELECT count(*) AS n FROM "${String(t.table_name)}"`);
      counts[String(t.table_name)] = Number(row!.n);
    }
    return counts;
  } finally {
    db.close();
  }
}

export interface IngestRun {
  readonly status: number | null;
  readonly stderr: string;
  /** Parsed --json output: the summary, or { error } on failure. */
  readonly json: Record<string, unknown> & {
    error?: { code: string; message: string; details: Record<string, unknown> };
  };
}

/** Runs `clairscore ingest --json` as a user would. */
export function ingest(dataDir: string, workspace: string, ...flags: string[]): IngestRun {
  const run = runCli(['ingest', '--data', dataDir, '--workspace', workspace, '--json', ...flags]);
  let json: IngestRun['json'];
  try {
    json = JSON.parse(run.stdout) as IngestRun['json'];
  } catch {
    throw new Error(`ingest printed no JSON (status ${run.status}): ${run.stdout}\n${run.stderr}`);
  }
  return { status: run.status, stderr: run.stderr, json };
}
