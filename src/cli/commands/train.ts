import { readFileSync } from 'node:fs';

import type { Command } from 'commander';

import { ClairscoreError } from '../../core/index.js';
import type { LightGbmParams, ReliabilityBin } from '../../model/index.js';
import type { CandidateSummary } from '../../registry/index.js';
import { MODEL_KINDS, runTraining, type ModelKind } from '../../training/index.js';
import { contextFrom } from '../context.js';
import { choiceFlag, integerFlag, numberFlag } from '../options.js';
import { renderTable } from '../table.js';

interface TrainFlags {
  model?: string;
  folds: string;
  seed: string;
  fnCost: string;
  fpCost: string;
  reviewBand: string;
  rounds?: string;
  earlyStopping?: string;
  params?: string;
  runName?: string;
}

/** What `train` prints and returns with --json. */
export interface TrainResult {
  readonly version: number | null;
  readonly runId: string;
  readonly tracking: string;
  readonly model: string | null;
  readonly threshold: number | null;
  readonly reviewBand: number;
  readonly comparison: readonly CandidateSummary[];
  readonly reliability: readonly ReliabilityBin[];
}

/** `clairscore train`: cross-validate LightGBM and the baselines, register LightGBM as a new version. */
export function registerTrain(program: Command): void {
  program
    .command('train')
    .description(
      'train LightGBM and the baselines on the same folds, calibrate, set the cost threshold, register a new version',
    )
    .option('--model <name>', `train only one model: ${MODEL_KINDS.join(', ')}`)
    .option('--folds <k>', 'stratified cross-validation folds', '5')
    .option('--seed <n>', 'seed of the folds and the models', '42')
    .option('--fn-cost <cost>', 'cost of accepting a client who defaults (false negative)', '10')
    .option('--fp-cost <cost>', 'cost of refusing a client who would repay (false positive)', '1')
    .option('--review-band <width>', 'send files within threshold ± width to a person (0 = off)', '0')
    .option('--rounds <n>', 'maximum LightGBM boosting rounds per fold')
    .option('--early-stopping <n>', 'stop a fold after this many rounds without a better AUC')
    .option('--params <file>', 'JSON file of LightGBM parameters over the defaults (e.g. from `tune`)')
    .option('--run-name <name>', 'name of the tracked run')
    .addHelpText(
      'after',
      '\nExamples:\n  clairscore train\n  clairscore train --model lightgbm --fn-cost 10 --fp-cost 1 --review-band 0.05\n  clairscore train --params best-params.json --json',
    )
    .action(async (flags: TrainFlags, command: Command) => {
      const ctx = contextFrom(command);
      const reviewBand = numberFlag('--review-band', flags.reviewBand, 0, 0.5);
      const report = await runTraining(ctx.workspace, {
        ...(flags.model === undefined
          ? {}
          : { models: [choiceFlag<ModelKind>('--model', flags.model, MODEL_KINDS)] }),
        folds: integerFlag('--folds', flags.folds, 2, 20),
        seed: integerFlag('--seed', flags.seed, 0),
        costs: {
          fnCost: numberFlag('--fn-cost', flags.fnCost, 0),
          fpCost: numberFlag('--fp-cost', flags.fpCost, 0),
        },
        reviewBand,
        ...(flags.rounds === undefined ? {} : { numBoostRound: integerFlag('--rounds', flags.rounds, 1) }),
        ...(flags.earlyStopping === undefined
          ? {}
          : { earlyStoppingRounds: integerFlag('--early-stopping', flags.earlyStopping, 1) }),
        ...(flags.params === undefined ? {} : { params: readParams(flags.params) }),
        ...(flags.runName === undefined ? {} : { runName: flags.runName }),
        onStep: (step) => ctx.info(`· ${step}`),
      });
      const final = report.outcome.final;
      const result: TrainResult = {
        version: report.card?.version ?? null,
        runId: report.runId,
        tracking: report.trackingLocation,
        model: final?.name ?? null,
        threshold: final?.assessment.summary.threshold ?? null,
        reviewBand,
        comparison: report.outcome.comparison,
        reliability: final?.assessment.reliability ?? [],
      };
      ctx.result(result, renderTraining);
    });
}

/** LightGBM parameters from a JSON object file (e.g. a tuning study's best parameters). */
function readParams(file: string): LightGbmParams {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ClairscoreError('CS_ERR_USAGE', `--params ${file}: ${(error as Error).message}`);
  }
  const params = (value as { params?: unknown } | null)?.params ?? value;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new ClairscoreError(
      'CS_ERR_USAGE',
      `--params ${file} must hold a JSON object of LightGBM parameters.`,
    );
  }
  for (const [key, entry] of Object.entries(params)) {
    if (!['number', 'string', 'boolean'].includes(typeof entry)) {
      throw new ClairscoreError(
        'CS_ERR_USAGE',
        `--params ${file}: ${key} must be a number, string or boolean.`,
      );
    }
  }
  return params as LightGbmParams;
}

const fixed = (value: number, digits = 4): string => (Number.isFinite(value) ? value.toFixed(digits) : '—');

export function renderTraining(result: TrainResult): string {
  const spread = (c: CandidateSummary, key: string): string => {
    const s = c.folds[key];
    return s ? `± ${s.std.toFixed(4)}` : '';
  };
  const comparison = renderTable(
    [
      'model',
      'ROC AUC',
      '(folds)',
      'PR AUC',
      'Brier',
      'log loss',
      'KS',
      'threshold',
      'cost/app',
      'calibration',
      'time',
    ],
    result.comparison.map((c) => [
      c.name,
      fixed(c.metrics.rocAuc),
      spread(c, 'rocAuc'),
      fixed(c.metrics.prAuc),
      fixed(c.metrics.brier),
      fixed(c.metrics.logLoss),
      fixed(c.metrics.ks),
      fixed(c.threshold, 3),
      fixed(c.metrics.costPerApplication),
      c.calibration,
      `${c.seconds.toFixed(1)} s`,
    ]),
  );
  const reliability = renderTable(
    ['probability', 'clients', 'mean predicted', 'observed default rate'],
    result.reliability
      .filter((bin) => bin.count > 0)
      .map((bin) => [
        `${bin.lower.toFixed(1)}–${bin.upper.toFixed(1)}`,
        bin.count,
        fixed(bin.meanPredicted),
        fixed(bin.observedRate),
      ]),
  );
  const lines = [
    'Models compared on the same folds (out-of-fold; ranking metrics on raw scores, Brier/log loss/cost calibrated):',
    comparison,
  ];
  if (result.version !== null) {
    lines.push(
      '',
      `Registered ${result.model} as version ${result.version} (not champion: run \`clairscore promote ${result.version}\`).`,
      `Threshold: refuse when the calibrated probability of default ≥ ${fixed(result.threshold ?? Number.NaN, 4)}` +
        (result.reviewBand > 0
          ? `; review between ${fixed((result.threshold ?? 0) - result.reviewBand)} and ${fixed((result.threshold ?? 0) + result.reviewBand)}.`
          : '.'),
      '',
      'Reliability of the calibrated probabilities (out-of-fold):',
      reliability,
    );
  } else {
    lines.push('', 'Only the logistic regression was trained: it is compared, not registered.');
  }
  lines.push('', `Tracked as run ${result.runId} in ${result.tracking}`);
  return lines.join('\n');
}
