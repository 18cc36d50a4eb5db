import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

import { stringify } from 'csv-stringify/sync';

import { ClairscoreError, isClairscoreError, type Workspace } from '../core/index.js';
import { describeFeature, FeatureEngine, type Problem } from '../features/index.js';
import { rocAuc, type Decision } from '../model/index.js';
import { loadChampion, ScoringModel } from '../registry/index.js';
import { readApplicationsCsv } from './application-csv.js';
import { readHistory } from './history-dir.js';

export interface BatchScoreOptions {
  readonly input: string;
  readonly out: string;
  /** Where invalid rows are reported (default: OUT with .errors.csv). */
  readonly errors?: string;
  /** Folder of the history tables of these clients (Kaggle file names). */
  readonly historyDir?: string;
  /** A registered version instead of the champion. */
  readonly version?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface BatchScoreSummary {
  readonly modelVersion: number;
  readonly rows: number;
  readonly scored: number;
  readonly invalid: number;
  readonly decisions: Readonly<Record<Decision, number>>;
  readonly out: string;
  readonly errors: string;
  /** ROC AUC of the calibrated probabilities against TARGET, when the file has it. */
  readonly rocAuc: number | undefined;
  readonly seconds: number;
}

const REASONS = 3;

/** The features raising the risk most for this application, as readable labels. */
function topReasons(model: ScoringModel, vector: Float32Array): string[] {
  const contributions = model.contributions(vector);
  return model.card.features
    .map((name, i) => ({ name, value: contributions[i]! }))
    .filter((c) => c.value > 0)
    .sort((a, b) => b.value - a.value)
    .slice(0, REASONS)
    .map((c) => describeFeature(c.name).label.en);
}

function problemsOf(error: unknown): string {
  if (isClairscoreError(error)) {
    const problems = error.details.problems as readonly Problem[] | undefined;
    return problems ? problems.map((p) => `${p.path || '/'}: ${p.message}`).join('; ') : error.message;
  }
  throw error;
}

/**
 * Scores a CSV of applications with the champion through the one-application feature path:
 * each valid row gets its calibrated probability, decision and top three reasons; each invalid
 * row goes, with its line and the reasons, to the errors file. Nothing is dropped silently.
 */
export async function scoreBatch(
  workspace: Workspace,
  options: BatchScoreOptions,
): Promise<BatchScoreSummary> {
  const started = performance.now();
  const applications = await readApplicationsCsv(options.input);
  const model =
    options.version === undefined ? loadChampion(workspace) : ScoringModel.load(workspace, options.version);
  const engine = await FeatureEngine.open(workspace);
  try {
    if (engine.schema.version !== model.featureVersion) {
      throw new ClairscoreError(
        'CS_ERR_FEATURE_VERSION',
        `Model version ${model.version} was trained on feature version ${model.featureVersion}, but the workspace's features are version ${engine.schema.version}. Retrain, or rebuild the features it was made for.`,
      );
    }
    const history = options.historyDir
      ? await readHistory(
          options.historyDir,
          applications.map((a) => Number(a.json.SK_ID_CURR)).filter(Number.isSafeInteger),
        )
      : undefined;
    const errorsFile = options.errors ?? options.out.replace(/(\.csv)?$/i, '.errors.csv');
    const out = createWriteStream(options.out);
    const errors = createWriteStream(errorsFile);
    out.write(stringify([['SK_ID_CURR', 'probability', 'decision', 'reason_1', 'reason_2', 'reason_3']]));
    errors.write(stringify([['line', 'SK_ID_CURR', 'problems']]));
    const decisions: Record<Decision, number> = { accepted: 0, refused: 0, review: 0 };
    const labelled: { label: number; probability: number }[] = [];
    let scored = 0;
    for (const [index, { line, json }] of applications.entries()) {
      const id = json.SK_ID_CURR;
      const rows = history?.get(Number(id));
      const application = rows ? { ...rows, ...json } : json;
      try {
        const { vector } = await engine.compute(application);
        const probability = model.score(vector).probability[0]!;
        const decision = model.decide(probability);
        decisions[decision]++;
        scored++;
        out.write(stringify([[String(id), probability.toFixed(6), decision, ...topReasons(model, vector)]]));
        if (json.TARGET === 0 || json.TARGET === 1) labelled.push({ label: json.TARGET, probability });
      } catch (error) {
        errors.write(stringify([[line, String(id ?? ''), problemsOf(error)]]));
      }
      options.onProgress?.(index + 1, applications.length);
    }
    out.end();
    errors.end();
    await Promise.all([once(out, 'finish'), once(errors, 'finish')]);
    const hasBoth = labelled.some((l) => l.label === 1) && labelled.some((l) => l.label === 0);
    return {
      modelVersion: model.version,
      rows: applications.length,
      scored,
      invalid: applications.length - scored,
      decisions,
      out: options.out,
      errors: errorsFile,
      rocAuc: hasBoth
        ? rocAuc(
            labelled.map((l) => l.label),
            labelled.map((l) => l.probability),
          )
        : undefined,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    engine.close();
    model.free();
  }
}
