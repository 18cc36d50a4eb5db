import { createReadStream, existsSync, statSync } from 'node:fs';

import { parse } from 'csv-parse';

import { ClairscoreError } from '../core/index.js';
import { tableSpec, type ColumnSpec } from '../data/index.js';

/** One data line of an applications CSV as the application JSON the feature engine takes. */
export interface CsvApplication {
  /** 1-based line in the file (the header is line 1). */
  readonly line: number;
  readonly json: Record<string, unknown>;
}

const APPLICATION_COLUMNS = new Map(tableSpec('application_train').columns.map((c) => [c.name, c]));

/** A CSV cell as a JSON value: empty is missing; a number column's text becomes a number when it is one. */
function cellValue(column: ColumnSpec, text: string): unknown {
  if (text === '') return null;
  if (column.type === 'string') return text;
  const value = Number(text);
  // A value that is not a number is passed on as text: validation names the field and the value.
  return Number.isFinite(value) && text.trim() !== '' ? value : text;
}

function checkHeader(file: string, header: readonly string[]): void {
  const unknown = header.filter((name) => !APPLICATION_COLUMNS.has(name));
  if (!header.includes('SK_ID_CURR') || unknown.length > 0) {
    const parts = [
      header.includes('SK_ID_CURR') ? '' : 'it has no SK_ID_CURR column',
      unknown.length > 0
        ? `unknown columns ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? '…' : ''}`
        : '',
    ].filter((part) => part !== '');
    throw new ClairscoreError(
      'CS_ERR_BAD_HEADER',
      `${file} is not in the application_train/application_test layout: ${parts.join('; ')}.`,
    );
  }
}

/**
 * Reads an applications CSV (application_train or application_test layout, TARGET optional).
 * A malformed file (no header, ragged lines, bad quoting) fails as a whole; bad values are
 * left for the per-row validation so each bad row is reported, not the file refused.
 */
export async function readApplicationsCsv(file: string): Promise<CsvApplication[]> {
  if (!existsSync(file))
    throw new ClairscoreError('CS_ERR_INPUT_NOT_FOUND', `The input file ${file} does not exist.`);
  if (statSync(file).size === 0)
    throw new ClairscoreError('CS_ERR_EMPTY_FILE', `The input file ${file} is empty.`);
  const applications: CsvApplication[] = [];
  let header: string[] | undefined;
  const parser = createReadStream(file).pipe(parse({ bom: true, info: true, relax_column_count: false }));
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (header === undefined) {
        header = record;
        checkHeader(file, header);
        continue;
      }
      const json: Record<string, unknown> = {};
      header.forEach((name, i) => {
        const value = cellValue(APPLICATION_COLUMNS.get(name)!, record[i] ?? '');
        if (value !== null) json[name] = value;
      });
      applications.push({ line: info.lines, json });
    }
  } catch (error) {
    if (error instanceof ClairscoreError) throw error;
    throw new ClairscoreError(
      'CS_ERR_MALFORMED_CSV',
      `${file} is not a readable CSV: ${(error as Error).message}`,
    );
  }
  if (header === undefined)
    throw new ClairscoreError('CS_ERR_EMPTY_FILE', `The input file ${file} is empty.`);
  return applications;
}
