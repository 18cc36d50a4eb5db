/** One column of the design matrix, standardised: z = (raw - mean) / scale. */
export interface DesignFeature {
  /** `COLUMN` (value), `COLUMN#missing` (missing indicator) or `COLUMN=code` (category level). */
  readonly name: string;
  readonly kind: 'value' | 'missing' | 'level';
  /** The matrix column it is computed from. */
  readonly column: string;
  /** Category code (kind 'level'). */
  readonly level?: number;
  /** Value imputed for a missing entry (kind 'value'): the training rows' weighted lower median. */
  readonly median?: number;
  readonly mean: number;
  /** Standard deviation over the training rows (> 0: constant columns are dropped). */
  readonly scale: number;
}

export function missingName(column: string): string {
  return `${column}#missing`;
}

export function levelName(column: string, level: number): string {
  return `${column}=${level}`;
}
