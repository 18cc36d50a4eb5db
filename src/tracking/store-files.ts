import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import type { MetricRecord } from './records.js';

/** Files under `folder` as key → path, keys re-joined with "/" (keys with "/" are sub-folders). */
export async function keyFiles(folder: string, prefix = ''): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue; // temporary files
    const full = path.join(folder, entry.name);
    const key = `${prefix}${entry.name}`;
    if (entry.isDirectory()) for (const [k, v] of await keyFiles(full, `${key}/`)) found.set(k, v);
    else if (entry.isFile()) found.set(key, full);
  }
  return found;
}

/** Param or tag files as a key → text map; a file that vanished meanwhile is left out. */
export async function readKeyValues(folder: string): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const [key, file] of await keyFiles(folder)) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) values[key] = text;
  }
  return values;
}

const NUMBER = /^[-+]?(?:\d+\.?\d*(?:e[-+]?\d+)?|\.\d+(?:e[-+]?\d+)?|nan|inf|infinity)$/i;

function parseFloatLike(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const lower = text.toLowerCase();
  if (lower.endsWith('nan')) return Number.NaN;
  if (lower.endsWith('inf') || lower.endsWith('infinity'))
    return lower.startsWith('-') ? -Infinity : Infinity;
  return Number(text);
}

/** Metric lines "<ts> <value> [<step>]"; a torn or malformed line (a killed writer) is skipped. */
export function parseMetricLines(key: string, text: string): MetricRecord[] {
  const records: MetricRecord[] = [];
  const lines = text.split('\n');
  if (!text.endsWith('\n')) lines.pop(); // the last line is still being written
  for (const line of lines) {
    const fields = line.trim().split(' ');
    if (fields.length !== 2 && fields.length !== 3) continue;
    const [ts, raw, step = '0'] = fields as [string, string, string?];
    const value = parseFloatLike(raw);
    if (!/^-?\d+$/.test(ts) || !/^-?\d+$/.test(step) || value === undefined) continue;
    records.push({ key, value, timestamp: Number(ts), step: Number(step) });
  }
  return records;
}

/** MLflow's latest value: max by (step, timestamp, value). */
export function latestMetric(records: readonly MetricRecord[]): MetricRecord | undefined {
  let best: MetricRecord | undefined;
  for (const record of records) {
    if (
      !best ||
      record.step > best.step ||
      (record.step === best.step &&
        (record.timestamp > best.timestamp ||
          (record.timestamp === best.timestamp && record.value > best.value)))
    ) {
      best = record;
    }
  }
  return best;
}
