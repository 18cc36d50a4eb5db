/** Values MLflow stores as params (always as strings on disk). */
export type ParamValue = string | number | boolean;

export type RunStatus = 'RUNNING' | 'FINISHED' | 'FAILED' | 'KILLED';

export interface MetricPoint {
  readonly key: string;
  readonly value: number;
  /** Iteration, fold or trial number; 0 when there is none. */
  readonly step?: number;
  /** Milliseconds since the epoch; now when omitted. */
  readonly timestamp?: number;
}

export interface StartRunOptions {
  /** Created on first use. */
  readonly experimentName: string;
  /** Recorded as the mlflow.runName tag and run_name. */
  readonly runName: string;
  /** Makes this a child run (mlflow.parentRunId tag), e.g. a tuning trial under its study. */
  readonly parentRunId?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

/** One run being recorded. Every call is durable when its promise resolves. */
export interface TrackedRun {
  readonly runId: string;
  readonly experimentId: string;
  logParams(params: Readonly<Record<string, ParamValue>>): Promise<void>;
  logMetrics(points: readonly MetricPoint[]): Promise<void>;
  setTags(tags: Readonly<Record<string, string>>): Promise<void>;
  /** Writes an artifact at a relative path under the run's artifact root (e.g. "model/model.txt"). */
  logArtifact(relativePath: string, content: string | Uint8Array): Promise<void>;
  /** Sets the final status and end time. */
  end(status: Exclude<RunStatus, 'RUNNING'>): Promise<void>;
}

/** Where runs go: the workspace's mlruns folder, or an MLflow server (MLFLOW_TRACKING_URI). */
export interface Tracker {
  readonly kind: 'file' | 'rest';
  /** Human-readable destination (folder or URL), for messages. */
  readonly location: string;
  startRun(options: StartRunOptions): Promise<TrackedRun>;
}
