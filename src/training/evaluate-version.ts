import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { parse } from 'csv-parse/sync';

import { ClairscoreError, type Workspace } from '../core/index.js';
import { readLastIngest, withDatabase } from '../data/index.js';
import { confusion, rocAuc, type Confusion } from '../model/index.js';
import { listVersions, readCard, readChampionPointer, readOof, type ModelCard } from '../registry/index.js';

/** The ceiling on generated data: how well the true default probabilities themselves rank. */
export interface OracleComparison {
  readonly truthFile: string;
  /** Clients of the out-of-fold set found in the truth file. */
  readonly rows: number;
  readonly oracleAuc: number;
  readonly modelAuc: number;
  /** modelAuc / oracleAuc. */
  readonly fraction: number;
}

export interface EvaluationReport {
  readonly card: ModelCard;
  readonly champion: boolean;
  readonly confusion: Confusion;
  /** Undefined when no truth file is known (real data). */
  readonly oracle: OracleComparison | undefined;
}

/** The version asked for, else the champion, else the newest. */
function chooseVersion(workspace: Workspace, version: number | undefined): number {
  const chosen = version ?? readChampionPointer(workspace)?.version ?? listVersions(workspace).at(-1);
  if (chosen === undefined) {
    throw new ClairscoreError('CS_ERR_NO_MODEL', 'No model version yet: run `clairscore train` first.');
  }
  return chosen;
}

/** truth.csv of the generated data set the workspace was ingested from, when there is one. */
async function defaultTruthFile(workspace: Workspace): Promise<string | undefined> {
  if (!existsSync(workspace.database)) return undefined;
  const ingest = await withDatabase(workspace, { readOnly: true }, (db) => readLastIngest(db));
  const file = ingest ? path.join(ingest.sourceDir, 'truth.csv') : undefined;
  return file !== undefined && existsSync(file) ? file : undefined;
}

function readTruth(file: string): Map<number, number> {
  if (!existsSync(file)) {
    throw new ClairscoreError('CS_ERR_INPUT_NOT_FOUND', `The truth file ${file} does not exist.`);
  }
  const records = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const first = records[0];
  if (!first || !('SK_ID_CURR' in first) || !('TRUE_PD' in first)) {
    throw new ClairscoreError(
      'CS_ERR_MISSING_COLUMNS',
      `The truth file ${file} needs the columns SK_ID_CURR and TRUE_PD (as \`clairscore generate\` writes it).`,
    );
  }
  return new Map(records.map((r) => [Number(r.SK_ID_CURR), Number(r.TRUE_PD)]));
}

/**
 * A registered version judged on its out-of-fold predictions; on generated data also against
 * the oracle: the AUC of the true default probabilities on the same clients and outcomes.
 */
export async function evaluateVersion(
  workspace: Workspace,
  options: { version?: number; truthFile?: string } = {},
): Promise<EvaluationReport> {
  const version = chooseVersion(workspace, options.version);
  const card = readCard(workspace, version);
  const oof = readOof(workspace, version);
  const truthFile = options.truthFile ?? (await defaultTruthFile(workspace));
  let oracle: OracleComparison | undefined;
  if (truthFile !== undefined) {
    const truth = readTruth(truthFile);
    const rows = [...oof.ids.keys()].filter((i) => truth.has(oof.ids[i]!));
    if (rows.length === 0) {
      throw new ClairscoreError(
        'CS_ERR_BAD_VALUE',
        `None of the ${oof.ids.length} training clients of version ${version} is in ${truthFile}: is it the truth of another data set?`,
      );
    }
    const labels = rows.map((i) => oof.labels[i]!);
    const oracleAuc = rocAuc(
      labels,
      rows.map((i) => truth.get(oof.ids[i]!)!),
    );
    const modelAuc = rocAuc(
      labels,
      rows.map((i) => oof.raw[i]!),
    );
    oracle = { truthFile, rows: rows.length, oracleAuc, modelAuc, fraction: modelAuc / oracleAuc };
  }
  return {
    card,
    champion: readChampionPointer(workspace)?.version === version,
    confusion: confusion(oof.labels, oof.calibrated, card.decision.threshold),
    oracle,
  };
}
