import { COLUMN_FACTS } from '../../schema/index.js';
import { formatFloat, formatInt, formatString } from '../csv-format.js';
import { COL, type AppRow } from './columns.js';

const DTYPES = COLUMN_FACTS.application_train.map((c) => c.dtype);
const TARGET = COL.TARGET;

/** A row as a CSV line (no newline): application_train layout, or application_test without TARGET. */
export function formatApplicationRow(row: AppRow, withTarget: boolean): string {
  let line = '';
  for (let i = 0; i < row.length; i++) {
    if (i === TARGET && !withTarget) continue;
    const v = row[i];
    let text: string;
    if (v === null || v === undefined) text = '';
    else if (typeof v === 'string') text = formatString(v);
    else text = DTYPES[i] === 'int' ? formatInt(v) : formatFloat(v);
    line += i === 0 ? text : `,${text}`;
  }
  return line;
}

/** The header line of application_train (withTarget) or application_test. */
export function applicationHeader(withTarget: boolean): string {
  return COLUMN_FACTS.application_train
    .map((c) => c.name)
    .filter((name) => withTarget || name !== 'TARGET')
    .join(',');
}
