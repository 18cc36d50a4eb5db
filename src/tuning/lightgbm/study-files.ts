/**
 * A tuning study on disk, under workspace/tuning/<name>/: `study.json` (what the study is:
 * sampler, seed, folds, budget, the search space itself, its tracking sessions) written when it
 * starts or resumes, and `trials.json` (every finished trial with its child run id) rewritten
 * atomically after each trial. A resumed study reads both and goes on as if never stopped.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { ClairscoreError, writeFileAtomic, type Workspace } from '../../core/index.js';
import type { ParamSpec, SearchSpace } from '../search-space.js';
import { parseSearchSpace } from '../space-validation.js';
import { trialsFromJson } from '../trial-json.js';
import type { FrozenTrial } from '../trial-record.js';

export const STUDY_FILE = 'study.json';
export const TRIALS_FILE = 'trials.json';
export const BEST_PARAMS_FILE = 'best-params.json';
export const COMPARISON_JSON = 'comparison.json';
export const COMPARISON_SVG = 'comparison.svg';
const FORMAT = 1;

export type SamplerName = 'tpe' | 'random' | 'grid';
export const SAMPLER_NAMES: readonly SamplerName[] = ['tpe', 'random', 'grid'];
export type PrunerName = 'median' | 'none';
export const PRUNER_NAMES: readonly PrunerName[] = ['median', 'none'];

/** What fixes a study's sequence of trials: a resumed study must keep all of it. */
export interface StudyConfig {
  readonly sampler: SamplerName;
  readonly seed: number;
  readonly pruner: PrunerName;
  readonly folds: number;
  readonly numBoostRound: number;
  readonly earlyStoppingRounds: number;
  /** LightGBM threads; null = every core. */
  readonly threads: number | null;
  readonly space: SearchSpace;
}

/** One `tune` invocation of the study: its parent run in the tracking store. */
export interface StudySession {
  readonly parentRunId: string;
  readonly startedAt: string;
}

export interface StudyFile {
  readonly format: number;
  readonly name: string;
  readonly createdAt: string;
  readonly direction: 'maximize';
  readonly objective: 'cv_auc';
  /** Trials the study runs in all (across resumes). */
  readonly targetTrials: number;
  readonly config: StudyConfig;
  readonly sessions: readonly StudySession[];
}

/** A finished trial and the child run that records it. */
export type StoredTrial = FrozenTrial & { readonly runId: string | null };

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The study's folder; the name must be a plain file name. */
export function studyDir(workspace: Workspace, name: string): string {
  if (!NAME.test(name)) {
    throw new ClairscoreError(
      'CS_ERR_USAGE',
      `--study ${JSON.stringify(name)}: use letters, digits, '.', '_' or '-' (at most 64, not starting with '.' or '-').`,
    );
  }
  return path.join(tuningDir(workspace), name);
}

/** workspace/tuning: the studies and the sampler comparison. */
export function tuningDir(workspace: Workspace): string {
  return path.join(workspace.root, 'tuning');
}

/** The saved study and its trials, or undefined when no study of this name exists. */
export function readStudy(
  workspace: Workspace,
  name: string,
): { study: StudyFile; trials: StoredTrial[] } | undefined {
  const dir = studyDir(workspace, name);
  const file = path.join(dir, STUDY_FILE);
  if (!existsSync(file)) return undefined;
  const raw = readJson(file) as Partial<StudyFile> & { config?: Record<string, unknown> };
  if (raw.format !== FORMAT || raw.config === undefined || typeof raw.targetTrials !== 'number') {
    throw corrupt(file, `not a format-${FORMAT} study file`);
  }
  const config = raw.config as unknown as StudyConfig & { space: unknown };
  const space = parseSearchSpace(config.space, { names: 'lightgbm', source: file });
  const study: StudyFile = { ...(raw as StudyFile), config: { ...config, space } };
  const trialsFile = path.join(dir, TRIALS_FILE);
  if (!existsSync(trialsFile)) return { study, trials: [] };
  const rawTrials = (readJson(trialsFile) as { trials?: unknown }).trials;
  const trials = trialsFromJson(rawTrials);
  const runIds = (rawTrials as { runId?: unknown }[]).map((t) =>
    typeof t.runId === 'string' ? t.runId : null,
  );
  return { study, trials: trials.map((t, i) => ({ ...t, runId: runIds[i] ?? null })) };
}

/** Writes study.json (atomically). */
export function writeStudy(workspace: Workspace, study: StudyFile): void {
  const content = { ...study, config: { ...study.config, space: spaceToJson(study.config.space) } };
  writeJson(path.join(studyDir(workspace, study.name), STUDY_FILE), content);
}

/** Writes trials.json (atomically): called after every trial. */
export function writeTrials(workspace: Workspace, name: string, trials: readonly StoredTrial[]): void {
  writeJson(path.join(studyDir(workspace, name), TRIALS_FILE), { study: name, trials });
}

/** Writes a JSON document atomically, with a final newline. */
export function writeJson(file: string, value: unknown): void {
  writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** A search space back in its config-file form (parseSearchSpace reads it back unchanged). */
export function spaceToJson(space: SearchSpace): { parameters: Record<string, unknown>[] } {
  return { parameters: space.params.map(paramToJson) };
}

function paramToJson(param: ParamSpec): Record<string, unknown> {
  if (param.kind === 'categorical') return { name: param.name, type: 'categorical', choices: param.choices };
  return {
    name: param.name,
    type: param.kind,
    low: param.low,
    high: param.high,
    ...(param.log ? { log: true } : {}),
    ...(param.step === undefined || (param.kind === 'int' && param.step === 1) ? {} : { step: param.step }),
    ...(param.grid === undefined ? {} : { grid: param.grid }),
  };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw corrupt(file, (error as Error).message);
  }
}

function corrupt(file: string, reason: string): ClairscoreError {
  return new ClairscoreError(
    'CS_ERR_USAGE',
    `Cannot resume from ${file}: ${reason}. Start a new study with another --study name.`,
    { file },
  );
}
