import type { StoredStatus } from './layout.js';

/** An experiment as the reader returns it. */
export interface ExperimentRecord {
  readonly experimentId: string;
  readonly name: string;
  readonly artifactLocation: string;
  readonly lifecycleStage: string;
  readonly creationTime: number | null;
  readonly lastUpdateTime: number | null;
  readonly tags: Readonly<Record<string, string>>;
}

/** A run with its params, tags and latest metric values. */
export interface RunRecord {
  readonly runId: string;
  readonly experimentId: string;
  readonly runName: string;
  readonly status: StoredStatus;
  readonly lifecycleStage: string;
  readonly startTime: number | null;
  readonly endTime: number | null;
  readonly userId: string;
  readonly artifactUri: string;
  /** The mlflow.parentRunId tag, for nested runs (tuning trials, CV folds). */
  readonly parentRunId: string | null;
  readonly params: Readonly<Record<string, string>>;
  /** Latest value per key: the point with the greatest (step, timestamp, value), as MLflow picks it. */
  readonly metrics: Readonly<Record<string, number>>;
  readonly tags: Readonly<Record<string, string>>;
}

/** One stored metric value. */
export interface MetricRecord {
  readonly key: string;
  readonly value: number;
  readonly timestamp: number;
  readonly step: number;
}

/** One entry of an artifact folder; paths are relative to the run's artifact root, "/"-separated. */
export interface ArtifactEntry {
  readonly path: string;
  readonly isDir: boolean;
  /** Bytes, for files. */
  readonly fileSize?: number;
}
