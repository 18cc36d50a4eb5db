import { existsSync } from 'node:fs';
import path from 'node:path';

import type { Command } from 'commander';

import { ensureWorkspace, type Workspace } from '../../core/index.js';
import { ingestFolder, readLastIngest, withDatabase, type IngestSummary } from '../../data/index.js';
import {
  generateDataset,
  OUTPUT_FILES,
  parseClients,
  parseSeed,
  type GenerateSummary,
} from '../../data/generate/index.js';
import { buildFeatureTable, readSchemaFromDatabase, type BuildSummary } from '../../features/index.js';
import { contextFrom } from '../context.js';
import { startProgress } from '../progress.js';
import { renderSummary as renderGenerated } from './generate.js';
import { renderSummary as renderFeatures } from './features.js';
import { progressBars, renderSummary as renderIngested } from './ingest.js';

interface DemoFlags {
  clients: string;
  seed: string;
  fresh?: boolean;
}

/** What the demo did: each step either ran or reused what the workspace already held. */
export interface DemoResult {
  readonly workspace: string;
  readonly dataDir: string;
  readonly generated: GenerateSummary | 'reused';
  readonly ingested: IngestSummary | 'reused';
  readonly features: BuildSummary | 'reused';
}

/** `clairscore demo` (what `npm start` runs): synthetic data -> database -> features, reusing finished steps. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'run the demo pipeline: generate a synthetic data set, ingest it, compute features (reuses finished steps)',
    )
    .option('-n, --clients <n>', 'clients to generate on a first run', '30000')
    .option('-s, --seed <seed>', 'random seed of the generated data', '42')
    .option('--fresh', 'regenerate and re-ingest even when the workspace holds a finished run')
    .action(async (flags: DemoFlags, command: Command) => {
      const ctx = contextFrom(command);
      const workspace = ensureWorkspace(ctx.workspace);
      const dataDir = path.join(workspace.root, 'demo-data');
      const fresh = Boolean(flags.fresh);

      let generated: DemoResult['generated'] = 'reused';
      if (fresh || !isCompleteDataSet(dataDir)) {
        const clients = parseClients(flags.clients);
        const bar = startProgress('generate', clients);
        try {
          generated = await generateDataset({
            clients,
            seed: parseSeed(flags.seed),
            out: dataDir,
            onProgress: (done) => bar.update(done),
          });
        } finally {
          bar.stop();
        }
        ctx.info(renderGenerated(generated));
      } else {
        ctx.info(`Reusing the synthetic data set in ${dataDir}`);
      }

      let ingested: DemoResult['ingested'] = 'reused';
      if (generated !== 'reused' || !(await holdsIngestOf(workspace, dataDir))) {
        const bars = progressBars();
        try {
          ingested = await ingestFolder({ dataDir, workspace, onProgress: bars.onProgress });
        } finally {
          bars.stop();
        }
        ctx.info(renderIngested(ingested));
      } else {
        ctx.info(`Reusing the database ${workspace.database}`);
      }

      let features: DemoResult['features'] = 'reused';
      if (ingested !== 'reused' || !(await holdsFeatureTable(workspace))) {
        const bar = startProgress('features', 10);
        try {
          features = await buildFeatureTable(workspace, {
            onProgress: (step, done, total) => bar.update(Math.round((done / total) * 10), step),
          });
        } finally {
          bar.stop();
        }
        ctx.info(renderFeatures(features));
      } else {
        ctx.info('Reusing the feature table');
      }

      const result: DemoResult = { workspace: workspace.root, dataDir, generated, ingested, features };
      ctx.result(result, () =>
        [
          '',
          `Demo data ready in ${workspace.root}.`,
          'Next steps, as they land: train, promote, serve (see the README).',
        ].join('\n'),
      );
    });
}

/** The generator renames all its files into place at once, so all present means finished. */
function isCompleteDataSet(dir: string): boolean {
  return OUTPUT_FILES.every((file) => existsSync(path.join(dir, `${file}.csv`)));
}

async function holdsIngestOf(workspace: Workspace, dataDir: string): Promise<boolean> {
  if (!existsSync(workspace.database)) return false;
  const last = await withDatabase(workspace, { readOnly: true }, (db) => readLastIngest(db));
  return last !== undefined && path.resolve(last.sourceDir) === path.resolve(dataDir);
}

async function holdsFeatureTable(workspace: Workspace): Promise<boolean> {
  const schema = await withDatabase(workspace, { readOnly: true }, (db) =>
    readSchemaFromDatabase(db.connection),
  );
  return schema !== undefined;
}
