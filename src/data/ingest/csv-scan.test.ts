import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { locateRecords, splitCsvRecord } from './csv-scan.js';

describe('splitCsvRecord', () => {
  it('splits on commas, unquotes quoted fields and keeps mid-field quotes literal, as DuckDB does', () => {
    expect(splitCsvRecord('1,"Spouse, partner",,x')).toEqual(['1', 'Spouse, partner', '', 'x']);
    expect(splitCsvRecord('"a ""b""",c')).toEqual(['a "b"', 'c']);
    expect(splitCsvRecord('ab"c,d')).toEqual(['ab"c', 'd']);
    expect(splitCsvRecord('"x""; DROP TABLE t; --",2')).toEqual(['x"; DROP TABLE t; --', '2']);
    expect(splitCsvRecord('')).toEqual(['']);
  });
});

describe('locateRecords', () => {
  const write = (text: string): string => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cs-scan-')), 'f.csv');
    writeFileSync(file, text);
    return file;
  };

  it('gives the line of each data record, counting lines inside quoted fields and skipping blank lines', async () => {
    const file = write('a,b\r\n1,"two\nlines"\r\n\r\n2,x\n"3",""""\n4,last');
    const found = await locateRecords(file, [0, 1, 2, 3], 2);
    expect(found.get(0)).toEqual({ line: 2, text: '1,"two\nlines"' });
    expect(found.get(1)).toEqual({ line: 5, text: '2,x' });
    expect(found.get(2)).toEqual({ line: 6, text: '"3",""""' });
    expect(found.get(3)).toEqual({ line: 7, text: '4,last' });
  });

  it('counts a blank line as a record of a one-column file (DuckDB reads it as NULL)', async () => {
    const file = write('a\n1\n\n2\n');
    const found = await locateRecords(file, [2], 1);
    expect(found.get(2)?.line).toBe(4);
  });

  it('finds records across read chunks (1 MiB)', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `${i},"v${i}"`);
    const file = write(`a,b\n${rows.join('\n')}\n`);
    const found = await locateRecords(file, [0, 123_456, 199_999], 2);
    expect(found.get(123_456)).toEqual({ line: 123_458, text: '123456,"v123456"' });
    expect(found.get(199_999)?.line).toBe(200_001);
  });
});
