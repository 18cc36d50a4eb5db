import { readFileSync } from 'node:fs';

import { ClairscoreError, type Workspace } from '../core/index.js';
import {
  Booster,
  calibratorFromJson,
  decide,
  denseMatrix,
  type Calibrator,
  type Decision,
} from '../model/index.js';
import { championVersion } from './champion.js';
import type { ModelCard } from './model-card.js';
import { MODEL_FILE, readCard, versionFile } from './registry.js';

/** Scores of some applications: LightGBM's log-odds and the calibrated probability shown to people. */
export interface Scores {
  readonly rawLogOdds: Float64Array;
  readonly probability: Float64Array;
}

/**
 * A registered model ready to score: the booster, its calibration and its decision rule. The
 * probability people see is always the calibrated one; SHAP contributions stay on the raw
 * log-odds scale, where they add up exactly.
 */
export class ScoringModel implements Disposable {
  private constructor(
    readonly card: ModelCard,
    private readonly booster: Booster,
    private readonly calibrator: Calibrator,
  ) {}

  /** Loads one registered version. */
  static load(workspace: Workspace, version: number): ScoringModel {
    const card = readCard(workspace, version);
    let booster: Booster;
    try {
      booster = Booster.fromString(readFileSync(versionFile(workspace, version, MODEL_FILE), 'utf8'));
    } catch (error) {
      throw new ClairscoreError(
        'CS_ERR_REGISTRY',
        `The model file of version ${version} cannot be loaded: ${(error as Error).message}`,
      );
    }
    if (booster.featureNames.length !== card.features.length) {
      booster.free();
      throw new ClairscoreError(
        'CS_ERR_REGISTRY',
        `Model version ${version} has ${booster.featureNames.length} inputs but its card lists ${card.features.length} features.`,
      );
    }
    return new ScoringModel(card, booster, calibratorFromJson(card.calibration));
  }

  get version(): number {
    return this.card.version;
  }

  get featureVersion(): string {
    return this.card.featureVersion;
  }

  /** Scores rows of feature vectors laid end to end (card.features order, NaN for missing). */
  score(vectors: Float32Array): Scores {
    const matrix = denseMatrix(vectors, this.card.features.length);
    const rawLogOdds = this.booster.predict(matrix, { kind: 'raw' });
    const probability = rawLogOdds.map((raw) => this.calibrate(raw));
    return { rawLogOdds, probability };
  }

  /** The calibrated probability of default for a raw log-odds score. */
  calibrate(rawLogOdds: number): number {
    return this.calibrator.apply(1 / (1 + Math.exp(-rawLogOdds)));
  }

  /**
   * SHAP contributions of one application on the log-odds scale: one per feature, then the
   * expected value (bias); they sum to the raw score.
   */
  contributions(vector: Float32Array): Float64Array {
    return this.booster.predict(denseMatrix(vector, this.card.features.length), { kind: 'contrib' });
  }

  decide(probability: number): Decision {
    const { threshold, reviewBand } = this.card.decision;
    return decide(probability, threshold, reviewBand);
  }

  /** Global importance (total gain per feature, card.features order). */
  importance(): Float64Array {
    return this.booster.featureImportance('gain');
  }

  free(): void {
    this.booster.free();
  }

  [Symbol.dispose](): void {
    this.free();
  }
}

/** The champion, ready to score; a clear error when there is none. */
export function loadChampion(workspace: Workspace): ScoringModel {
  return ScoringModel.load(workspace, championVersion(workspace));
}
