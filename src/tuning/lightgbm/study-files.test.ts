import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { ClairscoreError, resolveWorkspace } from '../../core/index.js';
import { DEFAULT_EARLY_STOPPING, DEFAULT_FOLDS, DEFAULT_ROUNDS, DEFAULT_SEED } from '../../training/index.js';
import { defaultSearchSpace } from '../space-config.js';
import { parseSearchSpace } from '../space-validation.js';
import { frozen, steps } from '../trial-fixtures.js';
import { newConfig, resumedConfig } from './study-config.js';
import {
  readStudy,
  spaceToJson,
  studyDir,
  writeStudy,
  writeTrials,
  type StoredTrial,
  type StudyFile,
} from './study-files.js';
import { lightgbmParamsFor, paramsFileContent } from './trial-params.js';

const root = mkdtempSync(path.join(tmpdir(), 'cs-tune-files-'));
const workspace = resolveWorkspace(root);
afterAll(() => rmSync(root, { recursive: true, force: true }));

function studyFile(name: string): StudyFile {
  return {
    format: 1,
    name,
    createdAt: '2026-11-29T00:00:00.000Z',
    direction: 'maximize',
    objective: 'cv_auc',
    targetTrials: 10,
    config: newConfig({ sampler: 'random', seed: 3, folds: 3 }),
    sessions: [{ parentRunId: 'abc', startedAt: '2026-11-29T00:00:00.000Z' }],
  };
}

describe('study files', () => {
  it('writes the space back in its config form, which parses to the same space', () => {
    const space = defaultSearchSpace();
    const json = spaceToJson(space);
    expect(parseSearchSpace(json)).toEqual(space);
    // Ints keep no default step; floats keep their grid.
    expect(json.parameters[0]).toEqual({
      name: 'num_leaves',
      type: 'int',
      low: 8,
      high: 256,
      log: true,
      grid: [15, 31, 63, 127],
    });
  });

  it('reads back what it wrote: config, sessions, trials with run ids, NaN intermediate values', () => {
    const trials: StoredTrial[] = [
      { ...frozen(0, 'COMPLETE', { num_leaves: 31 }, 0.75, steps(0.7, 0.8)), runId: 'r0' },
      { ...frozen(1, 'PRUNED', { num_leaves: 8 }, null, steps(NaN)), runId: 'r1' },
      { ...frozen(2, 'FAIL', { num_leaves: 9 }), error: 'bagging_fraction', runId: null },
    ];
    writeStudy(workspace, studyFile('files'));
    writeTrials(workspace, 'files', trials);
    const read = readStudy(workspace, 'files')!;
    expect(read.study).toEqual(studyFile('files'));
    expect(read.trials.map((t) => t.runId)).toEqual(['r0', 'r1', null]);
    expect(read.trials[1]!.intermediate[0]!.value).toBeNaN();
    expect(read.trials[2]!.error).toBe('bagging_fraction');
    expect(readStudy(workspace, 'absent')).toBeUndefined();
  });

  it('refuses study names that are not plain folder names', () => {
    for (const bad of ['../escape', '.hidden', 'a/b', '', 'x'.repeat(65)]) {
      expect(() => studyDir(workspace, bad), bad).toThrow(/--study/);
    }
    expect(studyDir(workspace, 'credit-tpe_2.v1')).toBe(path.join(root, 'tuning', 'credit-tpe_2.v1'));
  });

  it('resumes a study whose trials file was never written, and refuses a damaged study file', () => {
    writeStudy(workspace, studyFile('fresh'));
    expect(readStudy(workspace, 'fresh')!.trials).toEqual([]);
    const studyJson = path.join(studyDir(workspace, 'fresh'), 'study.json');
    writeFileSync(studyJson, readFileSync(studyJson, 'utf8').slice(0, 40));
    expect(() => readStudy(workspace, 'fresh')).toThrow(
      /Cannot resume from .*study.json.*another --study name/s,
    );
  });
});

describe('study configuration', () => {
  const saved = newConfig({ sampler: 'tpe', seed: 3, folds: 3, numBoostRound: 50 });

  it('fills what was not asked with the training defaults', () => {
    expect(newConfig({})).toEqual({
      sampler: 'tpe',
      seed: DEFAULT_SEED,
      pruner: 'median',
      folds: DEFAULT_FOLDS,
      numBoostRound: DEFAULT_ROUNDS,
      earlyStoppingRounds: DEFAULT_EARLY_STOPPING,
      threads: null,
      space: defaultSearchSpace(),
    });
  });

  it('resumes with the saved settings, and refuses flags that contradict them', () => {
    expect(resumedConfig('s', saved, {})).toBe(saved);
    expect(resumedConfig('s', saved, { seed: 3, sampler: 'tpe', space: defaultSearchSpace() })).toBe(saved);
    let error: unknown;
    try {
      resumedConfig('s', saved, { seed: 4, sampler: 'random', space: parseSearchSpace(smallSpace) });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ClairscoreError);
    const message = (error as ClairscoreError).message;
    expect(message).toContain('--seed: the study was created with --seed 3');
    expect(message).toContain('--sampler: the study was created with --sampler tpe');
    expect(message).toContain('--space: the study was created with another search space');
  });
});

describe('trial parameters', () => {
  it('puts the sampled values over the base and maps class weighting to is_unbalance', () => {
    const base = { learning_rate: 0.05, num_leaves: 31, is_unbalance: true };
    expect(lightgbmParamsFor({ num_leaves: 63, class_weighting: 'none' }, base)).toEqual({
      learning_rate: 0.05,
      num_leaves: 63,
      is_unbalance: false,
    });
    expect(paramsFileContent({ lambda_l1: 0.1, class_weighting: 'is_unbalance' })).toEqual({
      lambda_l1: 0.1,
      is_unbalance: true,
    });
  });

  it('accepts only none / is_unbalance as class weighting, and no second class weighting', () => {
    const space = (choices: unknown[], extra: object[] = []): unknown => ({
      parameters: [{ name: 'class_weighting', type: 'categorical', choices }, ...extra],
    });
    expect(() => parseSearchSpace(space(['none', 'is_unbalance']))).not.toThrow();
    expect(() => parseSearchSpace(space(['none', 'balanced']))).toThrow(
      /class_weighting: choice "balanced" is not one of none, is_unbalance/,
    );
    expect(() =>
      parseSearchSpace(space(['none'], [{ name: 'scale_pos_weight', type: 'float', low: 1, high: 10 }])),
    ).toThrow(/class_weighting and scale_pos_weight both weight the classes/);
  });
});

const smallSpace = { parameters: [{ name: 'num_leaves', type: 'int', low: 4, high: 32 }] };
