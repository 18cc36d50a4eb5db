import type { Command } from 'commander';

import { promote, rollback, type Promotion } from '../../registry/index.js';
import { contextFrom } from '../context.js';
import { integerFlag, numberFlag } from '../options.js';

interface PromoteFlags {
  rollback?: boolean;
  minAuc?: string;
}

/** `clairscore promote [VERSION]`: make a version the champion, or roll back to the previous one. */
export function registerPromote(program: Command): void {
  program
    .command('promote')
    .description('make the newest model version (or VERSION) the champion the service uses')
    .argument('[version]', 'the version to promote (default: the newest)')
    .option('--rollback', 'restore the champion the current one replaced')
    .option('--min-auc <auc>', 'refuse a model whose out-of-fold ROC AUC is below this')
    .addHelpText(
      'after',
      '\nExamples:\n  clairscore promote\n  clairscore promote 3 --min-auc 0.74\n  clairscore promote --rollback',
    )
    .action((version: string | undefined, flags: PromoteFlags, command: Command) => {
      const ctx = contextFrom(command);
      const promotion = flags.rollback
        ? rollback(ctx.workspace)
        : promote(ctx.workspace, {
            ...(version === undefined ? {} : { version: integerFlag('VERSION', version, 1) }),
            ...(flags.minAuc === undefined ? {} : { minAuc: numberFlag('--min-auc', flags.minAuc, 0, 1) }),
          });
      ctx.result(promotion, renderPromotion);
    });
}

function renderPromotion(promotion: Promotion): string {
  const { champion, replaced } = promotion;
  const from = replaced === null ? '' : ` (replacing version ${replaced})`;
  return [
    `Version ${champion.version} is the champion${from}.`,
    `  ${champion.kind}, ROC AUC ${champion.metrics.rocAuc.toFixed(4)}, threshold ${champion.decision.threshold.toFixed(4)}, features ${champion.featureVersion}`,
  ].join('\n');
}
