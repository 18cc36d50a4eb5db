/** One metric as runs/log-batch takes it; non-finite values are proto-JSON strings ("NaN", "Infinity"). */
export interface RestMetric {
  readonly key: string;
  readonly value: number | string;
  readonly timestamp: number;
  readonly step: number;
}

export interface KeyValue {
  readonly key: string;
  readonly value: string;
}

export interface Batch {
  readonly metrics: RestMetric[];
  readonly params: KeyValue[];
  readonly tags: KeyValue[];
}

/** runs/log-batch limits (mlflow.md 5); the byte limit keeps room for the envelope. */
export const BATCH_LIMITS = {
  metrics: 1000,
  params: 100,
  tags: 100,
  total: 1000,
  bytes: 1_000_000 - 4_096,
} as const;

/** A metric value as proto3 JSON writes a double. */
export function restValue(value: number): number | string {
  if (Number.isFinite(value)) return value;
  return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
}

/**
 * Splits entries into log-batch requests within every limit, keeping each kind's order
 * (params, then tags, then metrics, as MLflow's client sends them).
 */
export function chunkBatch(entries: Partial<Batch>): Batch[] {
  const batches: Batch[] = [];
  let current: Batch = { metrics: [], params: [], tags: [] };
  let bytes = 0;
  const add = <K extends keyof Batch>(kind: K, entry: Batch[K][number]): void => {
    const size = Buffer.byteLength(JSON.stringify(entry)) + 1;
    const count = current.metrics.length + current.params.length + current.tags.length;
    if (
      current[kind].length >= BATCH_LIMITS[kind] ||
      count >= BATCH_LIMITS.total ||
      bytes + size > BATCH_LIMITS.bytes
    ) {
      batches.push(current);
      current = { metrics: [], params: [], tags: [] };
      bytes = 0;
    }
    (current[kind] as Batch[K][number][]).push(entry);
    bytes += size;
  };
  for (const param of entries.params ?? []) add('params', param);
  for (const tag of entries.tags ?? []) add('tags', tag);
  for (const metric of entries.metrics ?? []) add('metrics', metric);
  if (current.metrics.length + current.params.length + current.tags.length > 0) batches.push(current);
  return batches;
}
