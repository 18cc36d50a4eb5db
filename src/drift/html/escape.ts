/** Text safe inside HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A number for display: up to 4 significant digits, exponent for tiny non-zero values. */
export function formatScore(value: number | null): string {
  if (value === null) return '—';
  if (value !== 0 && Math.abs(value) < 1e-4) return value.toExponential(2);
  return Number(value.toPrecision(4)).toString();
}
