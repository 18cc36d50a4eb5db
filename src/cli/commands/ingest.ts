import type { Command } from 'commander';

/** `clairscore ingest`: placeholder until ingestion lands. */
export function registerIngest(program: Command): void {
  program.command('ingest').description('load the Kaggle CSV files into the workspace database');
}
