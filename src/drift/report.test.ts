import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';

import { isClairscoreError } from '../core/index.js';
import { memorySource } from './data-source.js';
import { compareDataSets } from './dataset-drift.js';
import { renderHtmlReport } from './html/html-report.js';
import { predictionDrift, withPredictionDrift } from './prediction-drift.js';
import { DriftReportSchema } from './report-schema.js';
import { Rng } from '../core/index.js';

const rng = new Rng(5);
const normal = (n: number, mean: number, sd = 1): Float64Array =>
  Float64Array.from({ length: n }, () => rng.normal(mean, sd));

const reference = memorySource(
  'reference',
  [
    { name: 'income', storage: 'float' },
    { name: 'kind', storage: 'string' },
    { name: 'empty', storage: 'float' },
    { name: 'SK_ID_CURR', storage: 'int' },
    { name: 'only_ref', storage: 'float' },
  ],
  {
    income: normal(1500, 0),
    kind: Array.from({ length: 1500 }, (_, i) => (i % 3 === 0 ? 'a<b>' : 'c')),
    empty: new Float64Array(1500).fill(Number.NaN),
    SK_ID_CURR: Float64Array.from({ length: 1500 }, (_, i) => i),
    only_ref: normal(1500, 0),
  },
);
const current = memorySource(
  'current',
  [
    { name: 'income', storage: 'float' },
    { name: 'kind', storage: 'string' },
    { name: 'empty', storage: 'float' },
    { name: 'only_cur', storage: 'string' },
  ],
  {
    income: normal(600, 1),
    kind: Array.from({ length: 600 }, (_, i) => (i % 3 === 0 ? 'a<b>' : 'c')),
    empty: normal(600, 0),
    only_cur: new Array<string | null>(600).fill('x'),
  },
);

describe('dataset report', () => {
  it('lists mismatched and excluded columns, tests the common ones, gives the verdict', async () => {
    const report = await compareDataSets(reference, current);
    expect(report.mismatched).toEqual({ onlyInReference: ['only_ref'], onlyInCurrent: ['only_cur'] });
    expect(report.excluded).toEqual([{ column: 'SK_ID_CURR', reason: 'identifier' }]);
    const byName = Object.fromEntries(report.columns.map((c) => [c.columnName, c]));
    expect(byName.income).toMatchObject({ stattest: 'wasserstein', driftDetected: true });
    expect(byName.kind).toMatchObject({ stattest: 'jensenshannon', driftDetected: false });
    expect(byName.empty).toMatchObject({ status: 'not_tested' });
    // one of the two tested columns drifted: share 0.5 reaches the default drift share
    expect(report.dataset).toEqual({
      numberOfColumns: 2,
      numberOfDriftedColumns: 1,
      shareOfDriftedColumns: 0.5,
      datasetDrift: true,
      driftShare: 0.5,
    });
    expect(Value.Check(DriftReportSchema, report)).toBe(true);
    const stricter = await compareDataSets(reference, current, { drift: { driftShare: 0.6 } });
    expect(stricter.dataset.datasetDrift).toBe(false);
  });

  it('an empty set or no common column is a clear error', async () => {
    const empty = memorySource('nothing', [{ name: 'income', storage: 'float' }], {
      income: new Float64Array(0),
    });
    const other = memorySource('other', [{ name: 'z', storage: 'float' }], { z: normal(10, 0) });
    for (const [cur, code] of [
      [empty, 'CS_ERR_EMPTY_DATASET'],
      [other, 'CS_ERR_NO_COMMON_COLUMNS'],
    ] as const) {
      const error: unknown = await compareDataSets(reference, cur).catch((e: unknown) => e);
      expect(isClairscoreError(error) && error.code).toBe(code);
    }
  });
});

describe('prediction drift', () => {
  it('K-S for small score sets, Wasserstein for large; shifted scores drift, same ones do not', () => {
    const scores = (n: number, shift: number): number[] =>
      Array.from({ length: n }, () => 1 / (1 + Math.exp(-(rng.normal(-2.4, 1) + shift))));
    const small = predictionDrift(scores(500, 0), scores(400, 0.5));
    expect(small).toMatchObject({ columnName: 'prediction', stattest: 'ks', driftDetected: true });
    const stable = predictionDrift(scores(5000, 0), scores(3000, 0));
    expect(stable).toMatchObject({ stattest: 'wasserstein', driftDetected: false });
  });

  it('fits in the report next to the columns, without changing the share', async () => {
    const report = await compareDataSets(reference, current);
    const withScores = withPredictionDrift(report, predictionDrift([0.1, 0.2, 0.3], [0.5, 0.6, 0.7]));
    expect(Value.Check(DriftReportSchema, withScores)).toBe(true);
    expect(withScores.dataset).toEqual(report.dataset);
    expect(renderHtmlReport(withScores)).toContain('Prediction drift');
  });
});

describe('HTML report', () => {
  it('is self-contained: inline style, script and SVG, no external resource', async () => {
    const html = renderHtmlReport(await compareDataSets(reference, current));
    expect(html).not.toMatch(/<link|<script[^>]+src=|<img|@import|url\(/i);
    expect(html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:\/\//);
    expect(html).toContain('<style>');
    expect(html).toContain('table class="sortable"');
  });

  it('has one table row and one distribution per column, and escapes values', async () => {
    const report = await compareDataSets(reference, current);
    const html = renderHtmlReport(report);
    const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
    expect(body.match(/<tr>/g)).toHaveLength(report.columns.length);
    // the all-missing column has nothing to plot
    expect(html.match(/<svg /g)).toHaveLength(report.columns.length - 1);
    expect(html).toContain('a&lt;b&gt;');
    expect(html).not.toContain('a<b>');
    expect(html).toContain('Dataset drift detected: 1 of 2 columns drifted');
  });
});
