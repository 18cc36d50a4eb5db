import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ClairscoreError } from '../core/errors.js';
import { artifactSegments } from './artifact-path.js';
import { writeFileAtomic } from './atomic-files.js';
import { randomRunName } from './ids.js';
import { checkKey, checkValue, LIMITS } from './keys.js';
import { LOG_MODEL_HISTORY_TAG } from './layout.js';
import { chunkBatch, restValue } from './log-batch.js';
import type { Batch } from './log-batch.js';
import { isAlreadyExists, isNotFound, MlflowRestClient } from './rest-client.js';
import type { RestClientOptions } from './rest-client.js';
import { detectRunContext, systemTags } from './run-context.js';
import type { RunContext } from './run-context.js';
import type { MetricPoint, ParamValue, RunStatus, StartRunOptions, TrackedRun, Tracker } from './types.js';
import { paramText, pointStepAndTime } from './values.js';
import type { YamlMap } from './yaml.js';

export interface RestTrackerOptions extends RestClientOptions {
  readonly context?: RunContext;
  readonly now?: () => number;
}

interface RunInfoJson {
  readonly run_id: string;
  readonly experiment_id: string;
  readonly artifact_uri?: string;
}

function tagList(tags: Readonly<Record<string, string>>): { key: string; value: string }[] {
  return Object.entries(tags).map(([key, value]) => {
    checkKey('tag', key);
    if (key !== LOG_MODEL_HISTORY_TAG) checkValue('tag', key, value, LIMITS.tagValueBytes);
    return { key, value };
  });
}

/** A run on an MLflow tracking server. */
export class RestRun implements TrackedRun {
  constructor(
    private readonly client: MlflowRestClient,
    readonly runId: string,
    readonly experimentId: string,
    /** Where the server keeps this run's artifacts (mlflow-artifacts:/…, file:///…). */
    readonly artifactUri: string,
    private readonly now: () => number,
  ) {}

  async logParams(params: Readonly<Record<string, ParamValue>>): Promise<void> {
    const list = Object.entries(params).map(([key, value]) => {
      checkKey('param', key);
      return { key, value: paramText(key, value) };
    });
    await this.logBatch({ params: list });
  }

  async logMetrics(points: readonly MetricPoint[]): Promise<void> {
    const now = this.now();
    const metrics = points.map((point) => {
      checkKey('metric', point.key);
      return { key: point.key, value: restValue(point.value), ...pointStepAndTime(point, now) };
    });
    await this.logBatch({ metrics });
  }

  async setTags(tags: Readonly<Record<string, string>>): Promise<void> {
    await this.logBatch({ tags: tagList(tags) });
  }

  async logArtifact(relativePath: string, content: string | Uint8Array): Promise<void> {
    const segments = artifactSegments(relativePath);
    if (segments.length === 0) {
      throw new ClairscoreError(
        'CS_ERR_ARTIFACT_PATH',
        'An artifact needs a file name, e.g. "model/model.txt".',
      );
    }
    const uri = this.artifactUri;
    if (uri.startsWith('mlflow-artifacts:')) {
      // mlflow-artifacts:/<exp>/<run>/artifacts, or mlflow-artifacts://host:port/<…> naming another server
      const match = /^mlflow-artifacts:(?:\/\/([^/]+))?\/*(.*)$/.exec(uri);
      const base = match?.[1] ? `${new URL(this.client.baseUrl).protocol}//${match[1]}` : this.client.baseUrl;
      const parts = [...(match?.[2] ?? '').split('/').filter(Boolean), ...segments].map(encodeURIComponent);
      await this.client.put(`${base}/api/2.0/mlflow-artifacts/artifacts/${parts.join('/')}`, content);
    } else if (uri.startsWith('file:')) {
      // a server without --serve-artifacts on this machine: its artifact root is a local folder
      const root = fileURLToPath(uri);
      await writeFileAtomic(path.join(root, ...segments), content);
    } else {
      throw new ClairscoreError(
        'CS_ERR_TRACKING_SERVER',
        `The MLflow server stores run artifacts at ${uri}, which Clairscore cannot write to. Start the server with --serve-artifacts (mlflow-artifacts) or use a local artifact root.`,
        { artifactUri: uri },
      );
    }
  }

  /** POST runs/log-model: the server appends the model to mlflow.log-model.history. */
  async recordLoggedModel(model: YamlMap): Promise<void> {
    await this.client.post('runs/log-model', { run_id: this.runId, model_json: JSON.stringify(model) });
  }

  async end(status: Exclude<RunStatus, 'RUNNING'>): Promise<void> {
    await this.client.post('runs/update', { run_id: this.runId, status, end_time: this.now() });
  }

  private async logBatch(entries: Partial<Batch>): Promise<void> {
    for (const batch of chunkBatch(entries)) {
      const body: Record<string, unknown> = { run_id: this.runId };
      if (batch.metrics.length > 0) body.metrics = batch.metrics;
      if (batch.params.length > 0) body.params = batch.params;
      if (batch.tags.length > 0) body.tags = batch.tags;
      await this.client.post('runs/log-batch', body);
    }
  }
}

/** Records runs on an MLflow tracking server through its REST API (mlflow.md 5). */
export class RestTracker implements Tracker {
  readonly kind = 'rest' as const;
  readonly location: string;
  private readonly client: MlflowRestClient;
  private readonly now: () => number;
  private readonly experiments = new Map<string, Promise<string>>();
  private context: Promise<RunContext> | undefined;

  constructor(
    baseUrl: string,
    private readonly options: RestTrackerOptions = {},
  ) {
    this.client = new MlflowRestClient(baseUrl, options);
    this.location = this.client.baseUrl;
    this.now = options.now ?? Date.now;
  }

  async startRun(options: StartRunOptions): Promise<RestRun> {
    const experimentId = await this.experimentId(options.experimentName);
    const context = await (this.context ??= this.options.context
      ? Promise.resolve(this.options.context)
      : detectRunContext());
    const runName = options.runName || randomRunName();
    const tags = tagList({ ...systemTags(context, runName, options.parentRunId), ...options.tags });
    const { run } = await this.client.post<{ run: { info: RunInfoJson } }>('runs/create', {
      experiment_id: experimentId,
      run_name: runName,
      start_time: this.now(),
      tags,
    });
    const info = run.info;
    return new RestRun(this.client, info.run_id, info.experiment_id, info.artifact_uri ?? '', this.now);
  }

  /** get-by-name, then create when the server says it does not exist. */
  experimentId(name: string): Promise<string> {
    let id = this.experiments.get(name);
    if (!id) {
      id = this.lookUpOrCreate(name);
      id.catch(() => this.experiments.delete(name));
      this.experiments.set(name, id);
    }
    return id;
  }

  private async lookUpOrCreate(name: string): Promise<string> {
    const find = async (): Promise<string | undefined> => {
      try {
        const found = await this.client.get<{
          experiment: { experiment_id: string; lifecycle_stage?: string };
        }>('experiments/get-by-name', { experiment_name: name });
        if (found.experiment.lifecycle_stage === 'deleted') {
          throw new ClairscoreError(
            'CS_ERR_TRACKING_CONFLICT',
            `The experiment "${name}" is deleted on ${this.location}; restore it (mlflow experiments restore) or choose another name.`,
          );
        }
        return found.experiment.experiment_id;
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    };
    const existing = await find();
    if (existing) return existing;
    try {
      const created = await this.client.post<{ experiment_id: string }>('experiments/create', { name });
      return created.experiment_id;
    } catch (error) {
      const raced = isAlreadyExists(error) ? await find() : undefined;
      if (raced) return raced;
      throw error;
    }
  }
}
