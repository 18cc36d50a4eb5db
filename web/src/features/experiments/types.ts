/** GET /api/experiments (the tracking store's ExperimentRecord). */
export interface Experiment {
  readonly experimentId: string;
  readonly name: string;
  readonly lifecycleStage: string;
  readonly creationTime: number | null;
  readonly tags: Readonly<Record<string, string>>;
}

/** GET /api/experiments/:id/runs (RunRecord): latest value per metric. */
export interface Run {
  readonly runId: string;
  readonly experimentId: string;
  readonly runName: string;
  readonly status: string;
  readonly startTime: number | null;
  readonly endTime: number | null;
  readonly parentRunId: string | null;
  readonly params: Readonly<Record<string, string>>;
  readonly metrics: Readonly<Record<string, number>>;
  readonly tags: Readonly<Record<string, string>>;
}

export interface ExperimentRuns {
  readonly experiment: Experiment;
  readonly runs: readonly Run[];
}
