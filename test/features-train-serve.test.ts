import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ClairscoreError } from '../src/core/index.js';
import {
  applicationsFromDatabase,
  exportWorkspaceMatrix,
  FeatureEngine,
  readSchemaFile,
  type BuildSummary,
  type FeatureSchema,
} from '../src/features/index.js';
import { runCli } from './cli.js';
import { sameValue, removeTempWorkspaces, tempWorkspace, withConnection } from './features-fixtures.js';

const CLIENTS = 240;
const workspace = tempWorkspace('serve');
let summary: BuildSummary;
let schema: FeatureSchema;

/** Runs the CLI and fails with its stderr when it does not succeed. */
function cli(args: readonly string[]): string {
  const run = runCli(['--workspace', workspace.root, ...args]);
  expect(run.stderr.replace(/^warning:.*\n/gm, '')).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

afterAll(removeTempWorkspaces);

beforeAll(() => {
  const data = path.join(workspace.root, 'synthetic');
  cli(['generate', '--clients', String(CLIENTS), '--seed', '11', '--out', data]);
  cli(['ingest', '--data', data]);
  summary = JSON.parse(cli(['features', '--json'])) as BuildSummary;
  schema = readSchemaFile(workspace);
});

describe('generated data through the feature pipeline', () => {
  it('builds one row per client with several hundred features', () => {
    expect(summary.rows.train + summary.rows.test).toBe(CLIENTS);
    expect(summary.rows.test).toBeGreaterThan(0);
    expect(summary.features).toBeGreaterThanOrEqual(400);
    expect(summary.version).toBe(schema.version);
  });

  it('gives, one application at a time, exactly the batch values of every client', async () => {
    const engine = await FeatureEngine.open(workspace);
    try {
      const compared = await withConnection(workspace, async (connection) => {
        const reader = await connection.runAndReadAll('SELECT * FROM features ORDER BY "SK_ID_CURR"');
        const batchRows = reader.getRowObjectsJS();
        const applications = await applicationsFromDatabase(
          connection,
          batchRows.map((r) => Number(r.SK_ID_CURR)),
        );
        let clients = 0;
        for (const batch of batchRows) {
          const single = await engine.compute(applications.get(Number(batch.SK_ID_CURR)));
          expect(single.id).toBe(Number(batch.SK_ID_CURR));
          for (const [name, value] of Object.entries(single.values)) {
            const expected = batch[name] === null ? null : Number(batch[name]);
            if (!sameValue(value, expected))
              expect.fail(`client ${single.id}, ${name}: single ${value}, batch ${expected}`);
          }
          expect(Object.keys(single.values)).toHaveLength(schema.features.length);
          clients++;
        }
        return clients;
      });
      expect(compared).toBe(CLIENTS);
    } finally {
      engine.close();
    }
  });

  it('answers a what-if from remembered histories exactly as a fresh engine, and recomputes a changed history', async () => {
    const applications = await withConnection(workspace, async (connection) => {
      const reader = await connection.runAndReadAll(
        'SELECT "SK_ID_CURR" FROM features WHERE "BURO_COUNT" >= 2 ORDER BY "SK_ID_CURR" LIMIT 5',
      );
      return applicationsFromDatabase(
        connection,
        reader.getRowObjectsJS().map((r) => Number(r.SK_ID_CURR)),
      );
    });
    expect(applications.size).toBe(5);
    const warm = await FeatureEngine.open(workspace);
    try {
      for (const application of applications.values()) {
        const first = await warm.compute(application);
        const cheaper = { ...application, AMT_CREDIT: Number(application.AMT_CREDIT) / 2 };
        const bureau = (application.bureau as Record<string, unknown>[]).map((row, i) =>
          i === 0 ? { ...row, AMT_CREDIT_SUM: Number(row.AMT_CREDIT_SUM ?? 0) + 1_000_000 } : row,
        );
        const moreDebt = { ...application, bureau };
        const variants = [cheaper, moreDebt, application];
        const warmAnswers = [];
        for (const variant of variants) warmAnswers.push(await warm.compute(variant));
        // the same answers from an engine that never saw the client
        for (const [i, variant] of variants.entries()) {
          const cold = await FeatureEngine.open(workspace);
          try {
            const fresh = await cold.compute(variant);
            for (const [name, value] of Object.entries(fresh.values)) {
              if (!sameValue(warmAnswers[i]!.values[name] ?? null, value))
                expect.fail(
                  `variant ${i}, ${name}: remembered ${warmAnswers[i]!.values[name]}, fresh ${value}`,
                );
            }
          } finally {
            cold.close();
          }
        }
        expect(warmAnswers[0]!.values.AMT_CREDIT).toBe(Number(application.AMT_CREDIT) / 2);
        expect(warmAnswers[0]!.values.BURO_COUNT).toBe(first.values.BURO_COUNT);
        expect(warmAnswers[1]!.values.BURO_AMT_CREDIT_SUM_SUM).not.toBe(first.values.BURO_AMT_CREDIT_SUM_SUM);
        expect(warmAnswers[2]!.values).toEqual(first.values);
      }
    } finally {
      warm.close();
    }
  });

  it('exports the training rows as a dense Float32 matrix with NaN for missing values', async () => {
    const matrix = await exportWorkspaceMatrix(workspace, { expectedVersion: schema.version });
    expect(matrix.nrow).toBe(summary.rows.train);
    expect(matrix.ncol).toBe(schema.modelFeatures.length);
    expect(matrix.columns).not.toContain('CODE_GENDER');
    expect(matrix.data).toHaveLength(matrix.nrow * matrix.ncol);
    expect([...matrix.labels].every((y) => y === 0 || y === 1)).toBe(true);
    expect([...matrix.ids]).toEqual([...matrix.ids].sort((a, b) => a - b));
    expect(matrix.categorical.map((i) => matrix.columns[i])).toContain('ORGANIZATION_TYPE');
    const column = matrix.columns.indexOf('BURO_AMT_CREDIT_SUM_DEBT_MEAN');
    const row = matrix.nrow - 1;
    await withConnection(workspace, async (connection) => {
      const reader = await connection.runAndReadAll(
        'SELECT "BURO_AMT_CREDIT_SUM_DEBT_MEAN" AS v, "TARGET" AS y FROM features WHERE "SK_ID_CURR" = $1',
        [matrix.ids[row]!],
      );
      const { v, y } = reader.getRowObjectsJS()[0]!;
      const got = matrix.data[row * matrix.ncol + column]!;
      if (v === null) expect(got).toBeNaN();
      else expect(got).toBe(Math.fround(Number(v)));
      expect(matrix.labels[row]).toBe(Number(y));
    });
    const nan = matrix.data.reduce((n, x) => (Number.isNaN(x) ? n + 1 : n), 0);
    expect(nan).toBeGreaterThan(0);
  });

  it('exports the test rows with NaN labels, and refuses a model of another feature version', async () => {
    const test = await exportWorkspaceMatrix(workspace, {
      rows: 'test',
      features: ['AMT_CREDIT', 'CODE_GENDER'],
    });
    expect(test.nrow).toBe(summary.rows.test);
    expect(test.columns).toEqual(['AMT_CREDIT', 'CODE_GENDER']);
    expect([...test.labels].every(Number.isNaN)).toBe(true);
    const refused = exportWorkspaceMatrix(workspace, { expectedVersion: '0000000000000000' });
    await expect(refused).rejects.toBeInstanceOf(ClairscoreError);
    await expect(refused).rejects.toMatchObject({ code: 'CS_ERR_FEATURE_VERSION' });
    await expect(exportWorkspaceMatrix(workspace, { features: ['NOT_A_FEATURE'] })).rejects.toMatchObject({
      code: 'CS_ERR_UNKNOWN_FEATURE',
    });
  });
});
