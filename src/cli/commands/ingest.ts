import type { Command } from 'commander';

import { ingestFolder, type IngestProgress, type IngestSummary } from '../../data/index.js';
import { contextFrom } from '../context.js';
import { startProgress, type Progress } from '../progress.js';
import { renderTable } from '../table.js';

interface IngestFlags {
  data: string;
  allowMissingColumns?: boolean;
}

/** `clairscore ingest --data DIR`: load the Kaggle CSV files into the workspace database. */
export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('load the Kaggle CSV files into the workspace database (replaced only when all is valid)')
    .requiredOption('-d, --data <dir>', 'folder holding application_train.csv and the other Kaggle files')
    .option(
      '--allow-missing-columns',
      'load a table lacking non-key columns, with those columns empty (NULL)',
    )
    .action(async (flags: IngestFlags, command: Command) => {
      const ctx = contextFrom(command);
      const bars = progressBars();
      let summary: IngestSummary;
      try {
        summary = await ingestFolder({
          dataDir: flags.data,
          workspace: ctx.workspace,
          allowMissingColumns: flags.allowMissingColumns ?? false,
          onProgress: bars.onProgress,
        });
      } finally {
        bars.stop();
      }
      for (const warning of summary.warnings) ctx.warn(warning);
      ctx.result(summary, renderSummary);
    });
}

/** One progress bar per table, on stderr (shown only on a terminal); the demo reuses it. */
export function progressBars(): { onProgress: (event: IngestProgress) => void; stop: () => void } {
  let bar: Progress | undefined;
  const stop = (): void => {
    bar?.stop();
    bar = undefined;
  };
  const onProgress = (event: IngestProgress): void => {
    if (event.kind === 'table-start') {
      stop();
      bar = startProgress(event.table, 100);
    } else if (event.kind === 'table-progress') {
      bar?.update(Math.round(event.percent), 'reading');
    } else if (event.kind === 'table-done') {
      bar?.update(100, `${event.rows.toLocaleString('en-US')} rows`);
      stop();
    }
  };
  return { onProgress, stop };
}

export function renderSummary(summary: IngestSummary): string {
  const rows = summary.tables.map((t) => (t.rows === null ? '-' : t.rows.toLocaleString('en-US')));
  const width = Math.max(4, ...rows.map((r) => r.length));
  const tables = renderTable(
    ['table', 'rows'.padStart(width), 'status'],
    summary.tables.map((t, i) => [t.table, rows[i]!.padStart(width), t.status]),
  );
  const rate = (summary.defaults.rate * 100).toFixed(2);
  const figures = [
    `clients   ${summary.clients.train.toLocaleString('en-US')} train, ${summary.clients.test.toLocaleString('en-US')} test`,
    `defaults  ${summary.defaults.count.toLocaleString('en-US')} (${rate}% of train)`,
    `time      ${(summary.durationMs / 1000).toFixed(1)} s`,
  ];
  const orphans =
    summary.orphans.length === 0
      ? 'orphans: no link to check (no secondary table loaded)'
      : renderTable(
          ['orphan link', 'rows', 'keys'],
          summary.orphans.map((o) => [`${o.table}.${o.column} -> ${o.targets.join(' | ')}`, o.rows, o.keys]),
        );
  return [
    `Ingested ${summary.sourceDir}`,
    `into ${summary.database}`,
    '',
    tables,
    '',
    ...figures,
    '',
    orphans,
  ].join('\n');
}
