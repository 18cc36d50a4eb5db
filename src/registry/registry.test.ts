import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { resolveWorkspace, writeFileAtomic, type Workspace } from '../core/index.js';
import { featureSchemaPath } from '../features/index.js';
import { promote, readChampionCard, readChampionPointer, rollback } from './champion.js';
import type { ModelCard } from './model-card.js';
import { listVersions, readCard, registerVersion, versionDir, versionFile } from './registry.js';

function workspaceWithFeatures(featureVersion: string): Workspace {
  const workspace = resolveWorkspace(mkdtempSync(path.join(os.tmpdir(), 'cs-registry-')));
  setFeatureVersion(workspace, featureVersion);
  return workspace;
}

function setFeatureVersion(workspace: Workspace, version: string): void {
  writeFileAtomic(featureSchemaPath(workspace), JSON.stringify({ version }));
}

function card(overrides: Partial<ModelCard> = {}): Omit<ModelCard, 'version'> {
  const metrics = {
    rocAuc: 0.76,
    prAuc: 0.2,
    brier: 0.07,
    logLoss: 0.25,
    ks: 0.4,
    cost: 100,
    costPerApplication: 0.5,
  };
  return {
    name: 'clairscore',
    createdAt: '2026-11-29T00:00:00.000Z',
    gitCommit: null,
    runId: null,
    kind: 'lightgbm',
    featureVersion: 'f1',
    features: ['A', 'B'],
    categorical: [],
    includeSensitive: false,
    trainingData: { rows: 10, defaults: 1, defaultRate: 0.1, folds: 5, seed: 1 },
    params: { objective: 'binary' },
    rounds: 10,
    classWeighting: 'none',
    metrics,
    foldSpread: {},
    calibration: { kind: 'identity' },
    decision: { threshold: 0.1, fnCost: 10, fpCost: 1, reviewBand: 0 },
    comparison: [],
    ...overrides,
  };
}

describe('model registry', () => {
  it('numbers versions in order and keeps each one complete', () => {
    const workspace = workspaceWithFeatures('f1');
    const first = registerVersion(workspace, card(), { 'model.txt': 'tree one' });
    const second = registerVersion(workspace, card(), { 'model.txt': 'tree two' });
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(listVersions(workspace)).toEqual([1, 2]);
    expect(readFileSync(versionFile(workspace, 2, 'model.txt'), 'utf8')).toBe('tree two');
    expect(readCard(workspace, 1).version).toBe(1);
    // Nothing is left of the folders the versions were built in.
    expect(readdirSync(path.dirname(versionDir(workspace, 1)))).toEqual(['1', '2']);
  });

  it('leaves no version behind when writing one fails', () => {
    const workspace = workspaceWithFeatures('f1');
    expect(() => registerVersion(workspace, card(), { '../escape.txt': 'x' })).toThrow(
      /invalid version file name/,
    );
    expect(listVersions(workspace)).toEqual([]);
    expect(readdirSync(path.dirname(versionDir(workspace, 1)))).toEqual([]);
  });

  it('promotes the newest version or a chosen one, and rolls back to the one replaced', () => {
    const workspace = workspaceWithFeatures('f1');
    registerVersion(workspace, card(), { 'model.txt': 'one' });
    registerVersion(workspace, card(), { 'model.txt': 'two' });
    expect(promote(workspace).champion.version).toBe(2);
    const replaced = promote(workspace, { version: 1 });
    expect(replaced).toMatchObject({ champion: { version: 1 }, replaced: 2 });
    expect(readChampionCard(workspace).version).toBe(1);
    expect(rollback(workspace)).toMatchObject({ champion: { version: 2 }, replaced: 1 });
    expect(readChampionPointer(workspace)?.previous).toEqual([]);
    expect(() => rollback(workspace)).toThrow(/no earlier champion/);
  });

  it('refuses a model of another feature version or below the AUC floor, keeping the champion', () => {
    const workspace = workspaceWithFeatures('f1');
    registerVersion(workspace, card(), { 'model.txt': 'one' });
    promote(workspace);
    registerVersion(workspace, card({ metrics: { ...card().metrics, rocAuc: 0.6 } }), {
      'model.txt': 'weak',
    });
    expect(() => promote(workspace, { minAuc: 0.7 })).toThrow(/0\.6000, below the floor 0\.7/);
    registerVersion(workspace, card({ featureVersion: 'f0' }), { 'model.txt': 'old features' });
    expect(() => promote(workspace)).toThrow(/feature version f0, but the feature table is version f1/);
    expect(readChampionCard(workspace).version).toBe(1);
    setFeatureVersion(workspace, 'f0');
    expect(promote(workspace).champion.version).toBe(3);
  });

  it('says what to do when there is no model, no champion or no such version', () => {
    const workspace = workspaceWithFeatures('f1');
    expect(() => promote(workspace)).toThrow(/run `clairscore train` first/);
    expect(() => readChampionCard(workspace)).toThrow(/No champion model yet/);
    registerVersion(workspace, card(), { 'model.txt': 'one' });
    expect(() => promote(workspace, { version: 7 })).toThrow(/no model version 7. Registered versions: 1/);
  });
});
