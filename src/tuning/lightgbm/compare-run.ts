/**
 * `clairscore tune --compare`: grid, random and TPE on the same objective (the same CV folds
 * of the same rows) and the same budget, the way a data scientist compares GridSearchCV,
 * RandomizedSearchCV and Optuna. Every trial is a child run of one comparison run; the result
 * (best CV AUC vs trials and vs time) is stored as comparison.json and comparison.svg, both on
 * that run and in workspace/tuning/.
 */
import path from 'node:path';

import { writeFileAtomic, type Workspace } from '../../core/index.js';
import { exportWorkspaceMatrix, type FeatureMatrix } from '../../features/index.js';
import { openTracker, type Tracker } from '../../tracking/index.js';
import { compareSamplers, type SamplerComparison } from '../compare-samplers.js';
import { GridSampler } from '../grid-sampler.js';
import type { FrozenTrial } from '../trial-record.js';
import { CvObjective } from './cv-objective.js';
import { comparisonSvg } from './comparison-chart.js';
import { createPruner, createSampler, newConfig, type RequestedConfig } from './study-config.js';
import {
  COMPARISON_JSON,
  COMPARISON_SVG,
  SAMPLER_NAMES,
  spaceToJson,
  tuningDir,
  writeJson,
  type StudyConfig,
} from './study-files.js';
import { TrialRuns, TUNING_EXPERIMENT } from './trial-runs.js';

export interface CompareRunOptions {
  /** Trials per sampler and seed. */
  readonly trials: number;
  /** Seconds per sampler and seed (no new trial after it). */
  readonly timeoutSeconds?: number;
  /** Runs per sampler, with sampler seeds seed, seed+1, ... (the folds keep `seed`). */
  readonly repeats?: number;
  /** sampler is ignored: all three run. */
  readonly config: RequestedConfig;
  readonly onTrial?: (trial: FrozenTrial, run: { sampler: string; seed: number }) => void;
  readonly matrix?: FeatureMatrix;
  readonly tracker?: Tracker;
}

/** comparison.json: the comparison with what it was run on. */
export interface ComparisonDocument {
  readonly createdAt: string;
  readonly objective: 'cv_auc';
  readonly budget: { readonly trials: number; readonly timeoutSeconds: number | null };
  readonly config: Omit<StudyConfig, 'space' | 'sampler'> & { readonly space: unknown };
  readonly parentRunId: string;
  readonly comparison: SamplerComparison;
}

export interface CompareRunReport {
  readonly document: ComparisonDocument;
  readonly jsonFile: string;
  readonly svgFile: string;
  readonly parentRunId: string;
  readonly trackingLocation: string;
}

/** Runs the three samplers on one budget and stores the comparison. */
export async function runComparison(
  workspace: Workspace,
  options: CompareRunOptions,
): Promise<CompareRunReport> {
  const config = newConfig(options.config);
  // A space the grid cannot walk is refused before any trial of any sampler runs.
  new GridSampler().check(config.space);
  const seeds = Array.from({ length: options.repeats ?? 1 }, (_, i) => config.seed + i);
  const matrix = options.matrix ?? (await exportWorkspaceMatrix(workspace, { rows: 'train' }));
  using cv = new CvObjective(matrix, {
    folds: config.folds,
    seed: config.seed,
    numBoostRound: config.numBoostRound,
    earlyStoppingRounds: config.earlyStoppingRounds,
    ...(config.threads === null ? {} : { threads: config.threads }),
  });
  const tracker = options.tracker ?? openTracker(workspace);
  const parent = await tracker.startRun({
    experimentName: TUNING_EXPERIMENT,
    runName: `sampler-comparison-${new Date().toISOString().slice(0, 19)}`,
    tags: { 'clairscore.comparison': 'grid,random,tpe' },
  });
  try {
    await parent.logParams({
      samplers: SAMPLER_NAMES.join(','),
      trials_per_sampler: options.trials,
      timeout_s: options.timeoutSeconds ?? 'none',
      seeds: seeds.join(','),
      pruner: config.pruner,
      folds: config.folds,
      num_boost_round: config.numBoostRound,
      early_stopping_rounds: config.earlyStoppingRounds,
    });
    const runs = new Map<string, TrialRuns>();
    const runsOf = (sampler: string, seed: number): TrialRuns => {
      const key = `${sampler}-s${seed}`;
      let found = runs.get(key);
      if (found === undefined) {
        found = new TrialRuns({
          tracker,
          parentRunId: parent.runId,
          prefix: key,
          tags: { 'clairscore.sampler': sampler, 'clairscore.sampler_seed': String(seed) },
        });
        runs.set(key, found);
      }
      return found;
    };
    // Grid first: it is the one a space is most likely to be unfit for.
    const comparison = await compareSamplers({
      space: config.space,
      direction: 'maximize',
      samplers: ['grid', 'random', 'tpe'].map((name) => ({
        name,
        create: (seed: number) => createSampler(name as StudyConfig['sampler'], seed),
      })),
      seeds,
      objective: (seed, sampler) => runsOf(sampler, seed).wrap(cv),
      onTrialEnd: async (trial, run) => {
        await runsOf(run.sampler, run.seed).finish(trial, cv.trialCv(trial.number));
        cv.forget(trial.number);
        options.onTrial?.(trial, run);
      },
      pruner: () => createPruner(config.pruner),
      nTrials: options.trials,
      ...(options.timeoutSeconds === undefined ? {} : { timeoutSeconds: options.timeoutSeconds }),
    });
    const { folds, numBoostRound, earlyStoppingRounds, pruner, seed, threads, space } = config;
    const document: ComparisonDocument = {
      createdAt: new Date().toISOString(),
      objective: 'cv_auc',
      budget: { trials: options.trials, timeoutSeconds: options.timeoutSeconds ?? null },
      config: { seed, pruner, folds, numBoostRound, earlyStoppingRounds, threads, space: spaceToJson(space) },
      parentRunId: parent.runId,
      comparison,
    };
    const json = `${JSON.stringify(document, null, 2)}\n`;
    const svg = comparisonSvg(comparison);
    const jsonFile = path.join(tuningDir(workspace), COMPARISON_JSON);
    const svgFile = path.join(tuningDir(workspace), COMPARISON_SVG);
    writeJson(jsonFile, document);
    writeFileAtomic(svgFile, svg);
    await parent.logArtifact(COMPARISON_JSON, json);
    await parent.logArtifact(COMPARISON_SVG, svg);
    await parent.logMetrics(
      comparison.summaries.flatMap((s) => [
        ...s.byTrial.flatMap((q, i) =>
          Number.isNaN(q.median) ? [] : [{ key: `best_cv_auc.${s.sampler}`, value: q.median, step: i + 1 }],
        ),
      ]),
    );
    await parent.end('FINISHED');
    return { document, jsonFile, svgFile, parentRunId: parent.runId, trackingLocation: tracker.location };
  } catch (error) {
    await parent.end('FAILED');
    throw error;
  }
}
