import { readFileSync } from 'node:fs';

import type { Command } from 'commander';

import { ClairscoreError } from '../../core/index.js';
import {
  buildFeatureTable,
  describeFeature,
  featureDictionary,
  FeatureEngine,
  formatValue,
  type ApplicationFeatures,
  type BuildSummary,
  type CategoryLevel,
  type FeatureEntry,
  type Lang,
} from '../../features/index.js';
import { contextFrom } from '../context.js';
import { startProgress } from '../progress.js';
import { renderTable } from '../table.js';

interface FeaturesFlags {
  includeSensitive?: boolean;
  exclude?: string;
  describe?: string | boolean;
  lang: string;
  application?: string;
}

/** `clairscore features`: build the feature table, describe features, or compute one application's. */
export function registerFeatures(program: Command): void {
  program
    .command('features')
    .description(
      'compute the feature table of every application (train and test) into the workspace database',
    )
    .option(
      '--include-sensitive',
      'let the model use the sensitive attributes too (CODE_GENDER is left out by default)',
    )
    .option(
      '--exclude <names>',
      'comma-separated features kept in the table but out of the model (replaces the default)',
    )
    .option('--describe [name]', 'print the feature dictionary, or one feature, instead of computing')
    .option('--lang <lang>', 'language of labels: en or fr', 'en')
    .option('--application <file>', "compute one application's features from a JSON file ('-' for stdin)")
    .addHelpText(
      'after',
      '\nExamples:\n  clairscore features\n  clairscore features --describe DAYS_BIRTH --lang fr\n  clairscore features --application client.json --json',
    )
    .action(async (flags: FeaturesFlags, command: Command) => {
      const ctx = contextFrom(command);
      const lang = parseLang(flags.lang);
      if (flags.describe !== undefined) {
        if (typeof flags.describe === 'string') {
          ctx.result(describeFeature(flags.describe), (e) => renderEntry(e, lang));
        } else {
          ctx.result(featureDictionary, (entries) => renderDictionary(entries, lang));
        }
        return;
      }
      if (flags.application !== undefined) {
        const text = readFileSync(flags.application === '-' ? 0 : flags.application, 'utf8');
        const engine = await FeatureEngine.open(ctx.workspace);
        try {
          const value = parseJson(text);
          const levels = new Map(engine.schema.categories.map((c) => [c.feature, c.levels]));
          ctx.result(await engine.compute(value), (f) => renderApplication(f, lang, levels));
        } finally {
          engine.close();
        }
        return;
      }
      const bar = startProgress('features', 10);
      let summary: BuildSummary;
      try {
        summary = await buildFeatureTable(ctx.workspace, {
          includeSensitive: flags.includeSensitive ?? false,
          ...(flags.exclude !== undefined ? { exclude: splitNames(flags.exclude) } : {}),
          onProgress: (step, done, total) => bar.update(Math.round((done / total) * 10), step),
        });
      } finally {
        bar.stop();
      }
      ctx.result(summary, renderSummary);
    });
}

function parseLang(value: string): Lang {
  if (value === 'en' || value === 'fr') return value;
  throw new ClairscoreError('CS_ERR_USAGE', `--lang must be en or fr (got ${value}).`);
}

const splitNames = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Malformed JSON is an invalid application like any other: one structured error. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const problems = [{ path: '', message: `malformed JSON: ${(error as Error).message}` }];
    throw new ClairscoreError(
      'CS_ERR_INVALID_APPLICATION',
      `The application is invalid (1 problem): ${problems[0]!.message}.`,
      {
        problems,
      },
    );
  }
}

export function renderSummary(summary: BuildSummary): string {
  const constant = summary.dropped.filter((d) => d.reason === 'constant').map((d) => d.name);
  const duplicate = summary.dropped
    .filter((d) => d.reason === 'duplicate')
    .map((d) => `${d.name} (= ${d.duplicateOf})`);
  const list = (names: readonly string[]): string =>
    names.length === 0 ? '  none' : names.map((n) => `  ${n}`).join('\n');
  return [
    `Feature table written to ${summary.database}`,
    `schema: ${summary.schemaFile}`,
    '',
    renderTable(
      ['', 'value'],
      [
        ['rows (train)', summary.rows.train],
        ['rows (test)', summary.rows.test],
        ['features defined', summary.defined],
        ['features kept', summary.features],
        ['model features', summary.modelFeatures],
        ['version', summary.version],
        ['time', `${(summary.durationMs / 1000).toFixed(1)} s`],
      ],
    ),
    '',
    `excluded from the model (kept for fairness views): ${summary.excluded.join(', ') || 'none'}`,
    ...(summary.absentTables.length > 0
      ? [`absent tables (their features are empty): ${summary.absentTables.join(', ')}`]
      : []),
    `dropped as constant on the training rows (${constant.length}):`,
    list(constant),
    `dropped as duplicates of an earlier feature (${duplicate.length}):`,
    list(duplicate),
  ].join('\n');
}

function renderDictionary(entries: readonly FeatureEntry[], lang: Lang): string {
  const flags = (e: FeatureEntry): string =>
    [e.actionable ? 'actionable' : '', e.sensitive ? 'sensitive' : '', e.excludedByDefault ? 'excluded' : '']
      .filter(Boolean)
      .join(' ');
  return renderTable(
    ['name', 'source', 'kind', 'label', 'flags'],
    entries.map((e) => [e.name, e.origin, e.kind, e.label[lang], flags(e)]),
  );
}

function renderEntry(e: FeatureEntry, lang: Lang): string {
  return [
    `${e.name}: ${e.label[lang]}`,
    e.description[lang],
    '',
    `source     ${e.origin} (${e.tables.join(', ')})`,
    `kind       ${e.kind}, unit: ${e.unit[lang]}`,
    `actionable ${e.actionable ? 'yes' : 'no'}`,
    `sensitive  ${e.sensitive ? 'yes' : 'no'}${e.excludedByDefault ? ' (out of the model by default)' : ''}`,
  ].join('\n');
}

function renderApplication(
  features: ApplicationFeatures,
  lang: Lang,
  levels: ReadonlyMap<string, readonly CategoryLevel[]>,
): string {
  const rows = Object.entries(features.values).map(([name, value]) => {
    const entry = describeFeature(name);
    return [name, entry.label[lang], formatValue(entry, value, lang, levels.get(name))];
  });
  return [
    `Application ${features.id} (features version ${features.version})`,
    '',
    renderTable(['name', 'label', 'value'], rows),
  ].join('\n');
}
