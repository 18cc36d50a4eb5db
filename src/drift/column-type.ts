/**
 * Column types (drift.md §6). An explicit type wins (the feature schema's categorical flag,
 * a caller's choice); otherwise Evidently 0.7's inference from the storage type, counted on
 * the reference: floats are numerical, integers with at most 10 distinct values categorical
 * (binary flags included), strings categorical unless more than half their values are distinct.
 */
import type { CleanColumn } from './column-values.js';
import type { ColumnType } from './stattests/registry.js';

/** How a column is stored: the schema's int / float / string. */
export type Storage = 'int' | 'float' | 'string';

/** Evidently's INTEGER_CARDINALITY_LIMIT. */
export const INTEGER_CATEGORICAL_MAX = 10;

export function inferColumnType(storage: Storage, reference: CleanColumn): ColumnType {
  if (storage === 'float') return 'num';
  const distinct = reference.distinct();
  if (storage === 'int') return distinct <= INTEGER_CATEGORICAL_MAX ? 'cat' : 'num';
  return distinct > 0.5 * reference.size ? 'text' : 'cat';
}
