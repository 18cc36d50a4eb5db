/**
 * `clairscore tune` without the command line: open or resume a study, cross-validate LightGBM
 * for each trial, record every trial as a child run of this session's parent run, and persist
 * the study after every trial so that an interrupted study resumes where it stopped.
 */
import path from 'node:path';

import { ClairscoreError, type Workspace } from '../../core/index.js';
import { exportWorkspaceMatrix, type FeatureMatrix } from '../../features/index.js';
import { openTracker, type TrackedRun, type Tracker } from '../../tracking/index.js';
import { Study } from '../study.js';
import { bestTrial } from '../trial-record.js';
import { CvObjective } from './cv-objective.js';
import { createPruner, createSampler, defaultStudyName, newConfig, resumedConfig } from './study-config.js';
import type { RequestedConfig } from './study-config.js';
import {
  BEST_PARAMS_FILE,
  readStudy,
  spaceToJson,
  studyDir,
  writeJson,
  writeStudy,
  writeTrials,
  type StoredTrial,
  type StudyFile,
} from './study-files.js';
import { paramsFileContent } from './trial-params.js';
import { STUDY_TAG, TrialRuns, TUNING_EXPERIMENT } from './trial-runs.js';

export interface TuneOptions {
  /** Study to create or resume (default: a new name from the sampler and the time). */
  readonly study?: string;
  /** Trials in all, counting those of earlier sessions; required for a new study. */
  readonly trials?: number;
  /** Start no new trial after this many seconds. */
  readonly timeoutSeconds?: number;
  readonly config: RequestedConfig;
  /** After each trial is recorded (progress output). */
  readonly onTrial?: (trial: StoredTrial, best: StoredTrial | undefined) => void;
  /** Before the first trial: how many will run. */
  readonly onStart?: (info: { name: string; resumed: boolean; done: number; toRun: number }) => void;
  /** The training matrix (default: the workspace's training rows). */
  readonly matrix?: FeatureMatrix;
  readonly tracker?: Tracker;
}

export interface TuneReport {
  readonly name: string;
  readonly dir: string;
  readonly resumed: boolean;
  readonly study: StudyFile;
  readonly trials: readonly StoredTrial[];
  /** Trials run by this call. */
  readonly ran: number;
  readonly best: StoredTrial | undefined;
  /** best-params.json, when a trial completed. */
  readonly bestParamsFile: string | undefined;
  /** This session's parent run (the last session's when there was nothing left to run). */
  readonly parentRunId: string;
  readonly trackingLocation: string;
  /** Why fewer trials than asked exist: the timeout, or every grid combination was tried. */
  readonly stoppedEarly: 'timeout' | 'grid' | null;
}

