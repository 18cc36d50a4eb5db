import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { RunStatus } from './types.js';
import { parseYaml } from './yaml.js';
import type { YamlMap } from './yaml.js';

/** mlflow.md 2: names inside an mlruns folder. */
export const DEFAULT_EXPERIMENT_ID = '0';
export const DEFAULT_EXPERIMENT_NAME = 'Default';
export const META_FILE = 'meta.yaml';
export const TRASH_FOLDER = '.trash';
/** Root folders that are not experiments. */
export const NON_EXPERIMENT_FOLDERS: ReadonlySet<string> = new Set([TRASH_FOLDER, 'models']);
/** Experiment sub-folders that are not runs (RESERVED_EXPERIMENT_FOLDERS, plus 3.x logged models). */
export const NON_RUN_FOLDERS: ReadonlySet<string> = new Set(['tags', 'datasets', 'traces', 'models']);
export const LOG_MODEL_HISTORY_TAG = 'mlflow.log-model.history';

/** RunStatus as the int stored in meta.yaml (service.proto). */
export const STATUS_CODES = { RUNNING: 1, SCHEDULED: 2, FINISHED: 3, FAILED: 4, KILLED: 5 } as const;
export type StoredStatus = keyof typeof STATUS_CODES;

/** The status name of a stored value; missing means RUNNING, as MLflow's reader says. */
export function statusName(value: unknown): StoredStatus {
  if (value === undefined || value === null) return 'RUNNING';
  const entry = Object.entries(STATUS_CODES).find(([name, code]) => code === value || name === value);
  return entry ? (entry[0] as StoredStatus) : 'RUNNING';
}

/** A local folder as MLflow's path_to_local_file_uri writes it (file:///abs/path). */
export function fileUri(folder: string): string {
  return pathToFileURL(path.resolve(folder)).href;
}

export interface ExperimentMetaInput {
  readonly experimentId: string;
  readonly name: string;
  readonly root: string;
  readonly now: number;
}

/** Experiment meta.yaml: dict(Experiment) minus tags (mlflow.md 2.2). */
export function experimentMeta(input: ExperimentMetaInput): YamlMap {
  return {
    artifact_location: `${fileUri(input.root)}/${input.experimentId}`,
    creation_time: input.now,
    experiment_id: input.experimentId,
    last_update_time: input.now,
    lifecycle_stage: 'active',
    name: input.name,
  };
}

export interface RunMetaInput {
  readonly runId: string;
  readonly experimentId: string;
  readonly runName: string;
  readonly userId: string;
  readonly artifactUri: string;
  readonly startTime: number;
}

/** Run meta.yaml: dict(RunInfo) plus the legacy fields (mlflow.md 2.3). */
export function runMeta(input: RunMetaInput): YamlMap {
  return {
    artifact_uri: input.artifactUri,
    end_time: null,
    entry_point_name: '',
    experiment_id: input.experimentId,
    lifecycle_stage: 'active',
    run_id: input.runId,
    run_name: input.runName,
    run_uuid: input.runId,
    source_name: '',
    source_type: 4,
    source_version: '',
    start_time: input.startTime,
    status: STATUS_CODES.RUNNING,
    tags: [],
    user_id: input.userId,
    deleted_time: null,
  };
}

/** Stored end of a run: status int and end time. */
export function endedMeta(meta: YamlMap, status: Exclude<RunStatus, 'RUNNING'>, endTime: number): YamlMap {
  return { ...meta, status: STATUS_CODES[status], end_time: endTime };
}

/** A meta.yaml as a map, or undefined when missing, half-written or not a mapping. */
export async function readMeta(file: string): Promise<YamlMap | undefined> {
  try {
    const value = parseYaml(await readFile(file, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
