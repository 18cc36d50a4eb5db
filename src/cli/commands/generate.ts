import type { Command } from 'commander';

/** `clairscore generate`: placeholder until the generator lands. */
export function registerGenerate(program: Command): void {
  program.command('generate').description('write a realistic synthetic Home Credit data set');
}
