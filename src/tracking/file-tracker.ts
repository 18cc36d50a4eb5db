import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

import { ClairscoreError } from '../core/errors.js';
import { writeFileAtomic } from './atomic-files.js';
import { FileRun } from './file-run.js';
import { newExperimentId, newRunId, randomRunName } from './ids.js';
import { checkKey, checkValue, LIMITS } from './keys.js';
import {
  DEFAULT_EXPERIMENT_ID,
  DEFAULT_EXPERIMENT_NAME,
  experimentMeta,
  fileUri,
  META_FILE,
  NON_EXPERIMENT_FOLDERS,
  readMeta,
  runMeta,
  TRASH_FOLDER,
} from './layout.js';
import { withLock } from './lock.js';
import { detectRunContext, systemTags } from './run-context.js';
import type { RunContext } from './run-context.js';
import type { StartRunOptions, Tracker } from './types.js';
import { dumpYaml } from './yaml.js';

export interface FileTrackerOptions {
  /** User, entry script and git commit; detected from this process when omitted. */
  readonly context?: RunContext;
  /** Clock in epoch milliseconds (tests). */
  readonly now?: () => number;
  /** Mark open runs KILLED on SIGINT/SIGTERM/SIGHUP and end them at exit (default true). */
  readonly watchSignals?: boolean;
}

/** Records runs in an mlruns folder that MLflow's FileStore, UI and client read (mlflow.md 2–4). */
export class FileTracker implements Tracker {
  readonly kind = 'file' as const;
  readonly location: string;
  private readonly now: () => number;
  private readonly watchSignals: boolean;
  private context: Promise<RunContext> | undefined;

  constructor(
    root: string,
    private readonly options: FileTrackerOptions = {},
  ) {
    this.location = path.resolve(root);
    this.now = options.now ?? Date.now;
    this.watchSignals = options.watchSignals ?? true;
  }

  async startRun(options: StartRunOptions): Promise<FileRun> {
    const experimentId = await this.experimentId(options.experimentName);
    const context = await (this.context ??= this.options.context
      ? Promise.resolve(this.options.context)
      : detectRunContext());
    const runName = options.runName || randomRunName();
    const tags = { ...systemTags(context, runName, options.parentRunId), ...options.tags };
    for (const [key, value] of Object.entries(tags)) {
      checkKey('tag', key);
      checkValue('tag', key, value, LIMITS.tagValueBytes);
    }
    const runId = newRunId();
    const runDir = path.join(this.location, experimentId, runId);
    await Promise.all(
      ['metrics', 'params', 'tags', 'artifacts'].map((sub) =>
        mkdir(path.join(runDir, sub), { recursive: true }),
      ),
    );
    for (const [key, value] of Object.entries(tags)) {
      await writeFileAtomic(path.join(runDir, 'tags', key), value, runDir);
    }
    const meta = runMeta({
      runId,
      experimentId,
      runName,
      userId: context.user,
      artifactUri: `${fileUri(runDir)}/artifacts`,
      startTime: this.now(),
    });
    // meta.yaml last: the run exists for readers once it is whole
    await writeFileAtomic(path.join(runDir, META_FILE), dumpYaml(meta), runDir);
    return new FileRun({ runId, experimentId, runDir, meta, now: this.now, watch: this.watchSignals });
  }

  /** The id of the active experiment with this name, created (with experiment 0) when missing. */
  async experimentId(name: string): Promise<string> {
    if (name.trim() === '') {
      throw new ClairscoreError(
        'CS_ERR_TRACKING_INPUT',
        'An experiment needs a name, e.g. "credit-scoring".',
      );
    }
    await this.ensureStore();
    const found = await this.findExperiment(name);
    if (found) return found;
    // the lock keeps two processes from creating the same name twice
    return withLock(path.join(this.location, '.experiments.lock'), async () => {
      const again = await this.findExperiment(name);
      if (again) return again;
      const experimentId = name === DEFAULT_EXPERIMENT_NAME ? DEFAULT_EXPERIMENT_ID : newExperimentId();
      await this.createExperiment(experimentId, name);
      return experimentId;
    });
  }

  private async ensureStore(): Promise<void> {
    try {
      await mkdir(this.location, { recursive: true });
    } catch (error) {
      throw new ClairscoreError(
        'CS_ERR_TRACKING_STORE',
        `Cannot create the tracking folder ${this.location}: ${(error as Error).message}. Check the workspace, or set MLFLOW_TRACKING_URI.`,
      );
    }
    const defaultMeta = path.join(this.location, DEFAULT_EXPERIMENT_ID, META_FILE);
    const trashed = path.join(this.location, TRASH_FOLDER, DEFAULT_EXPERIMENT_ID);
    if (!existsSync(defaultMeta) && !existsSync(trashed)) {
      await this.createExperiment(DEFAULT_EXPERIMENT_ID, DEFAULT_EXPERIMENT_NAME);
    }
  }

  private async createExperiment(experimentId: string, name: string): Promise<void> {
    const folder = path.join(this.location, experimentId);
    await mkdir(path.join(folder, 'tags'), { recursive: true });
    const meta = experimentMeta({ experimentId, name, root: this.location, now: this.now() });
    await writeFileAtomic(path.join(folder, META_FILE), dumpYaml(meta), folder);
  }

  private async findExperiment(name: string): Promise<string | undefined> {
    const entries = await readdir(this.location, { withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.') || NON_EXPERIMENT_FOLDERS.has(entry.name))
        continue;
      const meta = await readMeta(path.join(this.location, entry.name, META_FILE));
      if (meta?.name === name && (meta.lifecycle_stage ?? 'active') === 'active') return entry.name;
    }
    return undefined;
  }
}
