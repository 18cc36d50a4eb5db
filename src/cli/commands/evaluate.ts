import type { Command } from 'commander';

import { evaluateVersion, type EvaluationReport } from '../../training/index.js';
import { contextFrom } from '../context.js';
import { integerFlag } from '../options.js';
import { renderTable } from '../table.js';

interface EvaluateFlags {
  truth?: string;
}

/** `clairscore evaluate [VERSION]`: a version's out-of-fold quality, and the oracle on generated data. */
export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description("print a model version's out-of-fold metrics, and on generated data the oracle AUC")
    .argument('[version]', 'the version (default: the champion, else the newest)')
    .option('--truth <file>', "truth.csv with TRUE_PD per client (default: the ingested data set's)")
    .addHelpText(
      'after',
      '\nExamples:\n  clairscore evaluate\n  clairscore evaluate 2 --truth data/truth.csv --json',
    )
    .action(async (version: string | undefined, flags: EvaluateFlags, command: Command) => {
      const ctx = contextFrom(command);
      const report = await evaluateVersion(ctx.workspace, {
        ...(version === undefined ? {} : { version: integerFlag('VERSION', version, 1) }),
        ...(flags.truth === undefined ? {} : { truthFile: flags.truth }),
      });
      ctx.result(report, renderEvaluation);
    });
}

const fixed = (value: number, digits = 4): string => (Number.isFinite(value) ? value.toFixed(digits) : '—');

function renderEvaluation(report: EvaluationReport): string {
  const { card, confusion: c, oracle } = report;
  const spread = (key: string): string => {
    const s = card.foldSpread[key];
    return s ? `${fixed(s.mean)} ± ${fixed(s.std)} (${fixed(s.min)}–${fixed(s.max)})` : '';
  };
  const m = card.metrics;
  const lines = [
    `Model version ${card.version}${report.champion ? ' (champion)' : ''}: ${card.kind}, ${card.rounds} rounds, class weighting ${card.classWeighting}, features ${card.featureVersion}`,
    `Out-of-fold on ${card.trainingData.rows.toLocaleString('en-US')} training clients (${card.trainingData.folds} folds):`,
    renderTable(
      ['metric', 'value', 'per fold: mean ± std (min–max)'],
      [
        ['ROC AUC', fixed(m.rocAuc), spread('rocAuc')],
        ['PR AUC', fixed(m.prAuc), spread('prAuc')],
        ['Brier score', fixed(m.brier), spread('brier')],
        ['log loss', fixed(m.logLoss), spread('logLoss')],
        ['KS', fixed(m.ks), spread('ks')],
        ['cost per application', fixed(m.costPerApplication), spread('costPerApplication')],
      ],
    ),
    '',
    `At the threshold ${fixed(card.decision.threshold)} (FN cost ${card.decision.fnCost}, FP cost ${card.decision.fpCost}):`,
    renderTable(
      ['', 'refused', 'accepted'],
      [
        ['defaulted', c.tp, c.fn],
        ['repaid', c.fp, c.tn],
      ],
    ),
  ];
  if (oracle) {
    lines.push(
      '',
      `Oracle (generated data, ${oracle.rows.toLocaleString('en-US')} clients of ${oracle.truthFile}):`,
      `  AUC of the true default probability TRUE_PD: ${fixed(oracle.oracleAuc)}`,
      `  model AUC: ${fixed(oracle.modelAuc)} = ${(oracle.fraction * 100).toFixed(1)}% of the oracle`,
    );
  } else {
    lines.push('', 'No truth file (real data): the oracle comparison applies to generated data only.');
  }
  return lines.join('\n');
}
