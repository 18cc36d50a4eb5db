import { existsSync, readFileSync } from 'node:fs';

import { ClairscoreError, type Workspace } from '../core/index.js';
import { versionFile } from './registry.js';

export const OOF_FILE = 'oof.f64';
const FIELDS = 4;

/**
 * The out-of-fold predictions a version was judged on, per training client: the curves,
 * confusion matrix and fairness views are computed from them without retraining.
 */
export interface OutOfFold {
  readonly ids: Float64Array;
  readonly labels: Float64Array;
  /** The model's own probability, before calibration. */
  readonly raw: Float64Array;
  /** The calibrated probability the threshold applies to. */
  readonly calibrated: Float64Array;
}

/** Little-endian float64 records (id, label, raw, calibrated), one per client: compact and exact. */
export function encodeOof(oof: OutOfFold): Uint8Array {
  const n = oof.ids.length;
  const values = new Float64Array(n * FIELDS);
  for (let i = 0; i < n; i++) {
    values[i * FIELDS] = oof.ids[i]!;
    values[i * FIELDS + 1] = oof.labels[i]!;
    values[i * FIELDS + 2] = oof.raw[i]!;
    values[i * FIELDS + 3] = oof.calibrated[i]!;
  }
  return new Uint8Array(values.buffer);
}

export function readOof(workspace: Workspace, version: number): OutOfFold {
  const file = versionFile(workspace, version, OOF_FILE);
  if (!existsSync(file)) {
    throw new ClairscoreError(
      'CS_ERR_REGISTRY',
      `Model version ${version} has no out-of-fold predictions (${file}).`,
    );
  }
  const bytes = readFileSync(file);
  if (bytes.length % (8 * FIELDS) !== 0) {
    throw new ClairscoreError('CS_ERR_REGISTRY', `${file} is truncated (${bytes.length} bytes).`);
  }
  const values = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  const n = values.length / FIELDS;
  const column = (k: number): Float64Array =>
    Float64Array.from({ length: n }, (_, i) => values[i * FIELDS + k]!);
  return { ids: column(0), labels: column(1), raw: column(2), calibrated: column(3) };
}
