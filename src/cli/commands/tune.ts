import type { Command } from 'commander';

import { ClairscoreError } from '../../core/index.js';
import {
  DEFAULT_EARLY_STOPPING,
  DEFAULT_FOLDS,
  DEFAULT_ROUNDS,
  DEFAULT_SEED,
  runTraining,
} from '../../training/index.js';
import { loadSearchSpace } from '../../tuning/index.js';
import {
  paramsFileContent,
  PRUNER_NAMES,
  runComparison,
  runTuning,
  SAMPLER_NAMES,
  type CompareRunReport,
  type RequestedConfig,
  type StoredTrial,
  type TuneReport,
} from '../../tuning/lightgbm/index.js';
import { contextFrom, type CommandContext } from '../context.js';
import { choiceFlag, integerFlag, numberFlag } from '../options.js';
import { renderTable } from '../table.js';

interface TuneFlags {
  sampler?: string;
  trials?: string;
  timeout?: string;
  study?: string;
  space?: string;
  folds?: string;
  seed?: string;
  pruner?: string;
  rounds?: string;
  earlyStopping?: string;
  threads?: string;
  trainBest?: boolean;
  fnCost: string;
  fpCost: string;
  compare?: boolean;
  repeats?: string;
}

/** What `tune` prints and returns with --json. */
export interface TuneResult {
  readonly study: string;
  readonly dir: string;
  readonly resumed: boolean;
  readonly sampler: string;
  readonly trials: number;
  readonly ran: number;
  readonly states: { readonly COMPLETE: number; readonly PRUNED: number; readonly FAIL: number };
  readonly stoppedEarly: 'timeout' | 'grid' | null;
  readonly best: {
    readonly number: number;
    readonly cvAuc: number;
    readonly params: Readonly<Record<string, string | number | boolean>>;
    readonly runId: string | null;
  } | null;
  readonly bestParamsFile: string | null;
  readonly parentRunId: string;
  readonly tracking: string;
  readonly trained: {
    readonly version: number | null;
    readonly runId: string;
    readonly model: string | null;
  } | null;
}

/** `clairscore tune`: hyperparameter search with every trial tracked, or the sampler comparison. */
export function registerTune(program: Command): void {
  program
    .command('tune')
    .description(
      'search LightGBM hyperparameters (TPE, random or grid) by cross-validated AUC, every trial tracked',
    )
    .option('--sampler <name>', `${SAMPLER_NAMES.join(', ')} (default tpe)`)
    .option('--trials <n>', 'trials in all, counting those of an interrupted run of the study')
    .option('--timeout <seconds>', 'start no new trial after this many seconds')
    .option('--study <name>', 'study name: resumed when it exists (default: sampler and time)')
    .option('--space <file>', 'JSON search space (default: src/tuning/default-space.json)')
    .option('--folds <k>', `stratified cross-validation folds (default ${DEFAULT_FOLDS})`)
    .option('--seed <n>', `seed of the sampler, the folds and LightGBM (default ${DEFAULT_SEED})`)
    .option('--pruner <name>', `${PRUNER_NAMES.join(', ')}: stop weak trials after a fold (default median)`)
    .option('--rounds <n>', `maximum boosting rounds per fold (default ${DEFAULT_ROUNDS})`)
    .option(
      '--early-stopping <n>',
      `stop a fold after this many rounds without a better AUC (default ${DEFAULT_EARLY_STOPPING})`,
    )
    .option('--threads <n>', 'LightGBM threads (default: every core)')
    .option('--train-best', 'train the best parameters and register them as a new model version')
    .option('--fn-cost <cost>', 'with --train-best: cost of accepting a client who defaults', '10')
    .option('--fp-cost <cost>', 'with --train-best: cost of refusing a client who would repay', '1')
    .option('--compare', 'run grid, random and TPE on the same budget and compare them')
    .option('--repeats <n>', 'with --compare: runs per sampler with seeds seed, seed+1, ... (default 1)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  clairscore tune --sampler tpe --trials 50 --study credit-tpe',
        '  clairscore tune --study credit-tpe            # resume it after Ctrl-C, up to its 50 trials',
        '  clairscore tune --study credit-tpe --trials 80 --train-best',
        '  clairscore tune --compare --trials 30 --folds 3',
      ].join('\n'),
    )
    .action(async (flags: TuneFlags, command: Command) => {
      const ctx = contextFrom(command);
      const config = requestedConfig(flags);
      const timeoutSeconds =
        flags.timeout === undefined ? undefined : numberFlag('--timeout', flags.timeout, 0);
      const trials = flags.trials === undefined ? undefined : integerFlag('--trials', flags.trials, 1);
      if (timeoutSeconds === 0) usage('--timeout must be a number > 0, got "0".');
      if (flags.compare) {
        for (const [flag, given] of [
          ['--sampler', flags.sampler],
          ['--study', flags.study],
          ['--train-best', flags.trainBest],
        ] as const) {
          if (given !== undefined) usage(`${flag} does not apply to --compare (it runs all three samplers).`);
        }
        if (trials === undefined) usage('--compare needs --trials N (the budget of each sampler).');
        const report = await runComparison(ctx.workspace, {
          trials,
          config,
          ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
          ...(flags.repeats === undefined
            ? {}
            : { repeats: integerFlag('--repeats', flags.repeats, 1, 100) }),
          onTrial: (trial, run) => ctx.info(`${run.sampler.padEnd(6)} ${trialLine(trial)}`),
        });
        ctx.result(report, renderComparison);
        return;
      }
      if (flags.repeats !== undefined) usage('--repeats applies only to --compare.');
      const report = await runTuning(ctx.workspace, {
        ...(flags.study === undefined ? {} : { study: flags.study }),
        ...(trials === undefined ? {} : { trials }),
        ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
        config,
        onStart: ({ name, resumed, done, toRun }) =>
          ctx.info(
            resumed
              ? `Resuming study ${name}: ${done} trials done, ${toRun} to run.`
              : `Study ${name}: ${toRun} trials.`,
          ),
        onTrial: (trial, best) => ctx.info(`${trialLine(trial)}  best ${bestText(best)}`),
      });
      const trained = flags.trainBest ? await trainBest(ctx, report, flags) : null;
      ctx.result(tuneResult(report, trained), renderTune);
    });
}

