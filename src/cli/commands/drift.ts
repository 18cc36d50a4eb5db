import type { DuckDBConnection } from '@duckdb/node-api';
import type { Command } from 'commander';

import { ClairscoreError, type Workspace } from '../../core/index.js';
import { withDatabase } from '../../data/index.js';
import {
  applicationTableSource,
  compareDataSets,
  csvSource,
  featureTableSource,
  isStatTestName,
  parseSince,
  predictionDrift,
  readScoredApplications,
  scoredSource,
  validateDriftOptions,
  withPredictionDrift,
  writeDriftReport,
  type ColumnDrift,
  type DataSource,
  type DriftOptions,
  type DriftReport,
  type StatTestName,
} from '../../drift/index.js';
import { exportWorkspaceMatrix } from '../../features/index.js';
import { loadChampion, readChampionPointer } from '../../registry/index.js';
import { contextFrom } from '../context.js';
import { startProgress } from '../progress.js';
import { renderTable } from '../table.js';

interface DriftFlags {
  reference: string;
  current: string;
  since?: string;
  columns: string;
  out?: string;
  only?: string;
  method?: string;
  numMethod?: string;
  catMethod?: string;
  threshold?: string;
  numThreshold?: string;
  catThreshold?: string;
  columnMethod: string[];
  columnThreshold: string[];
  driftShare?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `clairscore drift`: compare a reference set with a current set, column by column (Evidently's method). */
export function registerDrift(program: Command): void {
  program
    .command('drift')
    .description(
      "compare a reference set with a current set column by column (Evidently's data-drift preset); writes workspace/drift/latest.json and an HTML report",
    )
    .option('--reference <set>', 'reference set: train, test or FILE.csv', 'train')
    .option(
      '--current <set>',
      'current set: test, FILE.csv, or scored (applications stored by the service)',
      'test',
    )
    .option('--since <date>', 'with --current scored: only applications scored at or after this ISO date')
    .option(
      '--columns <set>',
      'raw (application columns) or features (the feature table; train vs test)',
      'raw',
    )
    .option('--out <file>', 'HTML report path (default: workspace/drift/latest.html)')
    .option('--only <names>', 'comma-separated columns to compare (default: every common column)')
    .option('--method <test>', 'test for every column: ks, chisquare, z, wasserstein, jensenshannon, psi')
    .option('--num-method <test>', 'test for numerical columns')
    .option('--cat-method <test>', 'test for categorical columns')
    .option('--threshold <x>', "threshold for every column (default: the test's own)")
    .option('--num-threshold <x>', 'threshold for numerical columns')
    .option('--cat-threshold <x>', 'threshold for categorical columns')
    .option('--column-method <col=test>', 'test for one column (repeatable)', collect, [])
    .option('--column-threshold <col=x>', 'threshold for one column (repeatable)', collect, [])
    .option('--drift-share <x>', 'dataset drift when this share of columns drifted', '0.5')
    .addHelpText(
      'after',
      '\nExamples:\n  clairscore drift --reference train --current test\n' +
        '  clairscore drift --current new-applications.csv --out drift.html\n' +
        '  clairscore drift --current scored --since 2026-11-01 --json\n' +
        '  clairscore drift --method psi --column-threshold AMT_CREDIT=0.2',
    )
    .action(async (flags: DriftFlags, command: Command) => {
      const ctx = contextFrom(command);
      const options = driftOptions(flags);
      if (flags.columns !== 'raw' && flags.columns !== 'features') {
        throw usage(`--columns must be raw or features (got "${flags.columns}").`);
      }
      if (flags.since !== undefined && flags.current !== 'scored') {
        throw usage('--since applies to --current scored only.');
      }
      if (flags.columns === 'features' && (flags.reference !== 'train' || flags.current !== 'test')) {
        throw usage(
          "--columns features compares the feature table's train and test rows only (--reference train --current test); use --columns raw for CSV files and scored applications.",
        );
      }
      const since = flags.since !== undefined ? parseSince(flags.since) : undefined;
      const warnings: string[] = [];
      const bar = startProgress('drift', 100);
      let report: DriftReport;
      let scoredProbabilities: number[] | undefined;
      try {
        report = await withDatabase(ctx.workspace, { readOnly: true }, async (db) => {
          const features = flags.columns === 'features';
          const reference = features
            ? await featureTableSource(db.connection, 'train')
            : await sourceOf(db.connection, flags.reference, 'reference');
          let current: DataSource;
          if (features) current = await featureTableSource(db.connection, 'test');
          else if (flags.current === 'scored') {
            const scored = readScoredApplications(ctx.workspace.scored, since);
            for (const s of scored.skipped) warnings.push(`skipped ${s.file}, line ${s.line}: ${s.reason}`);
            if (scored.applications.length === 0) {
              throw new ClairscoreError(
                'CS_ERR_EMPTY_DATASET',
                `No scored applications in ${ctx.workspace.scored}${flags.since ? ` since ${flags.since}` : ''} (${scored.files.length} file(s) read): nothing to compare yet.`,
                { folder: ctx.workspace.scored, files: scored.files },
              );
            }
            current = scoredSource(scored);
            scoredProbabilities = scored.applications.map((a) => a.probability);
          } else current = await sourceOf(db.connection, flags.current, 'current');
          return compareDataSets(reference, current, {
            drift: options,
            columnSet: flags.columns as 'raw' | 'features',
            ...(flags.only !== undefined ? { columns: splitList(flags.only) } : {}),
            ...(since ? { since: since.toISOString() } : {}),
            warnings,
            onProgress: (done, total) =>
              bar.update(Math.round((done / total) * 100), `${done}/${total} columns`),
          });
        });
      } finally {
        bar.stop();
      }
      const prediction = await championPredictionDrift(ctx.workspace, flags, scoredProbabilities, options);
      if (typeof prediction === 'string') report = { ...report, warnings: [...report.warnings, prediction] };
      else report = withPredictionDrift(report, prediction);
      const files = writeDriftReport(ctx.workspace, report, flags.out);
      for (const warning of report.warnings) ctx.warn(warning);
      ctx.result({ ...report, files }, (r) => renderReport(r, files));
    });
}

/**
 * Prediction drift of the champion, as Evidently measures it: the same model's probabilities on
 * the reference set (the training applications) and on the current one (the test applications,
 * or the probabilities stored in the scored log). A reason string when it cannot be had.
 */
async function championPredictionDrift(
  workspace: Workspace,
  flags: DriftFlags,
  scoredProbabilities: number[] | undefined,
  options: DriftOptions,
): Promise<ColumnDrift | string> {
  if (readChampionPointer(workspace) === undefined)
    return 'prediction drift not computed: no champion model yet';
  if (flags.reference !== 'train') {
    return 'prediction drift is computed against the training applications only (--reference train)';
  }
  if (scoredProbabilities === undefined && flags.current !== 'test') {
    return 'prediction drift not computed for a CSV: score it first (clairscore score)';
  }
  const champion = loadChampion(workspace);
  try {
    const probabilities = async (rows: 'train' | 'test'): Promise<Float64Array> => {
      const matrix = await exportWorkspaceMatrix(workspace, {
        rows,
        features: champion.card.features,
        expectedVersion: champion.featureVersion,
      });
      return champion.score(matrix.data).probability;
    };
    const current = scoredProbabilities ?? (await probabilities('test'));
    return predictionDrift(await probabilities('train'), current, options);
  } finally {
    champion.free();
  }
}

function usage(message: string): ClairscoreError {
  return new ClairscoreError('CS_ERR_USAGE', message);
}

const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

async function sourceOf(connection: DuckDBConnection, set: string, side: string): Promise<DataSource> {
  if (set === 'train') return applicationTableSource(connection, 'application_train');
  if (set === 'test') return applicationTableSource(connection, 'application_test');
  if (set === 'scored') throw usage('scored applications can only be the current set.');
  if (!set.toLowerCase().endsWith('.csv')) {
    throw usage(
      `--${side} must be train, test${side === 'current' ? ', scored' : ''} or a .csv file (got "${set}").`,
    );
  }
  return csvSource(connection, set);
}

function parseNumber(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw usage(`${flag} must be a number (got "${text}").`);
  return value;
}

function parseMethod(flag: string, text: string | undefined): StatTestName | undefined {
  if (text === undefined) return undefined;
  if (!isStatTestName(text)) {
    throw usage(`${flag} must be one of ks, chisquare, z, wasserstein, jensenshannon, psi (got "${text}").`);
  }
  return text;
}

/** COL=VALUE pairs of a repeatable flag (commas also separate pairs). */
function pairs(flag: string, values: readonly string[]): [string, string][] {
  return values.flatMap(splitList).map((pair) => {
    const at = pair.lastIndexOf('=');
    if (at <= 0 || at === pair.length - 1) throw usage(`${flag} takes COLUMN=VALUE (got "${pair}").`);
    return [pair.slice(0, at), pair.slice(at + 1)];
  });
}

function driftOptions(flags: DriftFlags): DriftOptions {
  const defined = <T>(key: string, value: T | undefined): Record<string, T> =>
    value === undefined ? {} : { [key]: value };
  const perColumnMethod = Object.fromEntries(
    pairs('--column-method', flags.columnMethod).map(([c, m]) => [
      c,
      parseMethod(`--column-method ${c}`, m)!,
    ]),
  );
  const perColumnThreshold = Object.fromEntries(
    pairs('--column-threshold', flags.columnThreshold).map(([c, t]) => [
      c,
      parseNumber(`--column-threshold ${c}`, t)!,
    ]),
  );
  return validateDriftOptions({
    ...defined('method', parseMethod('--method', flags.method)),
    ...defined('numMethod', parseMethod('--num-method', flags.numMethod)),
    ...defined('catMethod', parseMethod('--cat-method', flags.catMethod)),
    ...defined('threshold', parseNumber('--threshold', flags.threshold)),
    ...defined('numThreshold', parseNumber('--num-threshold', flags.numThreshold)),
    ...defined('catThreshold', parseNumber('--cat-threshold', flags.catThreshold)),
    ...(Object.keys(perColumnMethod).length > 0 ? { perColumnMethod } : {}),
    ...(Object.keys(perColumnThreshold).length > 0 ? { perColumnThreshold } : {}),
    ...defined('driftShare', parseNumber('--drift-share', flags.driftShare)),
  });
}

const score = (value: number | null): string =>
  value === null
    ? '-'
    : value !== 0 && Math.abs(value) < 1e-4
      ? value.toExponential(2)
      : value.toPrecision(4);

function renderReport(report: DriftReport, files: { json: string; html: string }): string {
  const d = report.dataset;
  const drifted = report.columns.filter((c) => c.driftDetected);
  const notTested = report.columns.filter((c) => c.status === 'not_tested');
  return [
    `${report.reference.name} (${report.reference.rows.toLocaleString('en-US')} rows) vs ${report.current.name}` +
      `${report.current.since ? ` since ${report.current.since}` : ''} (${report.current.rows.toLocaleString('en-US')} rows), ${report.columnSet} columns`,
    `${d.datasetDrift ? 'DATASET DRIFT' : 'no dataset drift'}: ${d.numberOfDriftedColumns} of ${d.numberOfColumns} tested columns drifted ` +
      `(share ${d.shareOfDriftedColumns.toFixed(3)}, drift when >= ${d.driftShare})`,
    '',
    drifted.length > 0
      ? renderTable(
          ['drifted column', 'type', 'test', 'score', 'threshold'],
          drifted.map((c) => [
            c.columnName,
            c.columnType,
            c.stattestName ?? '',
            score(c.driftScore),
            score(c.stattestThreshold),
          ]),
        )
      : 'no drifted column',
    ...(report.prediction
      ? [
          '',
          `prediction drift (champion's probabilities, ${report.prediction.stattestName ?? ''}): score ${score(report.prediction.driftScore)}, threshold ${score(report.prediction.stattestThreshold)}: ${report.prediction.driftDetected ? 'DRIFT' : 'no drift'}`,
        ]
      : []),
    ...(notTested.length > 0
      ? [
          '',
          renderTable(
            ['not tested', 'reason'],
            notTested.map((c) => [c.columnName, c.reason ?? '']),
          ),
        ]
      : []),
    '',
    `JSON: ${files.json}`,
    `HTML: ${files.html}`,
  ].join('\n');
}
