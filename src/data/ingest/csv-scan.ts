import { open } from 'node:fs/promises';

/**
 * A small CSV reader with DuckDB's reading rules (quote '"', escape '""', a quote opens a
 * quoted field only at the start of a field, blank lines skipped). Used on the header line
 * and on error paths only: the bulk load is DuckDB's.
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** Splits one CSV record (text without its final line break) into fields. */
export function splitCsvRecord(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (ch === '"' && atStart) {
      quoted = true;
      atStart = false;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      atStart = true;
    } else {
      field += ch;
      atStart = false;
    }
  }
  fields.push(field);
  return fields;
}

/** Where a data record sits in its file: 1-based line of its first character, and its text. */
export interface LocatedRecord {
  readonly line: number;
  readonly text: string;
}

const MAX_RECORD_TEXT = 64 * 1024;

/**
 * Finds data records by 0-based index (the order DuckDB loads them in, header excluded),
 * giving their real line numbers even when quoted fields span lines or blank lines are skipped.
 */
export async function locateRecords(
  path: string,
  indexes: readonly number[],
  columnCount: number,
): Promise<Map<number, LocatedRecord>> {
  const wanted = new Set(indexes);
  const found = new Map<number, { line: number; start: number; end: number }>();
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    let position = 0;
    let record = -1; // the header is record -1
    let line = 1;
    let recordLine = 1;
    let recordStart = 0;
    let blank = true;
    let quoted = false;
    let quotePending = false;
    let atStart = true;
    const finish = (end: number): void => {
      // DuckDB skips blank lines when a row has several columns.
      if (!blank || columnCount === 1) {
        if (wanted.has(record)) found.set(record, { line: recordLine, start: recordStart, end });
        record++;
      }
    };
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      for (let i = 0; i < bytesRead; i++) {
        const byte = buffer[i]!;
        if (quotePending) {
          quotePending = false;
          if (byte === QUOTE) continue; // an escaped quote inside a quoted field
          quoted = false;
        }
        if (quoted) {
          if (byte === QUOTE) quotePending = true;
          else if (byte === LF) line++;
          continue;
        }
        if (byte === LF) {
          finish(position + i);
          if (found.size === wanted.size) return await readTexts(handle, found);
          line++;
          recordLine = line;
          recordStart = position + i + 1;
          blank = true;
          atStart = true;
        } else if (byte !== CR) {
          blank = false;
          if (byte === QUOTE && atStart) quoted = true;
          atStart = byte === COMMA;
        }
      }
      position += bytesRead;
    }
    finish(position);
    return await readTexts(handle, found);
  } finally {
    await handle.close();
  }
}

async function readTexts(
  handle: Awaited<ReturnType<typeof open>>,
  found: Map<number, { line: number; start: number; end: number }>,
): Promise<Map<number, LocatedRecord>> {
  const result = new Map<number, LocatedRecord>();
  for (const [index, { line, start, end }] of found) {
    const length = Math.min(end - start, MAX_RECORD_TEXT);
    const bytes = Buffer.alloc(length);
    await handle.read(bytes, 0, length, start);
    const text = bytes.toString('utf8').replace(/\r$/, '');
    result.set(index, { line, text: text.startsWith('\uFEFF') ? text.slice(1) : text });
  }
  return result;
}
