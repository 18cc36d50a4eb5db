import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { isClairscoreError } from '../../core/index.js';
import { readHeader } from './header.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cs-header-'));
const write = (name: string, content: string | Buffer): string => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};

async function errorOf(file: string): Promise<{ code: string; message: string }> {
  try {
    await readHeader(file);
  } catch (error) {
    if (isClairscoreError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a ClairscoreError');
}

describe('readHeader', () => {
  it('reads line 1 without BOM, CR, quotes or surrounding spaces', async () => {
    const file = write('a.csv', '\uFEFF"SK_ID_CURR", TARGET ,X\r\n1,0,2\r\n');
    expect((await readHeader(file)).names).toEqual(['SK_ID_CURR', 'TARGET', 'X']);
  });

  it.each([
    ['empty.csv', '', 'CS_ERR_EMPTY_FILE', 'empty (0 bytes)'],
    ['blank.csv', '\n\r\n  \n', 'CS_ERR_EMPTY_FILE', 'only blank lines'],
    ['gz.csv', gzipSync('SK_ID_CURR,TARGET\n1,0\n'), 'CS_ERR_NOT_CSV', 'gzip-compressed'],
    ['zip.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'CS_ERR_NOT_CSV', 'zip archive'],
    ['bin.csv', Buffer.from([0x41, 0x00, 0x42, 0x0a]), 'CS_ERR_NOT_CSV', 'binary data'],
    ['utf16.csv', Buffer.from('\uFEFFa,b\n', 'utf16le'), 'CS_ERR_NOT_CSV', 'UTF-16'],
    ['json.csv', '  {"SK_ID_CURR": 1}\n', 'CS_ERR_NOT_CSV', 'looks like JSON'],
    ['html.csv', '<!DOCTYPE html><html>\n', 'CS_ERR_NOT_CSV', 'HTML'],
    ['semi.csv', 'SK_ID_CURR;TARGET\n1;0\n', 'CS_ERR_NOT_CSV', 'separated by ";"'],
    ['latin1.csv', Buffer.from([0x41, 0xe9, 0x2c, 0x42, 0x0a]), 'CS_ERR_NOT_CSV', 'not UTF-8'],
  ])('rejects %s', async (name, content, code, fragment) => {
    const error = await errorOf(write(name, content));
    expect(error.code).toBe(code);
    expect(error.message).toContain(name);
    expect(error.message).toContain(fragment);
  });
});