function requestedConfig(flags: TuneFlags): RequestedConfig {
  const config: { -readonly [K in keyof RequestedConfig]: RequestedConfig[K] } = {};
  if (flags.sampler !== undefined) config.sampler = choiceFlag('--sampler', flags.sampler, SAMPLER_NAMES);
  if (flags.pruner !== undefined) config.pruner = choiceFlag('--pruner', flags.pruner, PRUNER_NAMES);
  if (flags.seed !== undefined) config.seed = integerFlag('--seed', flags.seed, 0);
  if (flags.folds !== undefined) config.folds = integerFlag('--folds', flags.folds, 2, 20);
  if (flags.rounds !== undefined) config.numBoostRound = integerFlag('--rounds', flags.rounds, 1);
  if (flags.earlyStopping !== undefined) {
    config.earlyStoppingRounds = integerFlag('--early-stopping', flags.earlyStopping, 1);
  }
  if (flags.threads !== undefined) config.threads = integerFlag('--threads', flags.threads, 1, 1024);
  // The space is read and validated here, before any data is loaded or any trial runs.
  if (flags.space !== undefined) config.space = loadSearchSpace(flags.space);
  return config;
}

async function trainBest(
  ctx: CommandContext,
  report: TuneReport,
  flags: TuneFlags,
): Promise<TuneResult['trained']> {
  if (report.best === undefined) {
    throw new ClairscoreError(
      'CS_ERR_USAGE',
      `Study ${report.name} has no complete trial: nothing to train. Run more trials, or look at the failed ones in ${report.trackingLocation}.`,
    );
  }
  const { config } = report.study;
  ctx.info(`Training the best parameters (trial ${report.best.number}) and registering them…`);
  const training = await runTraining(ctx.workspace, {
    params: paramsFileContent(report.best.params),
    models: ['lightgbm'],
    costs: {
      fnCost: numberFlag('--fn-cost', flags.fnCost, 0),
      fpCost: numberFlag('--fp-cost', flags.fpCost, 0),
    },
    folds: config.folds,
    seed: config.seed,
    numBoostRound: config.numBoostRound,
    earlyStoppingRounds: config.earlyStoppingRounds,
    runName: `${report.name}-best`,
    parentRunId: report.parentRunId,
    onStep: (step) => ctx.info(`· ${step}`),
  });
  return {
    version: training.card?.version ?? null,
    runId: training.runId,
    model: training.outcome.final?.name ?? null,
  };
}

function usage(message: string): never {
  throw new ClairscoreError('CS_ERR_USAGE', message);
}

const auc = (value: number | null): string =>
  value === null || Number.isNaN(value) ? '—' : value.toFixed(4);

