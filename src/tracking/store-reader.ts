import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ClairscoreError } from '../core/errors.js';
import { artifactSegments, resolveExistingArtifactPath } from './artifact-path.js';
import { checkId, checkKey } from './keys.js';
import { META_FILE, NON_EXPERIMENT_FOLDERS, NON_RUN_FOLDERS, readMeta, statusName } from './layout.js';
import type { ArtifactEntry, ExperimentRecord, MetricRecord, RunRecord } from './records.js';
import { keyFiles, latestMetric, parseMetricLines, readKeyValues } from './store-files.js';
import type { YamlMap } from './yaml.js';

function text(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? fallback : String(value);
}

function time(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

async function subfolders(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
}

/**
 * Reads an mlruns folder (ours or MLflow's) for the API and the dashboard. Tolerant as
 * MLflow's FileStore is: a folder without a readable meta.yaml, or whose experiment id does not
 * match its parent, is skipped; a torn metric line is ignored; a run without status is RUNNING.
 */
export class MlrunsReader {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** Active and deleted experiments, newest first (deleted ones moved to .trash are not listed). */
  async listExperiments(): Promise<ExperimentRecord[]> {
    const records: ExperimentRecord[] = [];
    for (const id of await subfolders(this.root)) {
      if (NON_EXPERIMENT_FOLDERS.has(id)) continue;
      const record = await this.readExperiment(id);
      if (record) records.push(record);
    }
    return records.sort(
      (a, b) => (b.creationTime ?? 0) - (a.creationTime ?? 0) || a.name.localeCompare(b.name),
    );
  }

  /** One experiment, or CS_ERR_EXPERIMENT_NOT_FOUND. */
  async getExperiment(experimentId: string): Promise<ExperimentRecord> {
    checkId('experiment', experimentId);
    const record = await this.readExperiment(experimentId);
    if (!record) {
      throw new ClairscoreError(
        'CS_ERR_EXPERIMENT_NOT_FOUND',
        `No experiment ${experimentId} in ${this.root}.`,
        {
          experimentId,
        },
      );
    }
    return record;
  }

  /** The experiment's runs, newest first (MLflow's default order: start_time DESC, run_id). */
  async listRuns(experimentId: string): Promise<RunRecord[]> {
    await this.getExperiment(experimentId);
    const folder = path.join(this.root, experimentId);
    const runs: RunRecord[] = [];
    for (const runId of await subfolders(folder)) {
      if (NON_RUN_FOLDERS.has(runId)) continue;
      const run = await this.readRun(experimentId, runId);
      if (run) runs.push(run);
    }
    return runs.sort((a, b) => (b.startTime ?? 0) - (a.startTime ?? 0) || a.runId.localeCompare(b.runId));
  }

  /** One run, looked up in every experiment, or CS_ERR_RUN_NOT_FOUND. */
  async getRun(runId: string): Promise<RunRecord> {
    const found = await this.locateRun(runId);
    const run = await this.readRun(found.experimentId, runId);
    if (!run) throw this.runNotFound(runId);
    return run;
  }

  /** Every stored value of one metric, in logging order. */
  async metricHistory(runId: string, key: string): Promise<MetricRecord[]> {
    checkKey('metric', key);
    const { runDir } = await this.locateRun(runId);
    const content = await readFile(path.join(runDir, 'metrics', key), 'utf8').catch(() => '');
    return parseMetricLines(key, content);
  }

  /** The entries of an artifact folder (the root when `relativePath` is omitted), sorted by path. */
  async listArtifacts(runId: string, relativePath = ''): Promise<ArtifactEntry[]> {
    const root = await this.artifactRoot(runId);
    const prefix = artifactSegments(relativePath).join('/');
    if (!existsSync(root)) return [];
    const folder = await resolveExistingArtifactPath(root, relativePath).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    });
    if (!folder) return [];
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    const listed: ArtifactEntry[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.') && entry.name.endsWith('.tmp')) continue;
      const entryPath = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) listed.push({ path: entryPath, isDir: true });
      else if (entry.isFile()) {
        const info = await stat(path.join(folder, entry.name)).catch(() => undefined);
        if (info) listed.push({ path: entryPath, isDir: false, fileSize: info.size });
      }
    }
    return listed.sort((a, b) => a.path.localeCompare(b.path));
  }

  /** An artifact's bytes; refuses paths leaving the run's artifact folder. */
  async readArtifact(runId: string, relativePath: string): Promise<Buffer> {
    const root = await this.artifactRoot(runId);
    const missing = (): ClairscoreError =>
      new ClairscoreError(
        'CS_ERR_ARTIFACT_NOT_FOUND',
        `Run ${runId} has no artifact file "${relativePath}".`,
        {
          runId,
          path: relativePath,
        },
      );
    if (artifactSegments(relativePath).length === 0) throw missing();
    const file = await resolveExistingArtifactPath(root, relativePath).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw missing();
      throw error;
    });
    const info = await stat(file);
    if (!info.isFile()) throw missing();
    return readFile(file);
  }

  private async readExperiment(id: string): Promise<ExperimentRecord | undefined> {
    const folder = path.join(this.root, id);
    const meta = await readMeta(path.join(folder, META_FILE));
    if (!meta || text(meta.experiment_id) !== id) return undefined;
    return {
      experimentId: id,
      name: text(meta.name),
      artifactLocation: text(meta.artifact_location),
      lifecycleStage: text(meta.lifecycle_stage, 'active'),
      creationTime: time(meta.creation_time),
      lastUpdateTime: time(meta.last_update_time),
      tags: await readKeyValues(path.join(folder, 'tags')),
    };
  }

  private async readRun(experimentId: string, runId: string): Promise<RunRecord | undefined> {
    const runDir = path.join(this.root, experimentId, runId);
    const meta = await readMeta(path.join(runDir, META_FILE));
    if (!meta || text(meta.experiment_id) !== experimentId) return undefined;
    const [params, tags, metricFiles] = await Promise.all([
      readKeyValues(path.join(runDir, 'params')),
      readKeyValues(path.join(runDir, 'tags')),
      keyFiles(path.join(runDir, 'metrics')),
    ]);
    const metrics: Record<string, number> = {};
    for (const [key, file] of metricFiles) {
      const latest = latestMetric(parseMetricLines(key, await readFile(file, 'utf8').catch(() => '')));
      if (latest) metrics[key] = latest.value;
    }
    return {
      runId: text(meta.run_id, runId),
      experimentId,
      runName: text(meta.run_name) || (tags['mlflow.runName'] ?? ''),
      status: statusName(meta.status),
      lifecycleStage: text(meta.lifecycle_stage, 'active'),
      startTime: time(meta.start_time),
      endTime: time(meta.end_time),
      userId: text(meta.user_id),
      artifactUri: text(meta.artifact_uri),
      parentRunId: tags['mlflow.parentRunId'] ?? null,
      params,
      metrics,
      tags,
    };
  }

  private async locateRun(runId: string): Promise<{ experimentId: string; runDir: string; meta: YamlMap }> {
    checkId('run', runId);
    for (const experimentId of await subfolders(this.root)) {
      if (NON_EXPERIMENT_FOLDERS.has(experimentId)) continue;
      const runDir = path.join(this.root, experimentId, runId);
      const meta = await readMeta(path.join(runDir, META_FILE));
      if (meta && text(meta.experiment_id) === experimentId) return { experimentId, runDir, meta };
    }
    throw this.runNotFound(runId);
  }

  /**
   * The run's artifact folder: its artifact_uri when that is an existing folder inside this
   * mlruns (a file-store run elsewhere is not served), else <run>/artifacts (a moved workspace).
   */
  private async artifactRoot(runId: string): Promise<string> {
    const { runDir, meta } = await this.locateRun(runId);
    const uri = text(meta.artifact_uri);
    if (uri.startsWith('file:')) {
      const local = path.resolve(fileURLToPath(uri));
      if (local.startsWith(this.root + path.sep) && existsSync(local)) return local;
    }
    return path.join(runDir, 'artifacts');
  }

  private runNotFound(runId: string): ClairscoreError {
    return new ClairscoreError('CS_ERR_RUN_NOT_FOUND', `No run ${runId} in ${this.root}.`, { runId });
  }
}