/** Runs (or resumes) a study to its number of trials, its timeout, or the end of its grid. */
export async function runTuning(workspace: Workspace, options: TuneOptions): Promise<TuneReport> {
  const name = options.study ?? defaultStudyName(options.config.sampler ?? 'tpe');
  const dir = studyDir(workspace, name);
  const saved = readStudy(workspace, name);
  if (options.trials === undefined && saved === undefined) {
    throw new ClairscoreError('CS_ERR_USAGE', 'A new study needs --trials N (its number of trials).');
  }
  const config =
    saved !== undefined ? resumedConfig(name, saved.study.config, options.config) : newConfig(options.config);
  const trials: StoredTrial[] = [...(saved?.trials ?? [])];
  const before = trials.length;
  const targetTrials = options.trials ?? saved!.study.targetTrials;
  const tracker = options.tracker ?? openTracker(workspace);
  const report = (
    studyFile: StudyFile,
    parentRunId: string,
    stoppedEarly: TuneReport['stoppedEarly'],
  ): TuneReport => {
    const best = bestTrial(trials, 'maximize') as StoredTrial | undefined;
    return {
      name,
      dir,
      resumed: saved !== undefined,
      study: studyFile,
      trials,
      ran: trials.length - before,
      best,
      bestParamsFile: best === undefined ? undefined : path.join(dir, BEST_PARAMS_FILE),
      parentRunId,
      trackingLocation: tracker.location,
      stoppedEarly,
    };
  };
  const study = new Study({
    space: config.space, // the sampler checks it here, before any data is read
    sampler: createSampler(config.sampler, config.seed),
    pruner: createPruner(config.pruner),
    direction: 'maximize',
    name,
    trials,
  });
  const toRun = Math.max(0, targetTrials - trials.length);
  if (saved !== undefined && toRun === 0) {
    // Nothing to run: no new session, no tracking run; the report describes the study as it is.
    options.onStart?.({ name, resumed: true, done: trials.length, toRun });
    return report(saved.study, saved.study.sessions.at(-1)?.parentRunId ?? '', null);
  }
  const matrix = options.matrix ?? (await exportWorkspaceMatrix(workspace, { rows: 'train' }));
  using cv = new CvObjective(matrix, {
    folds: config.folds,
    seed: config.seed,
    numBoostRound: config.numBoostRound,
    earlyStoppingRounds: config.earlyStoppingRounds,
    ...(config.threads === null ? {} : { threads: config.threads }),
  });

  const session = saved?.study.sessions.length ?? 0;
  const parent = await tracker.startRun({
    experimentName: TUNING_EXPERIMENT,
    runName: session === 0 ? name : `${name} (resumed ${session})`,
    tags: {
      [STUDY_TAG]: name,
      'clairscore.study.session': String(session + 1),
      ...(saved && saved.study.sessions.length > 0
        ? { 'clairscore.study.resumed_from': saved.study.sessions.at(-1)!.parentRunId }
        : {}),
    },
  });
  try {
    const studyFile: StudyFile = {
      format: 1,
      name,
      createdAt: saved?.study.createdAt ?? new Date().toISOString(),
      direction: 'maximize',
      objective: 'cv_auc',
      targetTrials,
      config,
      sessions: [
        ...(saved?.study.sessions ?? []),
        { parentRunId: parent.runId, startedAt: new Date().toISOString() },
      ],
    };
    writeStudy(workspace, studyFile);
    await logSessionStart(parent, studyFile, trials.length);

    const runs = new TrialRuns({
      tracker,
      parentRunId: parent.runId,
      tags: { [STUDY_TAG]: name, 'clairscore.sampler': config.sampler },
    });
    options.onStart?.({ name, resumed: saved !== undefined, done: trials.length, toRun });
    let bestNumber = bestTrial(trials, 'maximize')?.number;
    if (toRun > 0) {
      await study.optimize(runs.wrap(cv), {
        nTrials: toRun,
        ...(options.timeoutSeconds === undefined ? {} : { timeoutSeconds: options.timeoutSeconds }),
        onTrialEnd: async (trial) => {
          const runId = await runs.finish(trial, cv.trialCv(trial.number));
          cv.forget(trial.number);
          trials.push({ ...trial, runId });
          writeTrials(workspace, name, trials);
          const best = bestTrial(trials, 'maximize') as StoredTrial | undefined;
          if (best !== undefined) {
            await parent.logMetrics([{ key: 'best_cv_auc', value: best.value!, step: trial.number }]);
            if (best.number !== bestNumber)
              writeJson(path.join(dir, BEST_PARAMS_FILE), paramsFileContent(best.params));
            bestNumber = best.number;
          }
          options.onTrial?.(trials.at(-1)!, best);
        },
      });
    }
    const best = bestTrial(trials, 'maximize') as StoredTrial | undefined;
    if (best !== undefined) writeJson(path.join(dir, BEST_PARAMS_FILE), paramsFileContent(best.params));
    await logSessionEnd(parent, trials, best);
    await parent.end('FINISHED');
    const exhausted = study.sampler.isExhausted?.(study.space, study) === true;
    return report(
      studyFile,
      parent.runId,
      trials.length >= targetTrials ? null : exhausted ? 'grid' : 'timeout',
    );
  } catch (error) {
    await parent.end('FAILED');
    throw error;
  }
}

async function logSessionStart(parent: TrackedRun, study: StudyFile, done: number): Promise<void> {
  const { config } = study;
  await parent.logParams({
    study: study.name,
    sampler: config.sampler,
    seed: config.seed,
    pruner: config.pruner,
    folds: config.folds,
    num_boost_round: config.numBoostRound,
    early_stopping_rounds: config.earlyStoppingRounds,
    threads: config.threads ?? 'all',
    target_trials: study.targetTrials,
    trials_before: done,
    direction: study.direction,
    objective: study.objective,
  });
  await parent.logArtifact('search-space.json', `${JSON.stringify(spaceToJson(config.space), null, 2)}\n`);
}

async function logSessionEnd(
  parent: TrackedRun,
  trials: readonly StoredTrial[],
  best: StoredTrial | undefined,
): Promise<void> {
  const count = (state: string): number => trials.filter((t) => t.state === state).length;
  await parent.logMetrics([
    { key: 'trials', value: trials.length },
    { key: 'trials_complete', value: count('COMPLETE') },
    { key: 'trials_pruned', value: count('PRUNED') },
    { key: 'trials_failed', value: count('FAIL') },
  ]);
  await parent.logArtifact('trials.json', `${JSON.stringify({ trials }, null, 2)}\n`);
  if (best !== undefined) {
    await parent.setTags({
      'clairscore.best_trial': String(best.number),
      'clairscore.best_run_id': best.runId ?? '',
    });
    await parent.logArtifact(
      BEST_PARAMS_FILE,
      `${JSON.stringify(paramsFileContent(best.params), null, 2)}\n`,
    );
  }
}