function trialLine(trial: {
  number: number;
  state: string;
  value: number | null;
  durationMs: number;
}): string {
  return `trial ${String(trial.number).padStart(3)}  ${trial.state.padEnd(8)}  cv AUC ${auc(trial.state === 'COMPLETE' ? trial.value : null)}  ${(trial.durationMs / 1000).toFixed(1)} s`;
}

function bestText(best: StoredTrial | undefined): string {
  return best === undefined ? '—' : `${auc(best.value)} (trial ${best.number})`;
}

function tuneResult(report: TuneReport, trained: TuneResult['trained']): TuneResult {
  const count = (state: string): number => report.trials.filter((t) => t.state === state).length;
  const { best } = report;
  return {
    study: report.name,
    dir: report.dir,
    resumed: report.resumed,
    sampler: report.study.config.sampler,
    trials: report.trials.length,
    ran: report.ran,
    states: { COMPLETE: count('COMPLETE'), PRUNED: count('PRUNED'), FAIL: count('FAIL') },
    stoppedEarly: report.stoppedEarly,
    best:
      best === undefined
        ? null
        : { number: best.number, cvAuc: best.value!, params: best.params, runId: best.runId },
    bestParamsFile: report.bestParamsFile ?? null,
    parentRunId: report.parentRunId,
    tracking: report.trackingLocation,
    trained,
  };
}

export function renderTune(result: TuneResult): string {
  const { states } = result;
  const lines = [
    '',
    `Study ${result.study} (${result.sampler}): ${result.trials} trials — ${states.COMPLETE} complete, ${states.PRUNED} pruned, ${states.FAIL} failed; ${result.ran} run now.`,
  ];
  if (result.stoppedEarly === 'grid') lines.push('Every combination of the grid has been tried.');
  if (result.stoppedEarly === 'timeout')
    lines.push('Stopped by --timeout; resume with the same --study to go on.');
  if (result.best === null) {
    lines.push('No trial completed yet.');
  } else {
    lines.push(
      `Best: trial ${result.best.number}, cross-validated AUC ${auc(result.best.cvAuc)}`,
      renderTable(
        ['parameter', 'value'],
        Object.entries(result.best.params).map(([k, v]) => [
          k,
          typeof v === 'number' ? String(Number(v.toPrecision(6))) : String(v),
        ]),
      ),
      `Best parameters: ${result.bestParamsFile} (clairscore train --params FILE)`,
    );
  }
  if (result.trained !== null) {
    lines.push(
      result.trained.version === null
        ? 'Trained the best parameters; nothing was registered.'
        : `Registered ${result.trained.model} as version ${result.trained.version} (not champion: run \`clairscore promote ${result.trained.version}\`).`,
    );
  }
  lines.push(`Study files: ${result.dir}`, `Tracked under run ${result.parentRunId} in ${result.tracking}`);
  return lines.join('\n');
}

export function renderComparison(report: CompareRunReport): string {
  const { comparison } = report.document;
  const names = comparison.summaries.map((s) => s.sampler);
  const longest = Math.max(0, ...comparison.summaries.map((s) => s.byTrial.length));
  const at = [...new Set(spread(longest, 12))];
  const byTrials = renderTable(
    ['trials', ...names],
    at.map((n) => [n, ...comparison.summaries.map((s) => auc(s.byTrial[n - 1]?.median ?? null))]),
  );
  const times = comparison.summaries[0]?.byTime.map((p) => p.elapsedMs) ?? [];
  const byTime = renderTable(
    ['seconds', ...names],
    spread(times.length, 10).map((i) => [
      (times[i - 1]! / 1000).toFixed(1),
      ...comparison.summaries.map((s) => auc(s.byTime[i - 1]?.best.median ?? null)),
    ]),
  );
  const finals = comparison.summaries.map((s) => `${s.sampler} ${auc(s.final.median)}`).join(', ');
  return [
    '',
    `Best cross-validated AUC reached, same budget (${report.document.budget.trials} trials each${comparison.seeds.length > 1 ? `, median of ${comparison.seeds.length} seeds` : ''}):`,
    byTrials,
    '',
    'By elapsed time:',
    byTime,
    '',
    `Final: ${finals}.`,
    `Comparison: ${report.jsonFile} and ${report.svgFile}`,
    `Tracked under run ${report.parentRunId} in ${report.trackingLocation}`,
  ].join('\n');
}

/** Up to `count` evenly spread 1-based positions of 1..n, always with the last. */
function spread(n: number, count: number): number[] {
  if (n <= count) return Array.from({ length: n }, (_, i) => i + 1);
  return Array.from({ length: count }, (_, i) => Math.round(((i + 1) * n) / count));
}
