#!/usr/bin/env node
import { isClairscoreError } from '../core/index.js';
import { buildProgram } from './program.js';

const program = buildProgram();
try {
  await program.parseAsync(process.argv);
} catch (error) {
  const verbose = process.argv.includes('--verbose');
  const json = process.argv.includes('--json');
  if (isClairscoreError(error)) {
    if (json) {
      process.stdout.write(
        `${JSON.stringify({ error: { code: error.code, message: error.message, details: error.details } }, null, 2)}\n`,
      );
    }
    process.stderr.write(`error ${error.code}: ${error.message}\n`);
    if (verbose && error.stack) process.stderr.write(`${error.stack}\n`);
  } else {
    process.stderr.write(`error CS_ERR_INTERNAL: ${(error as Error).message ?? String(error)}\n`);
    if (verbose) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
  }
  process.exitCode = isClairscoreError(error) && error.status < 500 ? 2 : 1;
}
