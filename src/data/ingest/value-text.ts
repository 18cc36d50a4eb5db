/** A file value as shown in messages: quoted, control characters visible, long text cut. */
export function showValue(value: string | undefined): string {
  if (value === undefined) return '(no value)';
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}
