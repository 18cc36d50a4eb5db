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
import { listVersions, promote, readChampionPointer } from '../../registry/index.js';
import { runTraining } from '../../training/index.js';
import { contextFrom } from '../context.js';
import { startProgress } from '../progress.js';
import { renderSummary as renderGenerated } from './generate.js';
import { renderSummary as renderFeatures } from './features.js';
import { progressBars, renderSummary as renderIngested } from './ingest.js';
import { integerFlag } from '../options.js';
import { renderServe, serveWorkspace, type ServeResult } from './serve.js';

interface DemoFlags {
  clients: string;
  seed: string;
  fresh?: boolean;
  serve: boolean;
  port: string;
  host: string;
}

/** The demo's decision rule: a review band so that the advisor's final decision can be shown. */
const DEMO_REVIEW_BAND = 0.05;

/** What the demo did: each step either ran or reused what the workspace already held. */
export interface DemoResult {
  readonly workspace: string;
  readonly dataDir: string;
  readonly generated: GenerateSummary | 'reused';
  readonly ingested: IngestSummary | 'reused';
  readonly features: BuildSummary | 'reused';
  /** The version trained, or 'reused' when the registry already held one. */
  readonly trained: number | 'reused';
  readonly champion: number;
  /** Where the service listens (absent with --no-serve). */
  readonly service?: ServeResult;
}

/** `clairscore demo` (what `npm start` runs): data -> database -> features -> model -> service, reusing finished steps. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'run the demo: generate a synthetic data set, ingest, features, train, promote, serve (reuses finished steps)',
    )
    .option('-n, --clients <n>', 'clients to generate on a first run', '30000')
    .option('-s, --seed <seed>', 'random seed of the generated data', '42')
    .option('--fresh', 'regenerate and re-ingest even when the workspace holds a finished run')
    .option('--no-serve', 'stop after training and promotion instead of starting the service')
    .option('-p, --port <port>', 'TCP port of the service', '3000')
    .option('--host <host>', 'address the service listens on', '127.0.0.1')
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

      let trained: DemoResult['trained'] = 'reused';
      if (features !== 'reused' || listVersions(workspace).length === 0) {
        const report = await runTraining(workspace, {
          models: ['lightgbm'],
          // three folds rather than five keep the first `npm start` within its 3-minute budget
          folds: 3,
          costs: { fnCost: 10, fpCost: 1 },
          reviewBand: DEMO_REVIEW_BAND,
          runName: 'demo',
          onStep: (step) => ctx.info(`· ${step}`),
        });
        trained = report.card?.version ?? 'reused';
        ctx.info(`Trained model version ${String(trained)}`);
      } else {
        ctx.info(`Reusing model version ${listVersions(workspace).at(-1)}`);
      }

      const pointer = readChampionPointer(workspace);
      let champion = pointer?.version;
      if (trained !== 'reused' || champion === undefined) {
        champion = promote(workspace).champion.version;
        ctx.info(`Version ${champion} is the champion`);
      }

      const base: DemoResult = {
        workspace: workspace.root,
        dataDir,
        generated,
        ingested,
        features,
        trained,
        champion,
      };
      if (!flags.serve) {
        ctx.result(
          base,
          () => `\nDemo ready in ${workspace.root}: run \`clairscore serve\` to start the service.`,
        );
        return;
      }
      const { result: service } = await serveWorkspace(ctx, workspace, {
        port: integerFlag('--port', flags.port, 0, 65535),
        host: flags.host,
        demo: { clientId: await demoClientId(workspace) },
      });
      ctx.result({ ...base, service }, () => `\n${renderServe(service)}`);
    });
}

/** The client the demo's client account reads: the first training client. */
async function demoClientId(workspace: Workspace): Promise<number> {
  const rows = await withDatabase(workspace, { readOnly: true }, (db) =>
    db.query('SELECT min("SK_ID_CURR") AS id FROM application_train'),
  );
  return Number(rows[0]?.id);
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
