import { Command } from 'commander';

import { registerDemo } from './commands/demo.js';
import { registerDrift } from './commands/drift.js';
import { registerEvaluate } from './commands/evaluate.js';
import { registerFeatures } from './commands/features.js';
import { registerGenerate } from './commands/generate.js';
import { registerIngest } from './commands/ingest.js';
import { registerPromote } from './commands/promote.js';
import { registerServe } from './commands/serve.js';
import { registerScore } from './commands/score.js';
import { registerTrain } from './commands/train.js';
import { registerTune } from './commands/tune.js';
import { registerUsers } from './commands/users.js';

/** The `clairscore` command with its subcommands; main.ts parses argv with it. */
export function buildProgram(): Command {
  const program = new Command('clairscore')
    .description('Transparent credit scoring on the Home Credit tables')
    .option('-w, --workspace <dir>', 'workspace folder (default: $CLAIRSCORE_WORKSPACE or ./workspace)')
    .option('--json', 'print a machine-readable result on stdout')
    .option('--verbose', 'print stack traces of errors')
    .showHelpAfterError()
    .configureHelp({ showGlobalOptions: true });
  registerGenerate(program);
  registerIngest(program);
  registerDemo(program);
  registerFeatures(program);
  registerDrift(program);
  registerTrain(program);
  registerPromote(program);
  registerServe(program);
  registerTune(program);
  registerEvaluate(program);
  registerScore(program);
  registerUsers(program);
  return program;
}
