import type { Command } from 'commander';

import { ClairscoreError } from '../../core/index.js';
import { scoreBatch, type BatchScoreSummary } from '../../scoring/index.js';
import { contextFrom } from '../context.js';
import { integerFlag } from '../options.js';
import { startProgress } from '../progress.js';

interface ScoreFlags {
  input?: string;
  out?: string;
  errors?: string;
  history?: string;
  version?: string;
}

/** `clairscore score`: score a CSV of applications with the champion. */
export function registerScore(program: Command): void {
  program
    .command('score')
    .description('score a CSV of applications (application_train/test layout) with the champion model')
    .requiredOption('--input <file>', 'applications CSV (TARGET optional)')
    .requiredOption('--out <file>', 'scores CSV: SK_ID_CURR, probability, decision, three reasons')
    .option('--errors <file>', 'invalid rows with line and reasons (default: OUT.errors.csv)')
    .option('--history <dir>', 'folder with the history tables of these clients (Kaggle file names)')
    .option('--version <n>', 'a registered version instead of the champion')
    .addHelpText(
      'after',
      '\nWithout --history, history features are missing, as for a new applicant.\n\nExamples:\n  clairscore score --input new.csv --out scores.csv\n  clairscore score --input application_test.csv --history data/ --out scores.csv --json',
    )
    .action(async (flags: ScoreFlags, command: Command) => {
      const ctx = contextFrom(command);
      if (flags.input === undefined || flags.out === undefined) {
        throw new ClairscoreError('CS_ERR_USAGE', 'score needs --input FILE and --out FILE.');
      }
      const bar = startProgress('score', 100);
      let summary: BatchScoreSummary;
      try {
        summary = await scoreBatch(ctx.workspace, {
          input: flags.input,
          out: flags.out,
          ...(flags.errors === undefined ? {} : { errors: flags.errors }),
          ...(flags.history === undefined ? {} : { historyDir: flags.history }),
          ...(flags.version === undefined ? {} : { version: integerFlag('--version', flags.version, 1) }),
          onProgress: (done, total) => bar.update(Math.round((done / total) * 100), `${done}/${total}`),
        });
      } finally {
        bar.stop();
      }
      if (summary.invalid > 0) ctx.warn(`${summary.invalid} invalid rows reported in ${summary.errors}`);
      ctx.result(summary, renderScore);
    });
}

function renderScore(s: BatchScoreSummary): string {
  return [
    `Scored ${s.scored.toLocaleString('en-US')} of ${s.rows.toLocaleString('en-US')} applications with model version ${s.modelVersion} in ${s.seconds.toFixed(1)} s → ${s.out}`,
    `  accepted ${s.decisions.accepted}, refused ${s.decisions.refused}, to review ${s.decisions.review}`,
    `  invalid rows: ${s.invalid}${s.invalid > 0 ? ` (line and reasons in ${s.errors})` : ''}`,
    ...(s.rocAuc === undefined ? [] : [`  ROC AUC against TARGET: ${s.rocAuc.toFixed(4)}`]),
  ].join('\n');
}
