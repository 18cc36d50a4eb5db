import { open } from 'node:fs/promises';
import path from 'node:path';

import { ClairscoreError } from '../../core/index.js';
import { splitCsvRecord } from './csv-scan.js';

/** The first bytes read to check the content and find the header (a Kaggle header is < 4 KB). */
const SNIFF_BYTES = 1 << 20;

export interface FileHeader {
  /** Column names as written on line 1 (BOM, quotes and surrounding spaces removed). */
  readonly names: readonly string[];
  readonly bytes: number;
}

/**
 * Reads line 1 of a data file, after checking that the file is UTF-8 comma-separated text:
 * DuckDB would otherwise report a compressed or JSON file as a puzzling parse error.
 */
export async function readHeader(file: string): Promise<FileHeader> {
  const name = path.basename(file);
  const handle = await open(file, 'r').catch((error: Error) => {
    throw new ClairscoreError('CS_ERR_INPUT_NOT_FOUND', `Cannot read ${file}: ${error.message}`, { file });
  });
  let head: Buffer;
  let bytes: number;
  try {
    bytes = (await handle.stat()).size;
    head = Buffer.alloc(Math.min(bytes, SNIFF_BYTES));
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  if (bytes === 0) {
    throw new ClairscoreError(
      'CS_ERR_EMPTY_FILE',
      `${name} is empty (0 bytes): replace it with the Kaggle file.`,
      {
        file,
      },
    );
  }
  const notCsv = (what: string): ClairscoreError =>
    new ClairscoreError('CS_ERR_NOT_CSV', `${name} is not a CSV file: ${what}.`, { file });
  const binary = describeBinary(head);
  if (binary) throw notCsv(binary);

  const newline = head.indexOf(0x0a);
  if (newline < 0 && bytes > head.length) throw notCsv('line 1 is longer than 1 MB, so it is no CSV header');
  let line: string;
  try {
    line = new TextDecoder('utf-8', { fatal: true }).decode(newline < 0 ? head : head.subarray(0, newline));
  } catch {
    throw notCsv('line 1 is not UTF-8 text (save the file as UTF-8)');
  }
  line = line.replace(/^\uFEFF/, '').replace(/\r$/, '');
  const first = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()[0];
  if (first === undefined) {
    throw new ClairscoreError(
      'CS_ERR_EMPTY_FILE',
      `${name} holds only blank lines: replace it with the Kaggle file.`,
      {
        file,
      },
    );
  }
  if (first === '{' || first === '[') throw notCsv('it looks like JSON');
  if (first === '<') throw notCsv('it looks like HTML or XML (a download error page?)');
  const names = splitCsvRecord(line).map((n) => n.trim());
  if (names.length === 1) {
    const separator = [';', '\t', '|'].find((s) => line.includes(s));
    if (separator) {
      throw notCsv(
        `its fields are separated by ${JSON.stringify(separator)}, not by commas as in the Kaggle files`,
      );
    }
  }
  return { names, bytes };
}

/** Names the kind of binary content at the start of a file, or undefined when it looks like text. */
function describeBinary(head: Buffer): string | undefined {
  const startsWith = (...magic: number[]): boolean => magic.every((b, i) => head[i] === b);
  if (startsWith(0x1f, 0x8b)) return 'it is gzip-compressed (decompress it first, e.g. gunzip)';
  if (startsWith(0x50, 0x4b, 0x03, 0x04)) return 'it is a zip archive (unzip it first)';
  if (startsWith(0x28, 0xb5, 0x2f, 0xfd)) return 'it is zstd-compressed (decompress it first)';
  if (startsWith(0x42, 0x5a, 0x68)) return 'it is bzip2-compressed (decompress it first)';
  if (startsWith(0xfd, 0x37, 0x7a, 0x58, 0x5a)) return 'it is xz-compressed (decompress it first)';
  if (startsWith(0x50, 0x41, 0x52, 0x31)) return 'it is a Parquet file';
  if (startsWith(0xff, 0xfe) || startsWith(0xfe, 0xff)) return 'it is UTF-16 text (save it as UTF-8)';
  if (head.includes(0)) return 'it holds binary data (NUL bytes)';
  return undefined;
}
