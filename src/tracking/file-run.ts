import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { ClairscoreError } from '../core/errors.js';
import { resolveArtifactPath } from './artifact-path.js';
import { writeFileAtomic as writeFileAtomicSync } from '../core/index.js';
import { appendLines, createFileAtomic, writeFileAtomic } from './atomic-files.js';
import { checkKey, checkValue, LIMITS } from './keys.js';
import { endedMeta, LOG_MODEL_HISTORY_TAG, META_FILE } from './layout.js';
import { forgetRun, watchRun } from './open-runs.js';
import { metricLine, paramText } from './values.js';
import type { MetricPoint, ParamValue, RunStatus, TrackedRun } from './types.js';
import { dumpYaml } from './yaml.js';
import type { YamlMap } from './yaml.js';

export interface FileRunInit {
  readonly runId: string;
  readonly experimentId: string;
  readonly runDir: string;
  readonly meta: YamlMap;
  readonly now: () => number;
  /** Marks the run KILLED on SIGINT/SIGTERM/SIGHUP and ends it at exit. */
  readonly watch: boolean;
}

/** A run recorded in an mlruns folder (mlflow.md 2.3–2.5). */
export class FileRun implements TrackedRun {
  readonly runId: string;
  readonly experimentId: string;
  /** The run's folder: meta.yaml, metrics/, params/, tags/, artifacts/. */
  readonly runDir: string;
  private meta: YamlMap;
  private readonly now: () => number;
  private ended = false;
  // meta.yaml and the model-history tag are read-modify-write: one writer at a time
  private queue: Promise<unknown> = Promise.resolve();

  constructor(init: FileRunInit) {
    this.runId = init.runId;
    this.experimentId = init.experimentId;
    this.runDir = init.runDir;
    this.meta = init.meta;
    this.now = init.now;
    if (init.watch) watchRun(this);
  }

  get artifactDir(): string {
    return path.join(this.runDir, 'artifacts');
  }

  async logParams(params: Readonly<Record<string, ParamValue>>): Promise<void> {
    const entries = Object.entries(params).map(([key, value]) => [key, paramText(key, value)] as const);
    for (const [key] of entries) checkKey('param', key);
    for (const [key, text] of entries) {
      const file = path.join(this.runDir, 'params', key);
      if (await createFileAtomic(file, text, this.runDir)) continue;
      const existing = await readFile(file, 'utf8');
      if (existing !== text) {
        throw new ClairscoreError(
          'CS_ERR_TRACKING_CONFLICT',
          `Param "${key}" of run ${this.runId} is already "${existing}"; params never change (new value "${text}"). Log it under another name or start a new run.`,
          { runId: this.runId, key, existing, value: text },
        );
      }
    }
  }

  async logMetrics(points: readonly MetricPoint[]): Promise<void> {
    const byKey = new Map<string, string[]>();
    const now = this.now();
    for (const point of points) {
      checkKey('metric', point.key);
      const lines = byKey.get(point.key) ?? [];
      lines.push(metricLine(point, now));
      byKey.set(point.key, lines);
    }
    // one write per key: lines land whole, in order
    for (const [key, lines] of byKey)
      await appendLines(path.join(this.runDir, 'metrics', key), lines.join(''));
  }

  async setTags(tags: Readonly<Record<string, string>>): Promise<void> {
    const entries = Object.entries(tags);
    for (const [key, value] of entries) {
      checkKey('tag', key);
      if (key !== LOG_MODEL_HISTORY_TAG) checkValue('tag', key, value, LIMITS.tagValueBytes);
    }
    for (const [key, value] of entries) await this.writeTag(key, value);
    const runName = tags['mlflow.runName'];
    // FileStore keeps meta.yaml's run_name in sync with the tag
    if (runName !== undefined) await this.updateMeta((meta) => ({ ...meta, run_name: runName }));
  }

  async logArtifact(relativePath: string, content: string | Uint8Array): Promise<void> {
    const target = resolveArtifactPath(this.artifactDir, relativePath);
    if (target === path.resolve(this.artifactDir)) {
      throw new ClairscoreError(
        'CS_ERR_ARTIFACT_PATH',
        'An artifact needs a file name, e.g. "model/model.txt".',
      );
    }
    await writeFileAtomic(target, content, this.runDir);
  }

  /** Appends a model's MLmodel dict to the mlflow.log-model.history tag, as record_logged_model does. */
  async recordLoggedModel(model: YamlMap): Promise<void> {
    await this.serialise(async () => {
      const file = path.join(this.runDir, 'tags', LOG_MODEL_HISTORY_TAG);
      const history = await readFile(file, 'utf8').then(
        (text) => JSON.parse(text) as unknown,
        () => [],
      );
      const list = Array.isArray(history) ? history : [];
      await this.writeTag(LOG_MODEL_HISTORY_TAG, JSON.stringify([...list, model]));
    });
  }

  async end(status: Exclude<RunStatus, 'RUNNING'>): Promise<void> {
    const endTime = this.now();
    await this.updateMeta((meta) => endedMeta(meta, status, endTime));
    this.ended = true;
    forgetRun(this.runId);
  }

  /** For signal and exit handlers: the event loop will not run again. */
  closeSync(status: Exclude<RunStatus, 'RUNNING'>): void {
    if (this.ended) return;
    this.meta = endedMeta(this.meta, status, this.now());
    writeFileAtomicSync(path.join(this.runDir, META_FILE), dumpYaml(this.meta), this.runDir);
    this.ended = true;
  }

  private async writeTag(key: string, value: string): Promise<void> {
    await writeFileAtomic(path.join(this.runDir, 'tags', key), value, this.runDir);
  }

  private async updateMeta(change: (meta: YamlMap) => YamlMap): Promise<void> {
    await this.serialise(async () => {
      const next = change(this.meta);
      await writeFileAtomic(path.join(this.runDir, META_FILE), dumpYaml(next), this.runDir);
      this.meta = next;
    });
  }

  private serialise(task: () => Promise<void>): Promise<void> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
