/**
 * Formats values the way the real Kaggle CSVs (written by pandas) show them:
 * int64 columns without a decimal point, float64 columns with Python's repr
 * ("90000.0", "0.5964918040002051", "8.173617e-08"), missing as an empty field.
 */

/** An int64 column's value. */
export function formatInt(value: number): string {
  return String(Math.round(value));
}

/** A float64 column's value, as Python's repr(float) prints it; NaN/undefined/null as empty. */
export function formatFloat(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.0`;
  const text = String(value);
  const e = text.indexOf('e');
  if (e < 0) {
    // JS prints 1e-7 .. 1e-5 as decimals where Python switches to exponent below 1e-4.
    const magnitude = Math.abs(value);
    return magnitude !== 0 && magnitude < 1e-4 ? pythonExponent(value) : text;
  }
  return pythonExponent(value);
}

function pythonExponent(value: number): string {
  const [mantissa, exponent] = value.toExponential().split('e') as [string, string];
  const sign = exponent.startsWith('-') ? '-' : '+';
  const digits = exponent.replace(/^[+-]/, '').padStart(2, '0');
  return `${mantissa}e${sign}${digits}`;
}

/** A string field, quoted only when it holds a comma, quote or newline (as pandas does). */
export function formatString(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
